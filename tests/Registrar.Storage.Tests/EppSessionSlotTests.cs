using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Epp.Sessions;
using Registrar.Storage.Configuration;
using Registrar.Storage.Leases;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>Each registry's EPP session slots shared through a table by several hosts (instances of the
/// app), each a <see cref="TableSessionSlots"/> of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EppSessionSlotTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A host; on a <see cref="ManualClock"/> it waits for slots in real time, on a
    /// <see cref="FakeTimeProvider"/> it renews only when the test moves its clock.</summary>
    private static TableSessionSlots Host(StorageClients clients, TimeProvider clock, EppSessionSlotOptions? options = null) =>
        new(clients, Options.Create(options ?? new EppSessionSlotOptions { PollEvery = TimeSpan.FromMilliseconds(50) }), clock,
            NullLogger<TableSessionSlots>.Instance);

    /// <summary>Still waiting after a while: this can only pass wrongly, never fail wrongly, on a slow machine.</summary>
    private static async Task AssertStillWaitingAsync(Task acquire)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(acquire.IsCompleted);
    }

    [Fact]
    public async Task Two_hosts_together_never_hold_more_than_the_registrys_two_slots()
    {
        var clients = TestStorage.Clients(azurite);
        var clock = new ManualClock(Start);
        TableSessionSlots[] hosts = [Host(clients, clock), Host(clients, clock)];
        var held = 0;
        var mostHeld = 0;

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await using var slot = await hosts[i % 2].AcquireAsync("kaznic", 2, default);
            // Counted inside the time the slot is held, so the count never exceeds what is really held.
            var now = Interlocked.Increment(ref held);
            lock (hosts) mostHeld = Math.Max(mostHeld, now);
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            Interlocked.Decrement(ref held);
        })).WaitAsync(Patience);

        Assert.InRange(mostHeld, 1, 2);
    }

    [Fact]
    public async Task A_third_caller_waits_until_one_of_the_two_held_slots_is_released()
    {
        var clients = TestStorage.Clients(azurite);
        var clock = new ManualClock(Start);
        var (first, second) = (Host(clients, clock), Host(clients, clock));
        var firstSlot = await first.AcquireAsync("kaznic", 2, default);
        await using var secondSlot = await second.AcquireAsync("kaznic", 2, default);

        var third = second.AcquireAsync("kaznic", 2, default).AsTask();
        await AssertStillWaitingAsync(third);
        await firstSlot.DisposeAsync();

        await using var thirdSlot = await third.WaitAsync(Patience);
        Assert.True(thirdSlot.IsHeld);
        Assert.True(secondSlot.IsHeld);
    }

    [Fact]
    public async Task A_slot_whose_holder_stopped_renewing_is_taken_over_and_the_old_holder_then_finds_it_lost()
    {
        var clients = TestStorage.Clients(azurite);
        var stoppedClock = new FakeTimeProvider(Start);
        var stopped = Host(clients, stoppedClock);
        var old = await stopped.AcquireAsync("kaznic", 1, default);

        // A minute and more later by another host's clock, without a renewal in between: the lease has run out.
        var taken = await Host(clients, new FakeTimeProvider(Start.AddSeconds(61))).AcquireAsync("kaznic", 1, default)
            .AsTask().WaitAsync(Patience);
        Assert.True(old.IsHeld); // by its own clock the lease still runs: only its next renewal can tell
        stoppedClock.Advance(TimeSpan.FromSeconds(20));

        await TestStorage.EventuallyAsync(() => Task.FromResult(!old.IsHeld), "the old holder finds its slot lost");
        await old.DisposeAsync();
        var next = Host(clients, new ManualClock(Start.AddSeconds(61))).AcquireAsync("kaznic", 1, default).AsTask();
        await AssertStillWaitingAsync(next); // the old holder's release left the new holder's row alone
        Assert.True(taken.IsHeld);
        await taken.DisposeAsync();
        await using var nextSlot = await next.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_holder_that_keeps_renewing_keeps_its_slot_past_the_first_lease()
    {
        var clients = TestStorage.Clients(azurite);
        var clock = new FakeTimeProvider(Start);
        // Renewals every 2 s of a 6 s lease: the clock goes past the first lease but never as far as the
        // 10 s a storage call may take, so no renewal times out because the test moved the clock.
        var options = new EppSessionSlotOptions { LeaseDuration = TimeSpan.FromSeconds(6), RenewEvery = TimeSpan.FromSeconds(2) };
        var slot = await Host(clients, clock, options).AcquireAsync("kaznic", 1, default);

        clock.Advance(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(5));

        await TestStorage.EventuallyAsync(() => Task.FromResult(slot.IsHeld), "the renewed lease outlasts the first one");
        var other = Host(clients, new ManualClock(Start.AddSeconds(7.5))).AcquireAsync("kaznic", 1, default).AsTask();
        await AssertStillWaitingAsync(other);
        await slot.DisposeAsync();
        await using var otherSlot = await other.WaitAsync(Patience);
    }

    [Fact]
    public async Task Registries_do_not_block_each_other()
    {
        var clients = TestStorage.Clients(azurite);
        var clock = new ManualClock(Start);
        var (first, second) = (Host(clients, clock), Host(clients, clock));
        await using var kaznic = await first.AcquireAsync("kaznic", 1, default);
        using var stopWaiting = new CancellationTokenSource();
        var waitingForKaznic = second.AcquireAsync("kaznic", 1, stopWaiting.Token).AsTask();

        await using var hostmaster = await second.AcquireAsync("hostmaster", 1, default).AsTask().WaitAsync(Patience);

        Assert.True(hostmaster.IsHeld);
        await stopWaiting.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waitingForKaznic);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Shared_slots_replace_the_unshared_default_whichever_is_registered_first(bool sharedFirst)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString }).Build();
        var services = new ServiceCollection().AddLogging().AddRegistrarStorage(configuration);
        if (sharedFirst) services.AddSharedEppSessionSlots().AddEppClients(configuration);
        else services.AddEppClients(configuration).AddSharedEppSessionSlots();

        await using var provider = services.BuildServiceProvider();

        Assert.IsType<TableSessionSlots>(provider.GetRequiredService<IEppSessionSlots>());
    }
}
