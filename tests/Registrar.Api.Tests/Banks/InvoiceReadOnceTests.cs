using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Core.Orders;
using Registrar.Payments.Invoices;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>A matched credit pays its invoice with the copy the matcher read (issue 16), conditional on that copy's ETag; the
/// invoices a bank file pays, issued close together, are read ahead by one range query.</summary>
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

    [Fact]
    public async Task The_invoices_a_bank_file_pays_issued_close_together_are_read_by_one_query_not_a_point_read_each()
    {
        var bank = new BankHarness(azurite);
        var warmUp = CamtFiles.Utf8(CamtFiles.Credit("TX-RUN-WARM", (await bank.OrderAsync(310)).InvoiceNumber));
        await bank.PostCamtAsync(warmUp, bank.Sign(warmUp));
        var orders = new List<Order>();
        for (var i = 0; i < 10; i++) orders.Add(await bank.OrderAsync(311 + (2 * i)));
        var body = CamtFiles.Utf8([.. orders.Select((order, i) => CamtFiles.Credit($"TX-RUN-{i}", order.InvoiceNumber))]);
        bank.Meter.Reset();

        await bank.PostCamtAsync(body, bank.Sign(body));
        var used = bank.Meter.Snapshot();

        foreach (var order in orders) Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Equal(orders.Count + 1, bank.Events.Raised.Count);
        // Each credit's order is still read on its own; its invoice is not.
        Assert.Equal((orders.Count, 1), (used["table.read"], used["table.query"]));
    }

    [Fact]
    public async Task A_file_paying_an_invoice_read_ahead_twice_pays_it_once_and_holds_the_second_credit()
    {
        var bank = new BankHarness(azurite);
        var (first, second) = (await bank.OrderAsync(341), await bank.OrderAsync(342));
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-TWICE-1", first.InvoiceNumber), CamtFiles.Credit("TX-TWICE-2", second.InvoiceNumber),
            CamtFiles.Credit("TX-TWICE-3", first.InvoiceNumber));

        await bank.PostCamtAsync(body, bank.Sign(body));

        Assert.Equal((InvoiceStatus.Paid, InvoiceStatus.Paid), (await bank.InvoiceStatusAsync(first.InvoiceNumber), await bank.InvoiceStatusAsync(second.InvoiceNumber)));
        Assert.Equal(2, bank.Events.Raised.Count);
        var held = Assert.Single(await bank.OpenReviewAsync());
        Assert.Equal(("InvoiceAlreadyPaid", true), (held.Reason, held.Subject.StartsWith("halyk:TX-TWICE-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 5 }, "1-5")]
    [InlineData(new[] { 1, 40 }, "")]
    [InlineData(new[] { 1, 3, 40, 41, 43 }, "1-3 40-43")]
    [InlineData(new[] { 7, 7, 8 }, "7-8")]
    public void Numbers_are_read_in_runs_that_read_at_most_two_rows_per_number_and_a_number_alone_is_left_to_its_point_read(int[] sequences, string runs)
    {
        var numbers = sequences.Select(n => InvoiceNumber.Create("KZ", new DateOnly(2026, 11, 24), n));

        var found = InvoicesPrefetched.Runs(numbers).Select(run => $"{run.First.Sequence}-{run.Last.Sequence}");

        Assert.Equal(runs, string.Join(' ', found));
    }

    [Fact]
    public void Numbers_of_other_months_and_series_are_never_in_one_run()
    {
        InvoiceNumber Number(string series, int month, int sequence) => InvoiceNumber.Create(series, new DateOnly(2026, month, 1), sequence);

        var runs = InvoicesPrefetched.Runs([Number("KZ", 11, 1), Number("KZ", 12, 2), Number("UA", 11, 2), Number("KZ", 11, 2), Number("KZ", 12, 3)]);

        Assert.Equal(["KZ-2611-00001", "KZ-2612-00002"], runs.Select(run => run.First.ToString()[..13]).Order(StringComparer.Ordinal));
    }
}
