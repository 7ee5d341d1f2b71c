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

    private static RegistrationView Of(string customer, string id, RegistrationPhase phase, DateTimeOffset? expires = null, DateTimeOffset? dueBy = null) =>
        new(id, customer, id + ".kz", id + ".kz", "kz", phase, expires, DueBy: dueBy);

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

        var first = await directory.ListAsync(new RegistrationFilter(), null, 4, Now, default);
        Assert.Equal(4, first.Registrations.Count);
        var second = await directory.ListAsync(new RegistrationFilter(), first.Next, 4, Now, default);
        Assert.Null(second.Next);
        var all = first.Registrations.Concat(second.Registrations).ToList();
        Assert.Equal(6, all.Count);
        Assert.Equal(6, all.Select(v => v.RegistrationId).Distinct().Count());
        Assert.Equal(RegistrationPhase.Registered, all.Single(v => v.RegistrationId == "r0").Phase);

        var waiting = await directory.ListAsync(new RegistrationFilter(RegistrationPhase.AwaitingTrademarkReview), null, 10, Now, default);
        Assert.Equal("u1", Assert.Single(waiting.Registrations).RegistrationId);
        var kz = await directory.ListAsync(new RegistrationFilter(Zone: "kz"), null, 10, Now, default);
        Assert.Equal(5, kz.Registrations.Count);
        Assert.Empty((await directory.ListAsync(new RegistrationFilter(RegistrationPhase.Registered, "com.ua"), null, 10, Now, default)).Registrations);

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

    [Fact]
    public async Task Operations_list_a_customers_registrations_a_page_at_a_time_with_the_other_filters_applied_to_them()
    {
        var clients = TestStorage.Clients(azurite);
        var views = new RegistrationViewStore(clients);
        var directory = new RegistrationDirectory(clients);
        var customer = "c-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
            await views.RecordAsync(Of(customer, $"{customer}-r{i}", i < 3 ? RegistrationPhase.Registered : RegistrationPhase.Deleted, Now.AddDays(10)), 1, default);
        await views.RecordAsync(Of("someone-else", $"{customer}-x", RegistrationPhase.Registered, Now.AddDays(10)), 1, default);

        var listed = new List<RegistrationView>();
        string? after = null;
        do
        {
            var page = await directory.ListAsync(new RegistrationFilter(CustomerId: customer), after, 2, Now, default);
            Assert.True(page.Registrations.Count <= 2);
            listed.AddRange(page.Registrations);
            after = page.Next;
        }
        while (after is not null);
        Assert.Equal(5, listed.Select(v => v.RegistrationId).Distinct().Count());
        Assert.All(listed, v => Assert.Equal(customer, v.CustomerId));

        var registered = await directory.ListAsync(new RegistrationFilter(RegistrationPhase.Registered, CustomerId: customer), null, 10, Now, default);
        Assert.Equal(3, registered.Registrations.Count);
        Assert.Null(registered.Next);
        Assert.True(RegistrationDirectory.IsPageKey(new RegistrationFilter(CustomerId: customer), $"customer|{customer}|{customer}-r1"));
        Assert.False(RegistrationDirectory.IsPageKey(new RegistrationFilter(CustomerId: "someone-else"), $"customer|{customer}|{customer}-r1"));
        Assert.False(RegistrationDirectory.IsPageKey(new RegistrationFilter(), $"customer|{customer}|{customer}-r1"));
    }

    [Fact]
    public async Task Operations_list_registrations_live_at_the_registry_whose_expiry_falls_in_a_window()
    {
        var clients = TestStorage.Clients(azurite);
        var views = new RegistrationViewStore(clients);
        var directory = new RegistrationDirectory(clients);
        var customer = "c-" + Guid.NewGuid().ToString("N")[..8];
        // A window of its own, years away from every other test's registrations.
        var from = Now.AddYears(40).AddTicks(Random.Shared.Next(1, 1_000_000_000));
        await views.RecordAsync(Of(customer, $"{customer}-before", RegistrationPhase.Registered, from.AddTicks(-1)), 1, default);
        await views.RecordAsync(Of(customer, $"{customer}-first", RegistrationPhase.Registered, from), 1, default);
        await views.RecordAsync(Of(customer, $"{customer}-last", RegistrationPhase.Expired, from.AddDays(1)), 1, default);
        await views.RecordAsync(Of(customer, $"{customer}-gone", RegistrationPhase.Deleted, from.AddHours(1)), 1, default);
        await views.RecordAsync(Of(customer, $"{customer}-after", RegistrationPhase.Registered, from.AddDays(2)), 1, default);

        var window = new RegistrationFilter(ExpiresFrom: from, ExpiresTo: from.AddDays(2));
        var first = await directory.ListAsync(window, null, 1, Now, default);
        var second = await directory.ListAsync(window, first.Next, 1, Now, default);

        Assert.Equal($"{customer}-first", Assert.Single(first.Registrations).RegistrationId);
        Assert.Equal($"{customer}-last", Assert.Single(second.Registrations).RegistrationId);
        Assert.Null(second.Next);
        // The same window applied to a customer's registrations, whose index holds the deleted one too, leaves it out alike.
        var ofCustomer = await directory.ListAsync(window with { CustomerId = customer }, null, 10, Now, default);
        Assert.Equal([$"{customer}-first", $"{customer}-last"], ofCustomer.Registrations.Select(v => v.RegistrationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Overdue_registrations_are_those_still_being_carried_out_past_their_deadline_KZ_2_1()
    {
        var clients = TestStorage.Clients(azurite);
        var views = new RegistrationViewStore(clients);
        var directory = new RegistrationDirectory(clients);
        var customer = "c-" + Guid.NewGuid().ToString("N")[..8];
        await views.RecordAsync(Of(customer, $"{customer}-late", RegistrationPhase.CreatingDomain, dueBy: Now.AddHours(-1)), 1, default);
        await views.RecordAsync(Of(customer, $"{customer}-due-now", RegistrationPhase.AwaitingTrademarkReview, dueBy: Now), 1, default);
        await views.RecordAsync(Of(customer, $"{customer}-in-time", RegistrationPhase.CreatingContact, dueBy: Now.AddHours(1)), 1, default);
        await views.RecordAsync(Of(customer, $"{customer}-done", RegistrationPhase.CreatingDomain, dueBy: Now.AddHours(-2)), 1, default);
        // Registered: no deadline is waited on any more, and its deadline row goes with the view that says so.
        await views.RecordAsync(Of(customer, $"{customer}-done", RegistrationPhase.Registered, Now.AddYears(1)), 2, default);

        var overdue = await directory.ListAsync(new RegistrationFilter(CustomerId: customer, Overdue: true), null, 100, Now, default);

        Assert.Equal([$"{customer}-due-now", $"{customer}-late"], overdue.Registrations.Select(v => v.RegistrationId).Order(StringComparer.Ordinal));
        var later = await directory.ListAsync(new RegistrationFilter(CustomerId: customer, Overdue: true), null, 100, Now.AddHours(2), default);
        Assert.Equal(3, later.Registrations.Count);
    }
}
