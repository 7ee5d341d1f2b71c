using System.Text;
using Registrar.Api.Banks;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>A crash after a bank message was recorded and before its entries were applied: the recovery
/// pass applies them from the recorded bytes, against Azurite, with the real stores.</summary>
public sealed class UnprocessedPaymentRecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_credit_recorded_before_a_crash_is_applied_by_the_recovery_pass_once()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(201);
        // The request that received it recorded it (and spent its signature), then the host died.
        await bank.Messages.RecordAsync(new(BankHarness.Bank, BankNotificationFormats.Camt054),
            CamtFiles.Utf8(CamtFiles.Credit("TX-RECOVER-1", order.InvoiceNumber)), bank.Clock.GetUtcNow(), null, default);

        Assert.Equal(0, await bank.Recovery.RecoverAsync(default));
        bank.Clock.Advance(UnprocessedPaymentRecovery.Grace);
        Assert.Equal(1, await bank.Recovery.RecoverAsync(default));
        Assert.Equal(0, await bank.Recovery.RecoverAsync(default));

        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        var paid = Assert.IsType<RegistrationPaid>(Assert.Single(bank.Events.Raised));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(5)), paid.PaidAt);
    }

    [Fact]
    public async Task A_credit_that_paid_its_invoice_just_before_a_crash_still_starts_the_registrations()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(202);
        var bookedAt = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(5));
        // The crash came after the invoice was marked paid and before any registration was started.
        var open = (await bank.Invoices.GetAsync(order.InvoiceNumber, default))!;
        await bank.Invoices.UpdateAsync(open, open.Document with { Status = InvoiceStatus.Paid, PaidAt = bookedAt, PaymentReference = "halyk:TX-RECOVER-2" },
            order.CustomerId, "Paid", default);
        await bank.Messages.RecordAsync(new(BankHarness.Bank, BankNotificationFormats.Camt054),
            CamtFiles.Utf8(CamtFiles.Credit("TX-RECOVER-2", order.InvoiceNumber)), bank.Clock.GetUtcNow(), null, default);
        bank.Clock.Advance(UnprocessedPaymentRecovery.Grace);

        Assert.Equal(1, await bank.Recovery.RecoverAsync(default));

        var paid = Assert.IsType<RegistrationPaid>(Assert.Single(bank.Events.Raised));
        Assert.Equal(bookedAt, paid.PaidAt);
        Assert.Equal("applied", (await bank.Payments.GetAsync("halyk:TX-RECOVER-2", default))!.Document.Outcome!.Value.GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_message_whose_first_attempt_stopped_before_it_was_marked_done_names_the_invoice_each_credit_paid_not_duplicates()
    {
        var stopping = new StopsBeforeTheFirstMessageIsMarkedDone();
        var bank = new BankHarness(azurite, stopping);
        stopping.Inner = new BankMessageStore(bank.Clients);
        var (first, second) = (await bank.OrderAsync(203), await bank.OrderAsync(204));
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-STOP-1", first.InvoiceNumber), CamtFiles.Credit("TX-STOP-2", second.InvoiceNumber));
        // The first delivery applied both credits, then stopped before the message was marked done.
        await bank.PostCamtAsync(body);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(second.InvoiceNumber));
        // The bank sends the same bytes again, signed anew.
        bank.Clock.Advance(TimeSpan.FromSeconds(5));

        var receipt = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.Ok<BankNotificationReceipt>>(await bank.PostCamtAsync(body)).Value!;

        Assert.Equal(BankNotificationReceipt.Applied, receipt.Status);
        Assert.Equal([("applied", first.InvoiceNumber), ("applied", second.InvoiceNumber)], receipt.Payments.Select(p => (p.Result, p.Invoice)));
        Assert.Equal(2, bank.Events.Raised.Count);
    }

    [Fact]
    public async Task A_message_in_UTF_16_with_a_byte_order_mark_is_recovered_from_its_exact_bytes()
    {
        var bank = new BankHarness(azurite);
        var body = Encoding.Unicode.GetPreamble()
            .Concat(Encoding.Unicode.GetBytes(CamtFiles.Document("UTF-16", [CamtFiles.Credit("TX-UTF16-1", "", purpose: "Оплата без счёта")]))).ToArray();

        var recorded = await bank.Messages.RecordAsync(new(BankHarness.Bank, BankNotificationFormats.Camt054), body, bank.Clock.GetUtcNow(), null, default);
        bank.Clock.Advance(UnprocessedPaymentRecovery.Grace);
        await bank.Recovery.RecoverAsync(default);

        Assert.Equal(body, await bank.Messages.ReadBodyAsync(recorded.Message.Document, default));
        Assert.Contains("\"Оплата без счёта\"", Assert.Single(await bank.OpenReviewAsync()).Explanation);
    }

    /// <summary>The host stops after the message's credits were applied and before the message was marked done.</summary>
    private sealed class StopsBeforeTheFirstMessageIsMarkedDone : DelegatingBankMessageStore
    {
        private int _marks;

        public override Task<Stored<BankMessage>> MarkProcessedAsync<TOutcome>(Stored<BankMessage> current, TOutcome outcome, DateTimeOffset processedAt,
            CancellationToken ct) =>
            Interlocked.Increment(ref _marks) == 1 ? throw new IOException("The host stopped.") : base.MarkProcessedAsync(current, outcome, processedAt, ct);
    }
}
