using Registrar.Core.Registrations;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RegistrationDirectoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static RegistrationView View(string id, string zone, RegistrationPhase phase, DateTimeOffset? expires = null) =>
        new(id, "cust-" + id, id + "." + zone, id + "." + zone, zone, phase, expires);

    [Fact]
    public async Task Operations_page_through_registrations_by_phase_and_zone_and_see_each_once_in_its_latest_phase()
    {
        var clients = TestStorage.Clients(azurite);
        var views = new RegistrationViewStore(clients);
        var directory = new RegistrationDirectory(clients);
        for (var i = 0; i < 5; i++) await views.RecordAsync(View($"r{i}", "kz", RegistrationPhase.AwaitingPayment), 1, default);
        await views.RecordAsync(View("u1", "com.ua", RegistrationPhase.AwaitingTrademarkReview), 1, default);
        await views.RecordAsync(View("r0", "kz", RegistrationPhase.Registered, Now.AddDays(10)), 3, default);
        // A late record of an earlier sequence moves nothing back.
        await views.RecordAsync(View("r0", "kz", RegistrationPhase.CreatingDomain), 2, default);

        var first = await directory.ListAsync(null, null, null, 4, default);
        Assert.Equal(4, first.Registrations.Count);
        var second = await directory.ListAsync(null, null, first.Next, 4, default);
        Assert.Null(second.Next);
        var all = first.Registrations.Concat(second.Registrations).ToList();
        Assert.Equal(6, all.Count);
        Assert.Equal(6, all.Select(v => v.RegistrationId).Distinct().Count());
        Assert.Equal(RegistrationPhase.Registered, all.Single(v => v.RegistrationId == "r0").Phase);

        var waiting = await directory.ListAsync(RegistrationPhase.AwaitingTrademarkReview, null, null, 10, default);
        Assert.Equal("u1", Assert.Single(waiting.Registrations).RegistrationId);
        var kz = await directory.ListAsync(null, "kz", null, 10, default);
        Assert.Equal(5, kz.Registrations.Count);
        Assert.Empty((await directory.ListAsync(RegistrationPhase.Registered, "com.ua", null, 10, default)).Registrations);

        var counts = await directory.CountByPhaseAsync(100, default);
        Assert.False(counts.Capped);
        Assert.Equal((4, 1, 1), (counts.Counts[RegistrationPhase.AwaitingPayment], counts.Counts[RegistrationPhase.AwaitingTrademarkReview],
            counts.Counts[RegistrationPhase.Registered]));
        Assert.True((await directory.CountByPhaseAsync(3, default)).Capped);

        var expiring = await directory.ExpiringAsync(Now, Now.AddDays(30), 10, default);
        Assert.Equal("r0", Assert.Single(expiring).RegistrationId);
        await views.RecordAsync(View("r0", "kz", RegistrationPhase.Deleted, Now.AddDays(10)), 4, default);
        Assert.Empty(await directory.ExpiringAsync(Now, Now.AddDays(30), 10, default));
    }
}
