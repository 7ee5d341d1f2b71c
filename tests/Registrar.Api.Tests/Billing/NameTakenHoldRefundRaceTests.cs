using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Api.Billing;
using Registrar.Api.Http;
using Registrar.Api.Operations;
using Registrar.Api.Storefront;
using Registrar.Api.Tests.Banks;
using Registrar.Api.Tests.Retries;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Billing;

/// <summary>KZ-2.1 on Azurite: the customer's choice of another name holds what was paid, and operations decide a refund for
/// the same registration, each run between the other's reading of the refund ledger and its write. Whichever comes second
/// sees the first, so no more goes out than was paid: the refund is refused once the money is held, or the hold leaves the
/// refund out.</summary>
public sealed class NameTakenHoldRefundRaceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();

    [Fact]
    public async Task A_refund_judged_before_the_money_was_held_for_another_name_is_refused_when_it_comes_to_be_recorded_KZ_2_1()
    {
        var bank = new BankHarness(azurite);
        var hold = await NameTakenAsync(bank, 311);
        var ledger = new RefundLedgerStore(bank.Clients);
        // The customer's choice is carried out after the refund's checks found nothing held, just before the refund is recorded.
        var refunds = Handlers(bank, new Interleaved(ledger, beforeRecord: () => Flow(bank, ledger).CarryOutAsync(hold, default)));

        var (status, problem) = await RetryHarness.ReadAsync(await refunds.DecideAsync(RefundOf(100m, "K-311"), hold.RegistrationId, default));

        Assert.Equal((409, "KZ-2.1"), (status, problem.GetProperty("rule").GetString()));
        Assert.Empty((await ledger.ReadAsync(hold.RegistrationId, default)).Decided.Decisions);
        Assert.Equal(6000m, (await bank.HeldPayments.GetAsync(HoldPaymentForAnotherName.ReferenceFor(hold.RegistrationId), default))!.Document.Credit.Amount);
    }

    [Fact]
    public async Task A_refund_decided_after_the_hold_read_the_ledger_is_left_out_of_the_money_held_for_another_name_KZ_2_1()
    {
        var bank = new BankHarness(azurite);
        var hold = await NameTakenAsync(bank, 312);
        var ledger = new RefundLedgerStore(bank.Clients);
        var decided = 0;
        // Operations decide a refund after the hold read the ledger, before the hold is written.
        var flow = Flow(bank, new Interleaved(ledger, afterRead: async () =>
            decided = (await RetryHarness.ReadAsync(await Handlers(bank, ledger).DecideAsync(RefundOf(100m, "K-312"), hold.RegistrationId, default))).Status));

        await flow.CarryOutAsync(hold, default);

        Assert.Equal(201, decided);
        Assert.Equal(100m, Assert.Single((await ledger.ReadAsync(hold.RegistrationId, default)).Decided.Decisions).Amount.Amount);
        Assert.Equal(5900m, (await bank.HeldPayments.GetAsync(HoldPaymentForAnotherName.ReferenceFor(hold.RegistrationId), default))!.Document.Credit.Amount);
    }

    [Fact]
    public async Task A_choice_of_another_name_made_while_operations_refund_everything_is_refused_not_told_the_money_is_held_KZ_2_1()
    {
        var bank = new BankHarness(azurite);
        var hold = await NameTakenAsync(bank, 313);
        var ledger = new RefundLedgerStore(bank.Clients);
        var refunded = 0;
        // Operations refund all that was paid after the choice's hold read the ledger, before the hold is written.
        var holds = new NameTakenHolds(new Interleaved(ledger, afterRead: async () =>
            refunded = (await RetryHarness.ReadAsync(await Handlers(bank, ledger).DecideAsync(RefundOf(6000m, "K-313"), hold.RegistrationId, default))).Status),
            bank.Clock);
        var rules = new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(Zones));
        var choices = new NameTakenChoiceHandler(RetryHarness.Authenticator(), bank.Views, bank.Events, new RegistrationDecisionClaimStore(bank.Clients),
            new PaidTermsReader(bank.Orders, bank.Invoices, rules), ledger, holds);

        var (status, problem) = await RetryHarness.ReadAsync(await choices.HandleAsync(RetryHarness.Post($"/api/registrations/{hold.RegistrationId}/choice",
            new { choice = "AnotherName" }, null, RetryHarness.StorefrontKey, hold.CustomerId), hold.RegistrationId, default));

        Assert.Equal((201, 409, "KZ-2.1"), (refunded, status, problem.GetProperty("rule").GetString()));
        Assert.Null((await ledger.ReadAsync(hold.RegistrationId, default)).Held);
        await Flow(bank, ledger).CarryOutAsync(hold, default);
        Assert.Null(await bank.HeldPayments.GetAsync(HoldPaymentForAnotherName.ReferenceFor(hold.RegistrationId), default));
    }

    /// <summary>A .kz order paid in full whose name was taken first: its view, and the command the customer's choice issues.</summary>
    private static async Task<HoldPaymentForAnotherName> NameTakenAsync(BankHarness bank, int number)
    {
        var order = await bank.OrderAsync(number);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit($"TX-RACE-{number}", order.InvoiceNumber)));
        var registrationId = RegistrationIds.For(order.OrderId, 0);
        await bank.Views.RecordAsync(new RegistrationView(registrationId, order.CustomerId, "shop.kz", "shop.kz", "kz", RegistrationPhase.NameTaken, null), 1, default);
        return new HoldPaymentForAnotherName(RegistrationIds.Command(registrationId, 9), registrationId, order.CustomerId, order.OrderId);
    }

    private static Microsoft.AspNetCore.Http.HttpRequest RefundOf(decimal amount, string idempotencyKey) =>
        RetryHarness.Post("/api/ops/registrations/refunds", new { ground = "CourtDecision", amount, courtDecision = "Case 2-311/27", reason = "race" }, idempotencyKey);

    private static RefundDecisionHandlers Handlers(BankHarness bank, IRefundLedger ledger)
    {
        var rules = new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(Zones));
        return new(RetryHarness.Authenticator(), bank.Views, Zones, rules, new PaidTermsReader(bank.Orders, bank.Invoices, rules),
            new IdempotentRequests(new IdempotencyKeyStore(bank.Clients), bank.Clock), ledger, bank.HeldPayments,
            new AuditLog<RegistrationAudit>(bank.Clients), bank.Clock);
    }

    private static HoldPaymentForAnotherNameFlow Flow(BankHarness bank, IRefundLedger ledger) =>
        new(bank.Orders, bank.Invoices, new NameTakenHolds(ledger, bank.Clock), bank.HeldPayments, bank.Review, bank.Clock, NullLogger<HoldPaymentForAnotherNameFlow>.Instance);

    /// <summary>The ledger, with the other party's step run once: after the first reading, or before the first write.</summary>
    private sealed class Interleaved(IRefundLedger ledger, Func<Task>? afterRead = null, Func<Task>? beforeRecord = null) : IRefundLedger
    {
        private Func<Task>? _afterRead = afterRead;
        private Func<Task>? _beforeRecord = beforeRecord;

        public async Task<RefundLedgerRead> ReadAsync(string registrationId, CancellationToken ct)
        {
            var read = await ledger.ReadAsync(registrationId, ct);
            await RunOnce(ref _afterRead);
            return read;
        }

        public async Task<RefundDecided> RecordAsync(RefundLedgerRead read, RefundDecided decision, CancellationToken ct)
        {
            await RunOnce(ref _beforeRecord);
            return await ledger.RecordAsync(read, decision, ct);
        }

        public Task<HeldForAnotherName> HoldAsync(RefundLedgerRead read, HeldForAnotherName held, CancellationToken ct) => ledger.HoldAsync(read, held, ct);

        private static Task RunOnce(ref Func<Task>? step)
        {
            var once = step;
            step = null;
            return once?.Invoke() ?? Task.CompletedTask;
        }
    }
}
