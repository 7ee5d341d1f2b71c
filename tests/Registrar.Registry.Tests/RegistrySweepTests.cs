using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Core.Registrations;
using Registrar.Registry.Tests.Support;
using Registrar.Storage.Stores;
using Registrar.Testing;
using static Registrar.Registry.Tests.Support.SimulatedRegistries;
using static Registrar.Registry.Tests.Support.ViewStoreOnAzurite;

namespace Registrar.Registry.Tests;

/// <summary>The reconciliation sweep: a bounded batch of live registrations read at the registry simulator over
/// TLS, the longest unchecked first (the check line kept in the view store on Azurite), each raised as observed.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class RegistrySweepTests(RegistrySimulatorFixture simulator, AzuriteFixture azurite)
    : IAsyncLifetime
{
    private readonly RecordingEvents _events = new();
    private readonly RegistrationViewStore _views = ViewStoreOnAzurite.Create(azurite);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private SimulatedRegistries _registries = null!;

    public async Task InitializeAsync()
    {
        await ResetAsync(simulator);
        _registries = new SimulatedRegistries(simulator);
    }

    public async Task DisposeAsync() => await _registries.DisposeAsync();

    private RegistrySweep Sweep(int batchSize) => new(_registries.Executor, _registries.ZoneRegistries, _views, _events,
        Options.Create(new RegistrySweepOptions { BatchSize = batchSize }), _clock, NullLogger<RegistrySweep>.Instance);

    /// <summary>Registrations observed by one run, in the order it read them.</summary>
    private async Task<List<string>> RunAsync(int batchSize)
    {
        var before = _events.Raised.Count;
        await Sweep(batchSize).RunAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(10));
        return _events.Raised.Skip(before).Select(e => e.InstanceId).ToList();
    }

    private async Task<string[]> RegisteredAsync(int count)
    {
        var registrations = Enumerable.Range(0, count).Select(_ => NewRegistrationId()).Order(StringComparer.Ordinal).ToArray();
        foreach (var registration in registrations)
        {
            var name = NewName("kz");
            await _registries.RegisterAsync(registration, "kz", name);
            await _views.RecordAsync(View(registration, "kz", name, RegistrationPhase.Registered), 1, default);
        }

        return registrations;
    }

    [Fact]
    public async Task Each_run_reads_its_batch_of_the_longest_unchecked_registrations_first()
    {
        var (a, b, c) = await RegisteredAsync(3) is var r ? (r[0], r[1], r[2]) : default;

        var first = await RunAsync(batchSize: 2);
        var second = await RunAsync(batchSize: 2);
        var third = await RunAsync(batchSize: 2);

        // Never checked first; then by the time of the last check (ties in registration id order).
        Assert.Equal([a, b], first);
        Assert.Equal([c, a], second);
        Assert.Equal([b, a], third);
    }

    [Fact]
    public async Task What_the_registry_holds_is_raised_as_observed_with_its_expiry_statuses_and_sponsor()
    {
        var registration = (await RegisteredAsync(1))[0];

        var result = await Sweep(batchSize: 10).RunAsync(default);

        Assert.Equal(new RegistrySweepResult(1, 0, 0), result);
        var (instance, raised) = Assert.Single(_events.Raised);
        var observed = Assert.IsType<RegistryObserved>(raised);
        Assert.Equal(registration, instance);
        Assert.Equal($"observed:{registration}:{_clock.GetUtcNow().UtcTicks}", observed.EventId);
        Assert.Equal(_clock.GetUtcNow(), observed.ObservedAt);
        Assert.True(observed.Info is { Exists: true, SponsorIsUs: true, ExpiresAt: not null });
        Assert.NotEmpty(observed.Info.Statuses);
    }

    [Fact]
    public async Task A_domain_the_registry_does_not_know_is_still_observed_for_the_decider_to_judge()
    {
        var registration = NewRegistrationId();
        await _views.RecordAsync(View(registration, "kz", NewName("kz"), RegistrationPhase.Registered), 1, default);

        await Sweep(batchSize: 10).RunAsync(default);

        var observed = Assert.IsType<RegistryObserved>(Assert.Single(_events.Raised).Event);
        Assert.False(observed.Info.Exists);
    }

    [Fact]
    public async Task A_registration_that_ended_leaves_the_line_and_a_late_older_record_does_not_bring_it_back()
    {
        var (ended, live) = await RegisteredAsync(2) is var r ? (r[0], r[1]) : default;
        var endedView = View(ended, "kz", "ended.kz", RegistrationPhase.Deleted);
        await _views.RecordAsync(endedView, 3, default);
        await _views.RecordAsync(endedView with { Phase = RegistrationPhase.Registered }, 2, default);

        Assert.Equal([live], await RunAsync(batchSize: 10));
    }
}
