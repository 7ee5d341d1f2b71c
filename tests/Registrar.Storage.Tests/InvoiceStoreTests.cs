using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Storage.Configuration;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>Invoices live beside the counter that numbered them (issue 16); those an earlier version stored in the
/// <c>invoices</c> table are found, paid and listed where they are.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InvoiceStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(5));

    private static Invoice Open(string number) =>
        new(number, "O-" + number, "cust-1", Money.Of(6000m, Currency.Kzt), Now, Now.AddDays(3), InvoiceStatus.Open);

    [Fact]
    public async Task An_invoice_an_earlier_version_stored_apart_is_found_paid_where_it_is_and_listed_with_the_new_ones()
    {
        var clients = TestStorage.Clients(azurite);
        var invoices = new InvoiceStore<Invoice>(clients);
        var earlier = new DocumentTable(clients.Table("invoices"));
        await earlier.InsertByIdAsync("KZ-2610-00007-1", Open("KZ-2610-00007-1"), new Dictionary<string, object?> { ["AccountId"] = "cust-1", ["Status"] = "Open" }, default);
        await invoices.CreateAsync("KZ-2611-00001-3", "cust-1", Open("KZ-2611-00001-3"), "Open", default);

        var found = (await invoices.GetAsync("KZ-2610-00007-1", default))!;
        await invoices.UpdateAsync(found, found.Document with { Status = InvoiceStatus.Paid }, "cust-1", "Paid", default);

        Assert.Equal(InvoiceStatus.Paid, (await earlier.GetByIdAsync<Invoice>("KZ-2610-00007-1", default))!.Document.Status);
        Assert.Equal(InvoiceStatus.Paid, (await invoices.GetAsync("KZ-2610-00007-1", default))!.Document.Status);
        Assert.Equal(["KZ-2610-00007-1", "KZ-2611-00001-3"],
            (await invoices.ListByAccountAsync("cust-1", default).Select(i => i.Number).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Null(await invoices.GetAsync("KZ-2611-00002-1", default));
    }

    [Fact]
    public async Task A_range_of_numbers_reads_the_invoices_of_that_series_and_month_between_them_and_nothing_else()
    {
        var clients = TestStorage.Clients(azurite);
        var invoices = new InvoiceStore<Invoice>(clients);
        string[] stored = ["KZ-2611-00001-3", "KZ-2611-00002-1", "KZ-2611-00004-9", "KZ-2611-00005-2", "KZ-2612-00002-6", "UA-2611-00003-4"];
        foreach (var number in stored) await invoices.CreateAsync(number, "cust-1", Open(number), "Open", default);

        var read = await invoices.ListRangeAsync("KZ-2611-00002-1", "KZ-2611-00004-9", default).Select(i => i.Document.Number).ToListAsync();

        Assert.Equal(["KZ-2611-00002-1", "KZ-2611-00004-9"], read);
        await Assert.ThrowsAsync<ArgumentException>(async () => await invoices.ListRangeAsync("KZ-2611-00001-3", "UA-2611-00003-4", default).ToListAsync());
    }

    [Fact]
    public async Task A_number_an_earlier_version_claimed_without_storing_its_invoice_gets_it_stored_under_that_number()
    {
        var clients = TestStorage.Clients(azurite);
        var sequence = new InvoiceSequenceStore(clients);
        var invoices = new InvoiceStore<Invoice>(clients, sequence, TimeProvider.System);
        var claimed = await sequence.TakeAsync("KZ", 2026, 11, "renewal|cmd-1", default);

        var issued = await invoices.IssueAsync(new InvoiceClaim("KZ", 2026, 11, "renewal|cmd-1"),
            n => new NewInvoice<Invoice>($"KZ-2611-{n:D5}-0", "cust-1", Open($"KZ-2611-{n:D5}-0"), "Open"), default);
        var next = await invoices.IssueAsync(new InvoiceClaim("KZ", 2026, 11, "renewal|cmd-2"),
            n => new NewInvoice<Invoice>($"KZ-2611-{n:D5}-0", "cust-1", Open($"KZ-2611-{n:D5}-0"), "Open"), default);

        Assert.Equal((1, "KZ-2611-00001-0"), (claimed, issued.Document.Number));
        Assert.Equal(issued.Document, (await invoices.GetAsync("KZ-2611-00001-0", default))!.Document);
        Assert.Equal("KZ-2611-00002-0", next.Document.Number);
    }

    [Fact]
    public async Task Renewal_invoices_issued_at_once_are_numbered_without_a_gap_and_stored_each_with_its_number_in_a_few_transactions()
    {
        var meter = new Registrar.Storage.Metering.StorageMeter();
        var clients = TestStorage.Clients(azurite, meter);
        var sequence = new InvoiceSequenceStore(clients);
        var invoices = new InvoiceStore<Invoice>(clients, sequence, TimeProvider.System);
        await sequence.TakeAsync("KZ", 2026, 12, "renewal|cmd-7", default);
        meter.Reset();

        // A timer waking many renewals: the one whose number was claimed before gets it back, and no number is skipped.
        var issued = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => invoices.IssueAsync(new InvoiceClaim("KZ", 2026, 12, $"renewal|cmd-{i}"),
            n => new NewInvoice<Invoice>($"KZ-2612-{n:D5}-0", "cust-1", Open($"KZ-2612-{n:D5}-0"), "Open"), default)));

        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"KZ-2612-{n:D5}-0"), issued.Select(i => i.Document.Number).Order(StringComparer.Ordinal));
        Assert.Equal("KZ-2612-00001-0", issued[6].Document.Number);
        foreach (var invoice in issued) Assert.Equal(invoice.ETag, (await invoices.GetAsync(invoice.Document.Number, default))!.ETag);
        Assert.InRange(meter.Snapshot().GetValueOrDefault("table.batch"), 2, 6);
    }

    [Fact]
    public async Task An_invoice_that_cannot_be_made_of_its_number_fails_alone_and_those_numbered_with_it_leave_no_gap()
    {
        var invoices = new InvoiceStore<Invoice>(TestStorage.Clients(azurite));
        NewInvoice<Invoice> Build(int n) => new($"KZ-2612-{n:D5}-0", "cust-1", Open($"KZ-2612-{n:D5}-0"), "Open");

        var issuing = Enumerable.Range(1, 9).Select(i => invoices.IssueAsync(new InvoiceClaim("KZ", 2026, 12, $"renewal|cmd-{i}"),
            i == 5 ? n => Build(n) with { Number = $"UA-2612-{n:D5}-0" } : Build, default)).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => issuing[4]);
        var issued = await Task.WhenAll(issuing.Where((_, i) => i != 4));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"KZ-2612-{n:D5}-0"), issued.Select(i => i.Document.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_invoice_withdrawn_while_its_number_is_the_last_gives_the_number_back_with_it_and_later_it_stays()
    {
        var invoices = new InvoiceStore<Invoice>(TestStorage.Clients(azurite));
        NewInvoice<Invoice> Build(int n) => new($"UA-2612-{n:D5}-0", "cust-1", Open($"UA-2612-{n:D5}-0"), "Open");
        var (first, second) = (new InvoiceClaim("UA", 2026, 12, "cust-1|O1"), new InvoiceClaim("UA", 2026, 12, "cust-1|O2"));
        var kept = await invoices.IssueAsync(first, Build, default);
        var withdrawn = await invoices.IssueAsync(second, Build, default);

        Assert.True(await invoices.WithdrawAsync(second, withdrawn, default));
        Assert.Null(await invoices.GetAsync("UA-2612-00002-0", default));
        var next = await invoices.IssueAsync(new InvoiceClaim("UA", 2026, 12, "cust-2|O3"), Build, default);
        Assert.Equal("UA-2612-00002-0", next.Document.Number);

        Assert.False(await invoices.WithdrawAsync(first, kept, default));
        Assert.NotNull(await invoices.GetAsync("UA-2612-00001-0", default));
    }

    [Fact]
    public async Task A_customers_invoice_list_reads_the_accounts_entries_in_each_series_and_only_its_own_invoices()
    {
        var meter = new Registrar.Storage.Metering.StorageMeter();
        var clients = TestStorage.Clients(azurite, meter);
        var invoices = new InvoiceStore<Invoice>(clients);
        NewInvoice<Invoice> For(string account, string number) => new(number, account, Open(number) with { CustomerId = account }, "Open");
        await invoices.IssueAsync(new InvoiceClaim("KZ", 2026, 12, "a|O1"), n => For("cust-1", $"KZ-2612-{n:D5}-0"), default);
        await invoices.IssueAsync(new InvoiceClaim("KZ", 2026, 12, "b|O2"), n => For("cust-1|x", $"KZ-2612-{n:D5}-0"), default);
        await invoices.IssueAsync(new InvoiceClaim("UA", 2026, 12, "a|O3"), n => For("cust-1", $"UA-2612-{n:D5}-0"), default);
        await invoices.CreateAsync("KZ-2612-00090-0", "cust-2", Open("KZ-2612-00090-0"), "Open", default);
        // Every invoice has its entry: the backfill the first listing starts finds none to write and marks the index complete
        // at once, without waiting for a second pass.
        Assert.Equal(["KZ-2612-00090-0"], await invoices.ListByAccountAsync("cust-2", default).Select(i => i.Number).ToListAsync());
        await TestStorage.EventuallyAsync(() => IsMarkedCompleteAsync(clients), "the index was marked complete", seconds: 20);
        Assert.Equal(["KZ-2612-00090-0"], await invoices.ListByAccountAsync("cust-2", default).Select(i => i.Number).ToListAsync());
        meter.Reset();

        var listed = await invoices.ListByAccountAsync("cust-1", default).Select(i => i.Number).ToListAsync();

        Assert.Equal(["KZ-2612-00001-0", "UA-2612-00001-0"], listed);
        // A range query per series, and nothing else: no other account's invoice is read.
        Assert.Equal(2, meter.Total);
        Assert.Equal(2, meter.Snapshot().GetValueOrDefault("table.query"));
        Assert.Equal(["KZ-2612-00002-0"], await invoices.ListByAccountAsync("cust-1|x", default).Select(i => i.Number).ToListAsync());
    }

    [Fact]
    public async Task A_change_to_an_invoice_is_in_its_accounts_list_at_once_its_entry_rewritten_in_the_same_transaction()
    {
        var clients = TestStorage.Clients(azurite);
        var invoices = new InvoiceStore<Invoice>(clients);
        await Index(clients, TimeProvider.System).BackfillAsync(default);
        var issued = await invoices.IssueAsync(new InvoiceClaim("KZ", 2026, 12, "cust-1|O1"),
            n => new NewInvoice<Invoice>($"KZ-2612-{n:D5}-0", "cust-1", Open($"KZ-2612-{n:D5}-0"), "Open"), default);

        var paid = await invoices.UpdateAsync(issued, issued.Document with { Status = InvoiceStatus.Paid }, "cust-1", "Paid", default);

        Assert.Equal(InvoiceStatus.Paid, (await invoices.ListByAccountAsync("cust-1", default).SingleAsync()).Status);
        // The entry goes with the invoice: an update on a stale ETag changes neither.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            invoices.UpdateAsync(issued, issued.Document with { Status = InvoiceStatus.Lapsed }, "cust-1", "Lapsed", default));
        Assert.Equal(InvoiceStatus.Paid, (await invoices.ListByAccountAsync("cust-1", default).SingleAsync()).Status);
        Assert.Equal(paid.ETag, (await invoices.GetAsync(issued.Document.Number, default))!.ETag);
    }

    [Fact]
    public async Task A_withdrawn_invoice_leaves_its_accounts_list_with_it()
    {
        var clients = TestStorage.Clients(azurite);
        var invoices = new InvoiceStore<Invoice>(clients);
        await Index(clients, TimeProvider.System).BackfillAsync(default);
        var claim = new InvoiceClaim("UA", 2026, 12, "cust-1|O1");
        var issued = await invoices.IssueAsync(claim, n => new NewInvoice<Invoice>($"UA-2612-{n:D5}-0", "cust-1", Open($"UA-2612-{n:D5}-0"), "Open"), default);
        Assert.Single(await invoices.ListByAccountAsync("cust-1", default).ToListAsync());

        Assert.True(await invoices.WithdrawAsync(claim, issued, default));

        Assert.Empty(await invoices.ListByAccountAsync("cust-1", default).ToListAsync());
        Assert.False(await AnyEntryAsync(clients));
    }

    [Fact]
    public async Task Invoices_stored_or_changed_by_an_earlier_version_are_listed_by_scan_until_a_backfill_gives_them_entries_twice()
    {
        var meter = new Registrar.Storage.Metering.StorageMeter();
        var clients = TestStorage.Clients(azurite, meter);
        var clock = new FakeTimeProvider(Now);
        var invoices = new InvoiceStore<Invoice>(clients, new InvoiceSequenceStore(clients), clock);
        var series = new DocumentTable(clients.Table("invoicesequences"));
        var earlier = new DocumentTable(clients.Table("invoices"));
        var first = await series.InsertAsync("KZ", "invoice|KZ-2611-00001-3", Open("KZ-2611-00001-3"), Columns("cust-1"), default);
        await earlier.InsertByIdAsync("KZ-2610-00007-1", Open("KZ-2610-00007-1"), Columns("cust-1"), default);

        // The first listing finds the index incomplete: it filters every invoice, and starts the backfill.
        Assert.Equal(2, (await invoices.ListByAccountAsync("cust-1", default).ToListAsync()).Count);
        await TestStorage.EventuallyAsync(() => AnyEntryAsync(clients), "the backfill's first pass wrote entries");
        // A process of an earlier version, still running during the deploy, stores one more without an entry and marks the
        // first paid, leaving the copy the backfill made as it was.
        await series.InsertAsync("UA", "invoice|UA-2611-00004-2", Open("UA-2611-00004-2"), Columns("cust-1"), default);
        await series.UpdateAsync(first, first.Document with { Status = InvoiceStatus.Paid }, Columns("cust-1"), default);
        Assert.Equal(3, (await invoices.ListByAccountAsync("cust-1", default).ToListAsync()).Count);

        // Moved on at each look: the first pass may still be writing, its wait for the second not yet begun, when the clock first moves.
        await TestStorage.EventuallyAsync(() =>
        {
            clock.Advance(RetiredRows.Recheck);
            return IsMarkedCompleteAsync(clients);
        }, "the backfill's second pass marked the index complete");
        meter.Reset();

        var listed = await invoices.ListByAccountAsync("cust-1", default).ToListAsync();
        Assert.Equal(["KZ-2610-00007-1", "KZ-2611-00001-3", "UA-2611-00004-2"], listed.Select(i => i.Number));
        Assert.Equal(InvoiceStatus.Paid, listed[1].Status);
        // The invoice stored apart is read where it is; the others are copied in their entries.
        Assert.Equal(2, meter.Snapshot().GetValueOrDefault("table.query"));
        Assert.Equal(1, meter.Snapshot().GetValueOrDefault("table.read"));
    }

    private static InvoiceAccountIndex Index(StorageClients clients, TimeProvider clock) =>
        new(new DocumentTable(clients.Table("invoicesequences")), new DocumentTable(clients.Table("invoices")), clock);

    private static async Task<bool> IsMarkedCompleteAsync(StorageClients clients) =>
        (await clients.Table("invoicesequences").GetEntityIfExistsAsync<TableEntity>("layout", "account-index")).HasValue;

    private static Dictionary<string, object?> Columns(string account) => new() { ["AccountId"] = account, ["Status"] = "Open" };

    private static async Task<bool> AnyEntryAsync(StorageClients clients)
    {
        await foreach (var _ in clients.Table("invoicesequences").QueryAsync<TableEntity>(e => e.RowKey.CompareTo("account|") > 0 && e.RowKey.CompareTo("account}") < 0))
            return true;
        return false;
    }
}
