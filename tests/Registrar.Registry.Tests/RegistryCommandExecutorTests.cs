using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;

namespace Registrar.Registry.Tests;

/// <summary>The registry gateway against the registry simulator over real TLS: what the registration
/// decider is told when the registry answers, refuses, or the connection drops.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class RegistryCommandExecutorTests(RegistrySimulatorFixture simulator) : IAsyncLifetime
{
    private EppClients _clients = null!;
    private RegistryCommandExecutor _executor = null!;

    public async Task InitializeAsync()
    {
        var registry = new EppRegistryOptions
        {
            Host = "127.0.0.1", Port = simulator.EppPort, ClientId = RegistrySimulatorFixture.Registrar1,
            Password = RegistrySimulatorFixture.Password1, PinnedServerThumbprints = [simulator.CertificateSha256], MaxSessions = 2,
            ConnectTimeout = TimeSpan.FromSeconds(5), ReadTimeout = TimeSpan.FromSeconds(10),
        };
        var epp = Options.Create(new EppOptions { Registries = { ["kaznic"] = registry } });
        _clients = new EppClients(epp, UnsharedEppSessionSlots.Instance, TimeProvider.System, NullLoggerFactory.Instance);
        _executor = new RegistryCommandExecutor(ZoneCatalog.LoadEmbedded(), _clients, Options.Create(new RegistryOptions()), epp,
            Support.SimulatedRegistries.TransferCodes, new Support.GivenTransferCodes(), NullLogger<RegistryCommandExecutor>.Instance);
        await SimulatedRegistries.ResetAsync(simulator);
    }

    public async Task DisposeAsync() => await _clients.DisposeAsync();

    private static RegistrantData Registrant() => new(RegistrantKind.NaturalPerson,
        new PostalAddress("KZ", "050000", "Алматы", "Алматы", "Абая", "10"), "ivanov@mail.example.org", "+7.7012345678", FullName: "Иванов Иван");

    private static string NewName() => "gw-" + Guid.NewGuid().ToString("N")[..10] + ".kz";

    private async Task<string> ContactAsync(string registrationId)
    {
        var created = await _executor.ExecuteAsync(new CreateRegistryContact(registrationId + "-1", registrationId, "kz", Registrant()), default);
        return Assert.IsType<ContactCreated>(created).Handle;
    }

    private static CreateDomain Create(string registrationId, string name, string handle, int n = 2) =>
        new($"{registrationId}-{n}", registrationId, "kz", name, 1, handle, TechnicalContact.Registrant, null);

    [Fact]
    public async Task A_created_domain_reports_the_registrys_expiry_UA_1_6()
    {
        var registration = "R" + Guid.NewGuid().ToString("N")[..8];
        var handle = await ContactAsync(registration);

        var outcome = await _executor.ExecuteAsync(Create(registration, NewName(), handle), default);

        var created = Assert.IsType<DomainCreated>(outcome);
        Assert.InRange(created.ExpiresAt, DateTimeOffset.UtcNow.AddYears(1).AddDays(-1), DateTimeOffset.UtcNow.AddYears(1).AddDays(1));
    }

    [Fact]
    public async Task A_contact_create_repeated_after_a_lost_answer_finds_the_same_contact()
    {
        var registration = "R" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(await ContactAsync(registration), await ContactAsync(registration));
    }

    [Fact]
    public async Task A_create_repeated_for_the_same_registration_is_recognised_as_ours_not_as_taken()
    {
        var registration = "R" + Guid.NewGuid().ToString("N")[..8];
        var handle = await ContactAsync(registration);
        var name = NewName();
        Assert.IsType<DomainCreated>(await _executor.ExecuteAsync(Create(registration, name, handle), default));

        var again = await _executor.ExecuteAsync(Create(registration, name, handle, n: 3), default);

        var info = Assert.IsType<DomainInfo>(again);
        Assert.True(info is { Exists: true, SponsorIsUs: true });
        Assert.Equal(handle, info.RegistrantHandle, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_create_for_a_name_another_registration_created_first_for_the_same_nic_handle_reads_back_its_create_date_KZ_2_1()
    {
        // Two orders here for one name and one nic-handle, both paid (KZ-App-5): the first is created, then the second is paid.
        var first = "R" + Guid.NewGuid().ToString("N")[..8];
        var handle = await ContactAsync(first);
        var name = NewName();
        Assert.IsType<DomainCreated>(await _executor.ExecuteAsync(Create(first, name, handle), default));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var secondPaidAt = DateTimeOffset.UtcNow;

        var answer = Assert.IsType<DomainInfo>(await _executor.ExecuteAsync(Create("R" + Guid.NewGuid().ToString("N")[..8], name, handle), default));

        // Sponsor and registrant alone would read as the second's own create; the registry's create date shows it is not.
        Assert.True(answer is { Exists: true, SponsorIsUs: true });
        Assert.Equal(handle, answer.RegistrantHandle, StringComparer.OrdinalIgnoreCase);
        Assert.True(answer.CreatedAt < secondPaidAt, $"created {answer.CreatedAt:O}, second paid {secondPaidAt:O}");
        Assert.False(answer.CreatedByThisRegistration);
    }

    [Fact]
    public async Task Two_creates_of_one_name_for_one_nic_handle_paid_together_are_told_apart_by_the_authInfo_each_create_sets_KZ_2_1()
    {
        // Both orders paid in one bank file before either create went out: the create dates cannot tell them apart.
        var first = "R" + Guid.NewGuid().ToString("N")[..8];
        var second = "R" + Guid.NewGuid().ToString("N")[..8];
        var handle = await ContactAsync(first);
        var name = NewName();
        Assert.IsType<DomainCreated>(await _executor.ExecuteAsync(Create(first, name, handle), default));

        var secondsReadBack = Assert.IsType<DomainInfo>(await _executor.ExecuteAsync(Create(second, name, handle), default));
        var firstsRepeat = Assert.IsType<DomainInfo>(await _executor.ExecuteAsync(Create(first, name, handle) with { CommandId = first + "-again" }, default));

        Assert.True(secondsReadBack is { Exists: true, SponsorIsUs: true, CreatedByThisRegistration: false });
        Assert.True(firstsRepeat is { Exists: true, SponsorIsUs: true, CreatedByThisRegistration: true });
    }

    [Fact]
    public async Task A_connection_dropped_after_the_registry_executed_a_create_is_an_unknown_outcome_and_the_domain_exists_once()
    {
        var registration = "R" + Guid.NewGuid().ToString("N")[..8];
        var handle = await ContactAsync(registration);
        var name = NewName();
        await simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1, Commands = ["domain:create"] });

        var outcome = await _executor.ExecuteAsync(Create(registration, name, handle), default);
        await simulator.ClearFaultsAsync();

        Assert.IsType<OutcomeUnknown>(outcome);
        var reconciled = Assert.IsType<DomainInfo>(await _executor.ExecuteAsync(new QueryDomain(registration + "-3", registration, "kz", name), default));
        Assert.True(reconciled is { Exists: true, SponsorIsUs: true, CreatedByThisRegistration: true });
    }

    [Fact]
    public async Task A_registry_refusal_is_reported_with_its_code_and_message()
    {
        var registration = "R" + Guid.NewGuid().ToString("N")[..8];

        var outcome = await _executor.ExecuteAsync(Create(registration, NewName(), "NO-SUCH-CONTACT"), default);

        var refused = Assert.IsType<RegistryRefused>(outcome);
        Assert.InRange(refused.Code, 2000, 2599);
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
    }
}
