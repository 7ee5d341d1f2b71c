using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Matching;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Operations;

/// <summary>UA-3.2: credits that reach one invoice at once pay it once, and every credit ends applied to an invoice it paid,
/// counted toward one still open, or held: an apply racing another payment never leaves money applied to nothing.</summary>
public sealed class HeldPaymentRaceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Overpaid = $"{BankHarness.Bank}:TX-OVER-1";

    [Fact]
    public async Task A_held_credit_applied_while_a_bank_credit_pays_the_invoice_stays_held_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(301);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-OVER-1", order.InvoiceNumber, amount: "6500.00")));
        var held = new SteppingHeldPayments(bank.HeldPayments);
        // The bank's credit of the whole amount pays the invoice the moment the apply has kept its resolution.
        held.AfterResolving(Overpaid, () => bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-FULL-1", order.InvoiceNumber))));

        var result = await bank.ApplyFlow(held).ApplyAsync(Overpaid, new ApplyHeldPayment(order.InvoiceNumber, "apply"), "ops-desk", default);

        Assert.Equal(StatusCodes.Status409Conflict, Status(result));
        var invoice = (await bank.Invoices.GetAsync(order.InvoiceNumber, default))!.Document;
        Assert.Equal((InvoiceStatus.Paid, $"{BankHarness.Bank}:TX-FULL-1"), (invoice.Status, invoice.PaymentReference));
        var again = (await bank.HeldPayments.GetAsync(Overpaid, default))!.Document;
        Assert.Equal((true, nameof(HoldReason.InvoiceAlreadyPaid), order.InvoiceNumber), (again.IsHeld, again.Reason, again.InvoiceNumber));
        Assert.Empty(await AuditedAsync(bank, Overpaid));
        Assert.DoesNotContain(await bank.OpenReviewAsync(), i => i.Id == "surplus:" + Overpaid);
        Assert.IsType<RegistrationPaid>(Assert.Single(bank.Events.Raised));
        var refund = await new RefundHeldPaymentFlow(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock)
            .RefundAsync(Overpaid, new RefundHeldPayment("6500.00", "KZT", "OUT-1", "paid twice"), 6500m, "ops-desk", default);
        Assert.Equal(StatusCodes.Status200OK, Status(refund));
    }

    [Fact]
    public async Task Two_partial_credits_applied_at_once_pay_their_invoice_once_and_both_are_audited_applied_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(302);
        string[] halves = [$"{BankHarness.Bank}:TX-HALF-A", $"{BankHarness.Bank}:TX-HALF-B"];
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-HALF-A", order.InvoiceNumber, amount: "3000.00")));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-HALF-B", order.InvoiceNumber, amount: "3000.00")));
        var held = new SteppingHeldPayments(bank.HeldPayments);
        // Each operator's apply has judged the invoice, finding the other credit still held, before either keeps its own, and
        // both are kept before either goes on.
        held.ResolveTogether(halves);

        var results = await Task.WhenAll(halves.Select(reference => Task.Run(() =>
            bank.ApplyFlow(held).ApplyAsync(reference, new ApplyHeldPayment(order.InvoiceNumber, "the rest came"), "ops-" + reference, default))));

        Assert.All(results, r => Assert.Equal(InvoiceStatus.Paid, Assert.IsType<Ok<HeldPaymentActionResult>>(r).Value!.InvoiceStatus));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.IsType<RegistrationPaid>(Assert.Single(bank.Events.Raised));
        foreach (var reference in halves)
        {
            var applied = (await bank.HeldPayments.GetAsync(reference, default))!.Document.Resolution!;
            Assert.Equal((HeldPaymentAction.Applied, order.InvoiceNumber, false), (applied.Action, applied.InvoiceNumber, applied.Pending));
            Assert.Equal("applied", Assert.Single(await AuditedAsync(bank, reference)).Action);
        }
    }

    [Fact]
    public async Task An_apply_a_host_stopped_in_before_paying_its_invoice_is_finished_by_the_recovery_pass_and_audited_once_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(303);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-OVER-1", order.InvoiceNumber, amount: "6500.00")));
        // What a host that died right after keeping the apply leaves behind.
        await bank.HeldPayments.ResolveAsync((await bank.HeldPayments.GetAsync(Overpaid, default))!,
            new HeldPaymentResolution(HeldPaymentAction.Applied, "ops-a", bank.Clock.GetUtcNow(), "apply", order.InvoiceNumber, Pending: true), default);
        bank.Clock.Advance(TimeSpan.FromMinutes(3));

        await bank.Recovery.RecoverAsync(default);
        await bank.Recovery.RecoverAsync(default);

        var invoice = (await bank.Invoices.GetAsync(order.InvoiceNumber, default))!.Document;
        Assert.Equal((InvoiceStatus.Paid, Overpaid), (invoice.Status, invoice.PaymentReference));
        Assert.IsType<RegistrationPaid>(Assert.Single(bank.Events.Raised));
        Assert.False((await bank.HeldPayments.GetAsync(Overpaid, default))!.Document.Resolution!.Pending);
        Assert.Equal("applied", Assert.Single(await AuditedAsync(bank, Overpaid)).Action);
        Assert.Contains(await bank.OpenReviewAsync(), i => i.Id == "surplus:" + Overpaid);
    }

    private static async Task<List<AuditEntry<HeldPaymentAudit>>> AuditedAsync(BankHarness bank, string reference) =>
        await new AuditLog<HeldPaymentAudit>(bank.Clients).ReadNewestFirstAsync(reference, 10, default).ToListAsync();

    private static int Status(IResult result) => ((IStatusCodeHttpResult)result).StatusCode!.Value;
}
