using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Zones;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;
using Registrar.Testing;

namespace Registrar.Registry.Tests.Support;

/// <summary>Both registries of the zone catalog on one registry simulator, as scripts/run.sh sets them up: KazNIC
/// (.kz) as registrar1 on the IETF profile, Hostmaster (.ua) as registrar2 on Hostmaster's profile.</summary>
public sealed class SimulatedRegistries : IAsyncDisposable
{
    public SimulatedRegistries(RegistrySimulatorFixture simulator)
    {
        Epp = Options.Create(new EppOptions
        {
            Registries =
            {
                ["kaznic"] = Registry(simulator, RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1, EppRegistryProfile.IetfName),
                ["hostmaster"] = Registry(simulator, RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2, EppRegistryProfile.HostmasterUaName),
            },
        });
        Clients = new EppClients(Epp, UnsharedEppSessionSlots.Instance, TimeProvider.System, NullLoggerFactory.Instance);
        Executor = new RegistryCommandExecutor(Zones, Clients, Options.Create(new RegistryOptions()), Epp, TransferCodes, IncomingCodes,
            NullLogger<RegistryCommandExecutor>.Instance);
    }

    public static ZoneCatalog Zones { get; } = ZoneCatalog.LoadEmbedded();

    /// <summary>The codes transfer-in order lines gave, for the executor's transfer requests.</summary>
    public GivenTransferCodes IncomingCodes { get; } = new();

    /// <summary>KZ-App-9: the key the gateway derives transfer codes with, so a test can derive the code a command set.</summary>
    public static TransferCodes TransferCodes { get; } = new(Convert.ToBase64String(Enumerable.Repeat((byte)5, 32).ToArray()));

    public IOptions<EppOptions> Epp { get; }
    public EppClients Clients { get; }
    public RegistryCommandExecutor Executor { get; }
    public ZoneRegistries ZoneRegistries => new(Zones, Clients, Epp);

    /// <summary>Another registrar at the simulator, on the IETF profile (to request transfers of our names).</summary>
    public static EppClient Stranger(RegistrySimulatorFixture simulator) => EppClients.Create("stranger",
        Registry(simulator, RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2, EppRegistryProfile.IetfName),
        UnsharedEppSessionSlots.Instance, TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary>A simulator with no objects, messages or faults, and its clock back at real time (a test before may have moved it).</summary>
    public static async Task ResetAsync(RegistrySimulatorFixture simulator)
    {
        await simulator.ResetAsync();
        await simulator.SetClockAsync(DateTimeOffset.UtcNow);
    }

    public static string NewRegistrationId() => "O" + Guid.NewGuid().ToString("N")[..16] + "-1";

    public static string NewName(string zone) => "gw-" + Guid.NewGuid().ToString("N")[..10] + "." + zone;

    /// <summary>A registrant contact and the domain, created through the gateway as the decider would ask.</summary>
    public async Task<DomainCreated> RegisterAsync(string registrationId, string zone, string name)
    {
        var contact = await Executor.ExecuteAsync(new CreateRegistryContact(registrationId + "-1", registrationId, zone, Registrant()), default);
        var handle = Assert.IsType<ContactCreated>(contact).Handle;
        var created = await Executor.ExecuteAsync(
            new CreateDomain(registrationId + "-2", registrationId, zone, name, 1, handle, TechnicalContact.Registrant, null), default);
        return Assert.IsType<DomainCreated>(created);
    }

    public static RegistrantData Registrant() => new(RegistrantKind.NaturalPerson,
        new PostalAddress("KZ", "050000", "Алматы", "Алматы", "Абая", "10"), "ivanov@mail.example.org", "+7.7012345678", FullName: "Иванов Иван");

    public ValueTask DisposeAsync() => Clients.DisposeAsync();

    private static EppRegistryOptions Registry(RegistrySimulatorFixture simulator, string clientId, string password, string profile) => new()
    {
        Host = "127.0.0.1", Port = simulator.EppPort, ClientId = clientId, Password = password,
        PinnedServerThumbprints = [simulator.CertificateSha256], MaxSessions = 2,
        ConnectTimeout = TimeSpan.FromSeconds(5), ReadTimeout = TimeSpan.FromSeconds(10),
        Profile = new EppProfileOptions { Name = profile },
    };
}
