using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;

namespace Registrar.LocalHost.Tests;

/// <summary>The other registrar at the simulator, on the IETF profile: it takes our domains over, or holds domains ours take over.</summary>
internal static class OtherRegistrar
{
    public static EppClient Connect(ProductFixture product) => EppClients.Create("other-registrar", new EppRegistryOptions
    {
        Host = "127.0.0.1", Port = product.Registry.EppPort, ClientId = RegistrySimulatorFixture.Registrar2, Password = RegistrySimulatorFixture.Password2,
        PinnedServerThumbprints = [product.Registry.CertificateSha256], MaxSessions = 1,
        ConnectTimeout = TimeSpan.FromSeconds(5), ReadTimeout = TimeSpan.FromSeconds(10),
        Profile = new EppProfileOptions { Name = EppRegistryProfile.IetfName },
    }, UnsharedEppSessionSlots.Instance, TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary><paramref name="name"/> registered by the other registrar for a registrant of its own, with <paramref name="code"/> as its authInfo.</summary>
    public static async Task RegisterAsync(EppClient other, string name, string code)
    {
        var contact = "ot" + Guid.NewGuid().ToString("N")[..10];
        await other.ExecuteAsync(new ContactCreateCommand
        {
            Id = contact, Email = "holder@mail.example.org", AuthInfoPassword = "Contact-Pw-1",
            PostalInfos = [new PostalInfo { Name = "Петров Пётр", City = "Алматы", CountryCode = "KZ", Street = ["пр. Абая 1"] }],
            Voice = "+7.7012345678",
        });
        await other.ExecuteAsync(new DomainCreateCommand { DomainName = name, Registrant = contact, AuthInfoPassword = code, Period = EppPeriod.Years(1) });
    }
}
