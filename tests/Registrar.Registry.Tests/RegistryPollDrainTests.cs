using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Registrar.Core.Operations;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Registry.Tests.Support;
using Registrar.Storage.Stores;
using Registrar.Testing;
using static Registrar.Registry.Tests.Support.SimulatedRegistries;
using static Registrar.Registry.Tests.Support.ViewStoreOnAzurite;

namespace Registrar.Registry.Tests;

/// <summary>The registry's poll messages drained over real TLS into the registrations they name (found by domain in
/// the view store on Azurite) or, naming none of ours, onto the review list.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class RegistryPollDrainTests(RegistrySimulatorFixture simulator, AzuriteFixture azurite)
    : IAsyncLifetime
{
    private readonly RecordingEvents _events = new();
    private readonly List<ReviewItem> _review = [];
    private readonly RegistrationViewStore _views = ViewStoreOnAzurite.Create(azurite);
    private SimulatedRegistries _registries = null!;

    public async Task InitializeAsync()
    {
        await ResetAsync(simulator);
        _registries = new SimulatedRegistries(simulator);
    }

    public async Task DisposeAsync() => await _registries.DisposeAsync();

    /// <summary>Drains KazNIC only: the simulator's other registrar plays the stranger who asks for our names.</summary>
    private RegistryPollDrainer Drainer()
    {
        var review = new Mock<IReviewList>();
        review.Setup(r => r.AddAsync(It.IsAny<ReviewItem>(), It.IsAny<CancellationToken>()))
            .Callback<ReviewItem, CancellationToken>((item, _) => _review.Add(item)).Returns(Task.CompletedTask);
        var kaznicOnly = Options.Create(new EppOptions { Registries = { ["kaznic"] = _registries.Epp.Value.Registries["kaznic"] } });
        return new RegistryPollDrainer(_registries.Clients, _views, _events, review.Object, kaznicOnly, TimeProvider.System,
            NullLogger<RegistryPollDrainer>.Instance);
    }

    private async Task StrangerAsksForTransferAsync(string name)
    {
        await using var stranger = Stranger(simulator);
        var authInfo = (await simulator.GetDomainAsync(name))!.Value.GetProperty("authInfo").GetString();
        await stranger.ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Request, authInfo));
    }

    [Fact]
    public async Task A_transfer_notice_for_our_domain_is_raised_on_its_registration_and_acknowledged()
    {
        var (registration, name) = (NewRegistrationId(), NewName("kz"));
        await _registries.RegisterAsync(registration, "kz", name);
        await _views.RecordAsync(View(registration, "kz", name, RegistrationPhase.Registered), 1, default);
        await StrangerAsksForTransferAsync(name);

        var drained = await Drainer().DrainAllAsync(default);
        var again = await Drainer().DrainAllAsync(default);

        Assert.Equal((1, 0), (drained["kaznic"], again["kaznic"]));
        var (instance, raised) = Assert.Single(_events.Raised);
        var reported = Assert.IsType<RegistryReported>(raised);
        Assert.Equal(registration, instance);
        Assert.StartsWith("poll:kaznic:", reported.EventId);
        Assert.StartsWith("trnData", reported.Summary);
        Assert.Empty(_review);
    }

    [Fact]
    public async Task The_expiry_and_purge_of_an_unpaid_kz_domain_are_raised_on_its_registration_the_purge_found_by_its_text_KZ_2_8()
    {
        var (registration, name) = (NewRegistrationId(), NewName("kz"));
        var created = await _registries.RegisterAsync(registration, "kz", name);
        await _views.RecordAsync(View(registration, "kz", name, RegistrationPhase.Expired), 1, default);
        await simulator.SetClockAsync(created.ExpiresAt.AddMinutes(1));

        var drained = await Drainer().DrainAllAsync(default);

        Assert.Equal(2, drained["kaznic"]);
        Assert.All(_events.Raised, e => Assert.Equal(registration, e.InstanceId));
        var summaries = _events.Raised.Select(e => Assert.IsType<RegistryReported>(e.Event).Summary).ToList();
        Assert.StartsWith("infData", summaries[0]);
        Assert.StartsWith("note", summaries[1]);
        Assert.Contains($"{name} was deleted", summaries[1]);
    }

    [Fact]
    public async Task A_message_about_a_domain_none_of_our_registrations_names_goes_to_the_review_list()
    {
        var (registration, name) = (NewRegistrationId(), NewName("kz"));
        await _registries.RegisterAsync(registration, "kz", name);
        await StrangerAsksForTransferAsync(name);

        var drained = await Drainer().DrainAllAsync(default);

        Assert.Equal(1, drained["kaznic"]);
        Assert.Empty(_events.Raised);
        var item = Assert.Single(_review);
        Assert.Equal((name, "registry-message"), (item.Subject, item.Kind));
        Assert.StartsWith("poll:kaznic:", item.Id);
    }

    [Fact]
    public async Task A_message_whose_event_could_not_be_stored_stays_queued_for_the_next_run()
    {
        var (registration, name) = (NewRegistrationId(), NewName("kz"));
        await _registries.RegisterAsync(registration, "kz", name);
        await _views.RecordAsync(View(registration, "kz", name, RegistrationPhase.Registered), 1, default);
        await StrangerAsksForTransferAsync(name);
        _events.FailWith = new InvalidOperationException("the lifecycle store is down");

        var failed = await Drainer().DrainAllAsync(default);
        _events.FailWith = null;
        var next = await Drainer().DrainAllAsync(default);

        Assert.False(failed.ContainsKey("kaznic"));
        Assert.Equal(1, next["kaznic"]);
        Assert.Equal(registration, Assert.Single(_events.Raised).InstanceId);
    }

    [Fact]
    public async Task A_domain_name_finds_the_registration_live_at_the_registry_not_an_earlier_one_that_ended()
    {
        var name = NewName("kz");
        var (ended, live) = (NewRegistrationId(), NewRegistrationId());

        await _views.RecordAsync(View(ended, "kz", name, RegistrationPhase.NameTaken), 1, default);
        var first = await _views.FindByDomainAsync(name, default);
        await _views.RecordAsync(View(live, "kz", name, RegistrationPhase.Registered), 1, default);
        await _views.RecordAsync(View(ended, "kz", name, RegistrationPhase.Closed), 2, default);

        Assert.Equal(ended, first?.RegistrationId);
        Assert.Equal(live, (await _views.FindByDomainAsync(name.ToUpperInvariant(), default))?.RegistrationId);
        Assert.Null(await _views.FindByDomainAsync(NewName("kz"), default));
    }
}
