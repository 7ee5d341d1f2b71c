using Registrar.Core.Operations;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class InvoiceSequenceAndReviewListTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_order_asking_again_for_its_invoice_number_gets_the_same_one()
    {
        var sequence = new InvoiceSequenceStore(TestStorage.Clients(azurite));

        var first = await sequence.TakeAsync("KZ", 2027, 3, "cust-1|O1", default);
        var retried = await sequence.TakeAsync("KZ", 2027, 3, "cust-1|O1", default);
        var next = await sequence.TakeAsync("KZ", 2027, 3, "cust-2|O2", default);

        Assert.Equal((1, 1, 2), (first, retried, next));
    }

    [Fact]
    public async Task A_number_given_back_by_an_order_that_was_not_stored_goes_to_the_next_order_no_gap()
    {
        var sequence = new InvoiceSequenceStore(TestStorage.Clients(azurite));
        await sequence.TakeAsync("UA", 2027, 3, "cust-1|O1", default);
        await sequence.TakeAsync("UA", 2027, 3, "cust-1|O2", default);

        Assert.True(await sequence.ReleaseAsync("UA", 2027, 3, "cust-1|O2", default));

        Assert.Equal(2, await sequence.TakeAsync("UA", 2027, 3, "cust-3|O3", default));
    }

    [Fact]
    public async Task Concurrent_orders_each_get_their_own_number()
    {
        var sequence = new InvoiceSequenceStore(TestStorage.Clients(azurite));

        var numbers = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => sequence.TakeAsync("KZ", 2027, 4, $"c|O{i}", default)));

        Assert.Equal(Enumerable.Range(1, 8), numbers.Order());
    }

    [Fact]
    public async Task Numbers_claimed_at_once_in_one_process_go_out_together_in_a_few_transactions()
    {
        var meter = new StorageMeter();
        var sequence = new InvoiceSequenceStore(TestStorage.Clients(azurite, meter));
        await sequence.TakeAsync("KZ", 2027, 5, "c|O0", default);
        meter.Reset();

        var numbers = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => sequence.TakeAsync("KZ", 2027, 5, $"c|O{i}", default)));

        Assert.Equal(Enumerable.Range(2, 40), numbers.Order());
        // 33 claims fill a transaction (the counter and two rows each); the first may go alone.
        Assert.InRange(meter.Total, 2, 4);
    }

    [Fact]
    public async Task A_claim_whose_round_fails_while_it_is_settled_fails_and_the_next_claim_still_gets_its_number()
    {
        var faults = new FaultInjectionPolicy();
        var sequence = new InvoiceSequenceStore(TestStorage.Clients(azurite, null, faults));
        await sequence.TakeAsync("KZ", 2027, 7, "c|O1", default);
        faults.FailNext("table.read", "invoicesequences");

        // The retried claim finds its row taken, and reading it back fails: the claim fails rather than waiting for ever.
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => sequence.TakeAsync("KZ", 2027, 7, "c|O1", default).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, await sequence.TakeAsync("KZ", 2027, 7, "c|O2", default).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Two_processes_claiming_at_once_each_get_their_own_number_without_a_gap()
    {
        var storage = TestStorage.Clients(azurite);
        var (one, other) = (new InvoiceSequenceStore(storage), new InvoiceSequenceStore(storage));

        var numbers = await Task.WhenAll(Enumerable.Range(1, 30)
            .Select(i => (i % 2 == 0 ? one : other).TakeAsync("UA", 2027, 6, $"c|O{i}", default)));
        var retried = await Task.WhenAll(Enumerable.Range(1, 30)
            .Select(i => (i % 2 == 0 ? other : one).TakeAsync("UA", 2027, 6, $"c|O{i}", default)));

        Assert.Equal(Enumerable.Range(1, 30), numbers.Order());
        Assert.Equal(numbers, retried);
    }

    [Fact]
    public async Task A_resolve_that_stopped_between_its_two_writes_is_finished_by_the_next_resolve_whose_own_resolution_is_not_recorded()
    {
        var clients = TestStorage.Clients(azurite);
        var review = new ReviewListStore(clients);
        var item = new ReviewItem("TX-1", "payment", "TX-1", "held", "UA-3.2: amount differs", Now);
        await review.AddAsync(item, default);
        // What the first resolve left when the host stopped: the resolved row written, the open row still there.
        await new DocumentTable(clients.Table("review")).InsertAsync("resolved", "TX-1",
            item with { ResolvedBy = "ops-1", ResolutionNote = "refunded", ResolvedAt = Now }, null, default);

        Assert.False(await review.ResolveAsync("TX-1", "ops-2", "refunded again", Now.AddMinutes(1), default));

        Assert.Empty(await review.ListOpenAsync(default).ToListAsync());
        Assert.Equal(("ops-1", "refunded"), ((await review.FindAsync("TX-1", default))!.ResolvedBy, (await review.FindAsync("TX-1", default))!.ResolutionNote));
    }
}
