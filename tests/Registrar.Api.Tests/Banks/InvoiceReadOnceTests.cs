using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Core.Orders;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>A matched credit pays its invoice with the copy the matcher read (issue 16), conditional on that copy's ETag.</summary>
public sealed class InvoiceReadOnceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_matched_credit_reads_its_invoice_once_and_pays_it_with_the_copy_read()
    {
        var bank = new BankHarness(azurite);
        var warmUp = CamtFiles.Utf8(CamtFiles.Credit("TX-READ-1", (await bank.OrderAsync(301)).InvoiceNumber));
        await bank.PostCamtAsync(warmUp, bank.Sign(warmUp));
        var order = await bank.OrderAsync(302);
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-READ-2", order.InvoiceNumber));
        bank.Meter.Reset();

        var answer = await bank.PostCamtAsync(body, bank.Sign(body));
        // Invoices live beside their series' counters; those of earlier versions in their own table.
        var invoiceRequests = bank.Meter.SnapshotByResource()
            .Where(r => r.Key.EndsWith("invoicesequences", StringComparison.Ordinal) || r.Key.EndsWith("invoices", StringComparison.Ordinal)).Sum(r => r.Value);

        Assert.Equal(StatusCodes.Status200OK, Assert.IsAssignableFrom<IStatusCodeHttpResult>(answer).StatusCode);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        // The matcher's read and the update conditional on it.
        Assert.Equal(2, invoiceRequests);
    }

    [Fact]
    public async Task An_invoice_changed_after_the_matcher_read_it_is_read_again_and_paid_once_keeping_the_change()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(303);
        var read = (await bank.Invoices.GetAsync(order.InvoiceNumber, default))!;
        var extended = read.Document with { DueAt = read.Document.DueAt.AddDays(1) };
        await bank.Invoices.UpdateAsync(read, extended, order.CustomerId, extended.Status.ToString(), default);

        using (InvoicesJustRead.Begin())
        {
            InvoicesJustRead.Remember(order.InvoiceNumber, read);
            var paid = await bank.Processor.PayAsync(order.InvoiceNumber, "halyk:TX-STALE-1", BankHarness.Issued.AddMinutes(5), default);
            Assert.Equal("halyk:TX-STALE-1", paid!.PaymentReference);
        }

        var stored = (await bank.Invoices.GetAsync(order.InvoiceNumber, default))!.Document;
        Assert.Equal((InvoiceStatus.Paid, extended.DueAt), (stored.Status, stored.DueAt));
        Assert.Single(bank.Events.Raised);
    }
}
