using System.Net.Http.Headers;

namespace Registrar.Testing;

/// <summary>
/// The whole product on this machine, as the README's run command starts it: Azurite, the
/// registry simulator over TLS, MailDev, and the local host as a separate process configured
/// through environment variables. Shared by the end-to-end tests of one collection.
/// </summary>
public sealed class ProductFixture : IAsyncLifetime
{
    public const string StorefrontKey = "dev-storefront-key";
    public const string OperationsKey = "dev-operations-key";
    public const string HalykSecret = "development-only-halyk-secret";

    private ChildProcess? _host;

    /// <summary>Environment variables for the local host beyond the fixture's own (a benchmark's session caps),
    /// which they override.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The host moves the simulator's clock with its own, as <c>scripts/run.sh</c> configures it; off for tests that
    /// set the registry's clock themselves.</summary>
    public bool RegistryFollowsClock { get; init; }

    /// <summary>The acquiring bank's signing key; the host is configured with its public half.</summary>
    public System.Security.Cryptography.ECDsa AcquirerKey { get; } = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

    public AzuriteFixture Storage { get; } = new();
    public RegistrySimulatorFixture Registry { get; } = new();
    /// <summary>Where the host mails: MailDev unless a benchmark counts mail instead.</summary>
    public ISmtpSink MailSink { get; init; } = new MailSinkFixture();

    /// <summary>MailDev, which the tests read what was mailed from.</summary>
    public MailSinkFixture Mail => MailSink as MailSinkFixture
        ?? throw new InvalidOperationException("This product mails to a counting sink: read MailSink.");
    public Uri BaseAddress { get; private set; } = null!;
    public string HostOutput => _host?.Output ?? "";

    /// <summary>The local host's process, for figures such as its peak memory.</summary>
    public int? HostProcessId => _host?.Id;

    public async Task InitializeAsync()
    {
        await StartDependenciesAsync();
        await StartHostAsync();
    }

    /// <summary>Azurite, the simulator and the mail sink, without the host (for a benchmark that fills storage first).</summary>
    public Task StartDependenciesAsync() => Task.WhenAll(Storage.InitializeAsync(), Registry.InitializeAsync(), MailSink.InitializeAsync());

    /// <summary>Starts the local host on the fixture's storage, registry and mail sink, and returns once it listens.</summary>
    public async Task StartHostAsync()
    {
        var port = FreeTcpPort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _host = ChildProcess.Start("dotnet",
            [RepositoryPaths.BuiltAssembly("src/Registrar.LocalHost", "Registrar.LocalHost"), "--urls", BaseAddress.ToString().TrimEnd('/')],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__ConnectionString"] = Storage.ConnectionString,
                ["Epp__Registries__kaznic__Port"] = Registry.EppPort.ToString(),
                ["Epp__Registries__kaznic__PinnedServerThumbprints__0"] = Registry.CertificateSha256,
                ["Epp__Registries__hostmaster__Port"] = Registry.EppPort.ToString(),
                ["Epp__Registries__hostmaster__PinnedServerThumbprints__0"] = Registry.CertificateSha256,
                ["Mail__Smtp__Port"] = MailSink.SmtpPort.ToString(),
                // The registry's messages (a transfer approved after its period) reach registrations within seconds, not minutes.
                ["Registry__Poll__Interval"] = "00:00:02",
                // The tests read a bank post's outcomes from its answer: a window no loaded CI machine outlasts keeps it a 200.
                // The benchmarks set the product's own window (BenchHost).
                ["Payments__AnswerWithin"] = "00:00:20",
                // Every test of this host calls from one address, and the hostile-input sweep alone makes hundreds of public lookups:
                // the limit per address is tested on a host of its own (PersonalDataTests).
                ["Whois__PermitLimit"] = "1000000",
                ["Banks__monobank__EcdsaPublicKey"] =
                    Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(AcquirerKey.ExportSubjectPublicKeyInfoPem())),
            }.Concat(RegistryFollowsClock ? [new("RegistrySimulator__ControlUrl", Registry.ControlUri.ToString())] : [])
            .Concat(HostSettings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            workingDirectory: Path.Combine(RepositoryPaths.Root, "src", "Registrar.LocalHost"));
        var host = _host;
        await FreeTcpPort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => host.Output, () => host.HasExited);
    }

    public HttpClient Storefront(string customerId)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", StorefrontKey);
        client.DefaultRequestHeaders.Add("X-Customer-Id", customerId);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient Operations()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", OperationsKey);
        return client;
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        AcquirerKey.Dispose();
        await Task.WhenAll(Storage.DisposeAsync(), Registry.DisposeAsync(), MailSink.DisposeAsync());
    }
}
