using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Registrar.Testing;

namespace Registrar.LocalHost.Tests;

/// <summary>The local host in this process, for tests that look into its services, replace one, or restart it: its own storage,
/// and the given registry simulator and mail server, or ports nothing listens on for a test that needs neither.</summary>
internal static class InProcessHosts
{
    public static WebApplicationFactory<Program> Create(AzuriteFixture storage, RegistrySimulatorFixture? registry = null, int? smtpPort = null,
        Action<IWebHostBuilder>? configure = null)
    {
        var nowhere = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("Storage:ConnectionString", storage.ConnectionString);
            foreach (var name in new[] { "kaznic", "hostmaster" })
            {
                host.UseSetting($"Epp:Registries:{name}:Port", registry?.EppPort.ToString(CultureInfo.InvariantCulture) ?? nowhere);
                if (registry is not null) host.UseSetting($"Epp:Registries:{name}:PinnedServerThumbprints:0", registry.CertificateSha256);
            }
            host.UseSetting("Mail:Smtp:Port", smtpPort?.ToString(CultureInfo.InvariantCulture) ?? nowhere);
            // A registration's timers come due within the test's patience.
            if (registry is not null) host.UseSetting("Lifecycle:SweepInterval", "00:00:00.200");
            configure?.Invoke(host);
        });
    }
}
