using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Registrar.Core.Registrations;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>The view store remembers the rows it wrote last (issue 16): the lifecycle records a registration's view
/// several times within seconds, and each record after the first is written without reading first.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegistrationViewStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Expiry = new(2028, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static RegistrationView View(string id, RegistrationPhase phase, DateTimeOffset? expires = null) =>
        new(id, "cust-" + id, id + ".kz", id + ".kz", "kz", phase, expires);

    [Fact]
    public async Task A_view_recorded_again_is_written_without_a_read_one_transaction_per_place()
    {
        var meter = new StorageMeter();
        using var views = new RegistrationViewStore(TestStorage.Clients(azurite, meter));
        await views.RecordAsync(View("v1", RegistrationPhase.CreatingContact), 1, default);
        meter.Reset();

        await views.RecordAsync(View("v1", RegistrationPhase.Registered, Expiry), 2, default);

        // The customer's view, and the directory (which holds the domain name's row and the registry-check line) in one more.
        Assert.Equal(new Dictionary<string, long> { ["table.batch"] = 2 }, meter.Snapshot());
        Assert.Equal(RegistrationPhase.Registered, (await views.FindAsync("v1", default))!.Phase);
        Assert.Equal("v1", (await views.FindByDomainAsync("v1.kz", default))!.RegistrationId);
        Assert.Equal("v1", Assert.Single(await views.DueForRegistryCheckAsync(10, default)).RegistrationId);
    }

    [Fact]
    public async Task A_registrations_new_view_is_added_without_a_read_one_transaction_per_place()
    {
        var meter = new StorageMeter();
        using var views = new RegistrationViewStore(TestStorage.Clients(azurite, meter));
        await views.RecordAsync(View("v4", RegistrationPhase.CreatingContact), 1, likelyNew: true, default);
        meter.Reset();

        await views.RecordAsync(View("v5", RegistrationPhase.CreatingContact), 1, likelyNew: true, default);

        Assert.Equal(new Dictionary<string, long> { ["table.batch"] = 2 }, meter.Snapshot());
        Assert.Equal(RegistrationPhase.CreatingContact, (await views.FindAsync("v5", default))!.Phase);
        Assert.Equal("v5", (await views.FindByDomainAsync("v5.kz", default))!.RegistrationId);
    }

    [Fact]
    public async Task Views_of_many_registrations_recorded_at_once_keep_the_directory_in_fewer_transactions_than_registrations()
    {
        var meter = new StorageMeter();
        using var views = new RegistrationViewStore(TestStorage.Clients(azurite, meter));
        var ids = Enumerable.Range(0, 20).Select(i => $"g{i}").ToList();
        await Task.WhenAll(ids.Select(id => views.RecordAsync(View(id, RegistrationPhase.CreatingContact), 1, likelyNew: true, default)));
        meter.Reset();

        await Task.WhenAll(ids.Select(id => views.RecordAsync(View(id, RegistrationPhase.Registered, Expiry), 2, default)));

        // Twenty customers' partitions, and the directory's one partition in a few transactions.
        Assert.InRange(meter.Snapshot()["table.batch"], 21, 20 + 5);
        foreach (var id in ids) Assert.Equal(RegistrationPhase.Registered, (await views.FindByDomainAsync(id + ".kz", default))!.Phase);
        Assert.Equal(20, (await views.DueForRegistryCheckAsync(100, default)).Count);
    }

    [Fact]
    public async Task A_new_view_recorded_again_by_another_process_after_a_later_one_changes_nothing()
    {
        var clients = TestStorage.Clients(azurite);
        using var one = new RegistrationViewStore(clients);
        using var redelivered = new RegistrationViewStore(clients);
        await one.RecordAsync(View("v6", RegistrationPhase.CreatingContact), 1, likelyNew: true, default);
        await one.RecordAsync(View("v6", RegistrationPhase.Registered, Expiry), 2, default);

        await redelivered.RecordAsync(View("v6", RegistrationPhase.CreatingContact), 1, likelyNew: true, default);

        Assert.Equal(RegistrationPhase.Registered, (await redelivered.FindAsync("v6", default))!.Phase);
        Assert.Equal(RegistrationPhase.Registered, (await redelivered.FindByDomainAsync("v6.kz", default))!.Phase);
        Assert.Equal("v6", Assert.Single(await redelivered.DueForRegistryCheckAsync(10, default)).RegistrationId);
    }

    [Fact]
    public async Task A_view_another_process_moved_meanwhile_is_read_again_and_the_latest_record_still_wins()
    {
        var clients = TestStorage.Clients(azurite);
        using var one = new RegistrationViewStore(clients);
        using var other = new RegistrationViewStore(clients);
        var directory = new RegistrationDirectory(clients);
        await one.RecordAsync(View("v2", RegistrationPhase.CreatingDomain), 1, default);
        await other.RecordAsync(View("v2", RegistrationPhase.Registered, Expiry), 3, default);

        // Remembered at sequence 1, but stored at 3: the late record of 2 changes nothing, a record of 4 wins.
        await one.RecordAsync(View("v2", RegistrationPhase.Reconciling), 2, default);
        Assert.Equal(RegistrationPhase.Registered, (await one.FindAsync("v2", default))!.Phase);
        await one.RecordAsync(View("v2", RegistrationPhase.Deleted, Expiry), 4, default);

        Assert.Equal(RegistrationPhase.Deleted, (await other.FindAsync("v2", default))!.Phase);
        Assert.Equal(RegistrationPhase.Deleted, (await one.FindByDomainAsync("v2.kz", default))!.Phase);
        Assert.Empty(await one.DueForRegistryCheckAsync(10, default));
        Assert.Equal(RegistrationPhase.Deleted,
            Assert.Single((await directory.ListAsync(new RegistrationFilter(CustomerId: "cust-v2"), null, 10, Expiry, default)).Registrations).Phase);
    }

    [Fact]
    public async Task A_name_an_earlier_version_recorded_is_found_by_its_holder_row_until_its_registration_is_recorded_again()
    {
        var clients = TestStorage.Clients(azurite);
        using var views = new RegistrationViewStore(clients);
        var key = "domain|" + TableKeys.Escape("v3.kz");
        await new DocumentTable(clients.Table("registrationlookups"))
            .InsertAsync(key, key, new { View = View("v3", RegistrationPhase.Registered, Expiry), Sequence = 5 }, null, default);
        var before = await views.FindByDomainAsync("V3.kz", default);

        await views.RecordAsync(View("v3", RegistrationPhase.Deleted, Expiry), 6, default);

        Assert.Equal(("v3", RegistrationPhase.Registered), (before!.RegistrationId, before.Phase));
        Assert.Equal(RegistrationPhase.Deleted, (await views.FindByDomainAsync("v3.kz", default))!.Phase);
    }

    [Fact]
    public async Task A_name_is_looked_for_among_earlier_holder_rows_only_while_any_are_left_and_again_after_a_while()
    {
        var meter = new StorageMeter();
        var clients = TestStorage.Clients(azurite, meter);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var views = new RegistrationViewStore(clients, clock);
        await views.RecordAsync(View("v4", RegistrationPhase.Deleted, Expiry), 1, default);
        await views.FindByDomainAsync("v4.kz", default);
        meter.Reset();

        Assert.Equal(RegistrationPhase.Deleted, (await views.FindByDomainAsync("v4.kz", default))!.Phase);
        Assert.Equal(1, meter.Total);

        // A process of an earlier version, still running during a deploy, keeps a holder row.
        var key = "domain|" + TableKeys.Escape("v7.kz");
        await new DocumentTable(clients.Table("registrationlookups"))
            .InsertAsync(key, key, new { View = View("v7", RegistrationPhase.Registered, Expiry), Sequence = 3 }, null, default);
        Assert.Null(await views.FindByDomainAsync("v7.kz", default));
        clock.Advance(RetiredRows.Recheck);
        Assert.Equal("v7", (await views.FindByDomainAsync("v7.kz", default))!.RegistrationId);
    }

    [Fact]
    public async Task A_registration_in_the_earlier_check_line_is_swept_once_and_then_kept_in_the_directory_line()
    {
        var meter = new StorageMeter();
        var clients = TestStorage.Clients(azurite, meter);
        using var views = new RegistrationViewStore(clients);
        var checkedLongAgo = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await views.RecordAsync(View("fresh", RegistrationPhase.Registered, Expiry), 1, default);
        var earlier = new RegistryCheckDue("old", "kz", "old.kz", checkedLongAgo);
        var dueKey = "due|" + TableKeys.Ticks(checkedLongAgo) + "|old";
        await new DocumentTable(clients.Table("registrationlookups")).SubmitAsync(
        [
            new(TableTransactionActionType.Add, DocumentTable.Entity("registrychecks", "registration|old", new { Sequence = 4, Due = earlier }, null)),
            new(TableTransactionActionType.Add, DocumentTable.Entity("registrychecks", dueKey, earlier, null)),
        ], default);

        // Never checked comes first, then the oldest check, whichever line holds it.
        Assert.Equal(["fresh", "old"], (await views.DueForRegistryCheckAsync(10, default)).Select(d => d.RegistrationId));
        var checkedNow = checkedLongAgo.AddYears(1);
        await views.MarkRegistryCheckedAsync("old", checkedNow, default);
        await views.MarkRegistryCheckedAsync("fresh", checkedNow.AddMinutes(1), default);

        Assert.Equal([("old", checkedNow), ("fresh", checkedNow.AddMinutes(1))],
            (await views.DueForRegistryCheckAsync(10, default)).Select(d => (d.RegistrationId, d.LastCheckedAt!.Value)));
        Assert.Empty(await new DocumentTable(clients.Table("registrationlookups"))
            .QueryAsync<object>("PartitionKey eq 'registrychecks'", null, default).ToListAsync());
        // The earlier line found empty is not read again.
        meter.Reset();
        await views.DueForRegistryCheckAsync(10, default);
        Assert.Equal(new Dictionary<string, long> { ["table.query"] = 1 }, meter.Snapshot());
    }
}
