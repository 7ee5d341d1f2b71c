using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Api.Banks;
using Registrar.Api.Billing;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Testing;

namespace Registrar.Api.Tests.Billing;

/// <summary>A renewal invoice the flow issued, paid through the bank endpoints on Azurite: it renews its registration once,
/// and everything a payment of an order's invoice is held for holds it too.</summary>
public sealed class RenewalPaymentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // After the renewal invoice is issued (the harness's clock reads 10:40): a booking before it pays from the issue on.
    private static readonly DateTimeOffset BookedAt = new(2026, 11, 24, 10, 42, 0, TimeSpan.FromHours(5));

    [Fact]
    public async Task A_paid_renewal_invoice_renews_its_registration_once_at_the_booking_time_and_starts_no_registration_KZ_2_7_KZ_3_5()
    {
        var bank = new BankHarness(azurite);
        var invoice = await IssueAsync(bank, dueAt: BankHarness.Issued.AddDays(2));

        var paid = await PayAsync(bank, "TX-RENEW-1", invoice.Number, "<DtTm>2026-11-24T10:42:00+05:00</DtTm>");
        bank.Clock.Advance(TimeSpan.FromSeconds(1));
        var redelivered = await PayAsync(bank, "TX-RENEW-1", invoice.Number, "<DtTm>2026-11-24T10:42:00+05:00</DtTm>");

        Assert.Equal("applied", paid);
        Assert.Equal("duplicate", redelivered);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(invoice.Number));
        Assert.Equal(new RenewalPaid("renewal-paid:" + invoice.Number, invoice.Number, 1, BookedAt), Assert.Single(bank.Events.Raised));
    }

    [Fact]
    public async Task A_second_payment_of_a_paid_renewal_invoice_is_held_and_renews_nothing_more_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var invoice = await IssueAsync(bank, dueAt: BankHarness.Issued.AddDays(2));
        await PayAsync(bank, "TX-RENEW-2", invoice.Number);

        var second = await PayAsync(bank, "TX-RENEW-3", invoice.Number);

        Assert.Equal("held:InvoiceAlreadyPaid", second);
        Assert.IsType<RenewalPaid>(Assert.Single(bank.Events.Raised));
        Assert.Equal("InvoiceAlreadyPaid", Assert.Single(await bank.OpenReviewAsync()).Reason);
    }

    [Fact]
    public async Task A_renewal_payment_booked_after_the_invoice_lapsed_is_held_and_renews_nothing_KZ_3_3()
    {
        var bank = new BankHarness(azurite);
        var invoice = await IssueAsync(bank, dueAt: BankHarness.Issued.AddDays(1));
        bank.Clock.Advance(TimeSpan.FromDays(3));

        var late = await PayAsync(bank, "TX-RENEW-4", invoice.Number, "<DtTm>2026-11-26T10:30:00+05:00</DtTm>");

        Assert.Equal("held:InvoiceLapsed", late);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(invoice.Number));
        Assert.Empty(bank.Events.Raised);
        Assert.Equal("InvoiceLapsed", Assert.Single(await bank.OpenReviewAsync()).Reason);
    }

    [Fact]
    public async Task A_renewal_invoice_cancelled_because_an_earlier_one_paid_its_renewal_holds_its_payment_and_renews_nothing_UA_1_7()
    {
        var bank = new BankHarness(azurite);
        var invoice = await IssueAsync(bank, dueAt: BankHarness.Issued.AddDays(2));
        await CancelAsync(bank, invoice);
        await CancelAsync(bank, invoice);

        var payment = await PayAsync(bank, "TX-RENEW-5", invoice.Number);

        Assert.Equal("held:InvoiceCancelled", payment);
        var stored = (await bank.Invoices.GetAsync(invoice.Number, default))!.Document;
        Assert.Equal((InvoiceStatus.Cancelled, "KZ-2611-00001-1"), (stored.Status, stored.Cancellation!.RenewalPaidBy));
        Assert.Empty(bank.Events.Raised);
        Assert.Equal("InvoiceCancelled", Assert.Single(await bank.OpenReviewAsync()).Reason);
    }

    [Fact]
    public async Task A_renewal_invoice_paid_before_its_cancellation_stays_paid_UA_1_7()
    {
        var bank = new BankHarness(azurite);
        var invoice = await IssueAsync(bank, dueAt: BankHarness.Issued.AddDays(2));
        await PayAsync(bank, "TX-RENEW-6", invoice.Number);

        await CancelAsync(bank, invoice);

        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(invoice.Number));
    }

    /// <summary>The registration's decider asked for <paramref name="invoice"/> to be cancelled: invoice KZ-2611-00001-1 paid its renewal.</summary>
    private static Task CancelAsync(BankHarness bank, Invoice invoice) =>
        new CancelRenewalInvoiceFlow(bank.Invoices, bank.Clock, NullLogger<CancelRenewalInvoiceFlow>.Instance)
            .CarryOutAsync(new CancelRenewalInvoice("O00000000000000a1-1-9", "O00000000000000a1-1", invoice.Number, "KZ-2611-00001-1"), default);

    /// <summary>A .kz renewal for one year (6,000 KZT, what the bank harness's credits pay), issued into the bank's invoice store.</summary>
    private async Task<Invoice> IssueAsync(BankHarness bank, DateTimeOffset dueAt)
    {
        var renewals = new RenewalInvoices(azurite, bank.Clock, bank.Invoices);
        return await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", dueAt: dueAt));
    }

    private static async Task<string> PayAsync(BankHarness bank, string reference, string invoiceNumber, string? booking = null)
    {
        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(booking is null
            ? CamtFiles.Credit(reference, invoiceNumber)
            : CamtFiles.Credit(reference, invoiceNumber, booking)));
        return Assert.Single(Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!.Payments).Result;
    }
}
