using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Registrar.Testing;

/// <summary>Azurite (Tables, Queues and Blobs) from the project's npm dependencies, in memory (or on disk in
/// <see cref="Location"/>), on free loopback ports; stopped when the fixture is disposed. Use as an xunit
/// class or collection fixture.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // The well-known development account; Azurite accepts only it unless told otherwise.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Node starts Azurite in seconds, but a 2-core machine busy with parallel test projects can take far longer.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    private ChildProcess? _process;

    /// <summary>A folder for on-disk data that survives <see cref="RestartAsync"/>; null keeps data in memory.</summary>
    public string? Location { get; init; }

    public int TablePort { get; private set; }
    public int QueuePort { get; private set; }
    public int BlobPort { get; private set; }

    /// <summary>The emulator's process id while it runs; benchmarks read its CPU time from it.</summary>
    public int? ProcessId => _process?.Id;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};";

    public TableServiceClient Tables => new(ConnectionString);
    public QueueServiceClient Queues => new(ConnectionString);
    public BlobServiceClient Blobs => new(ConnectionString);

    /// <summary>Azurite binds ports the OS picks (port 0) and reports them: a port picked here and released for it to bind
    /// could be taken meanwhile by another test process's server, which the wait for a listener would then have found.</summary>
    public Task InitializeAsync() => StartAsync(fixedPorts: false);

    /// <summary>Stops Azurite abruptly and starts it again on the same ports (data is lost: in memory).
    /// With <paramref name="graceful"/> (and a <see cref="Location"/>) it is sent SIGTERM instead, so it
    /// saves its data as a storage service would before the restart.</summary>
    public async Task RestartAsync(bool graceful = false)
    {
        if (_process is not null && graceful) await TerminateAsync(_process);
        if (_process is not null) await _process.DisposeAsync();
        await StartAsync(fixedPorts: true);
    }

    private static async Task TerminateAsync(ChildProcess process)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString()]);
        await kill.WaitForExitAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!process.HasExited && DateTime.UtcNow < deadline) await Task.Delay(50);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
    }

    private async Task StartAsync(bool fixedPorts)
    {
        var azurite = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run scripts/setup.sh (npm ci).");

        string Port(int port) => (fixedPorts ? port : 0).ToString(CultureInfo.InvariantCulture);
        // --silent: the access log alone took a fifth of the emulator's CPU in the year benchmark; --disableTelemetry: an
        // emulator holding test customers' data sends nothing anywhere. --max-semi-space-size: a young generation of 64 MiB
        // rather than 16 lets most of a request's garbage die between scavenges (the year benchmark 75–82 s against 87–92 s
        // in alternating runs, issue 16).
        _process = ChildProcess.Start(RepositoryPaths.Node,
        [
            "--max-semi-space-size=64", azurite, .. (Location is null ? ["--inMemoryPersistence"] : new[] { "--location", Location }),
            "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--silent", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(BlobPort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(TablePort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(QueuePort),
        ]);
        (BlobPort, QueuePort, TablePort) = (await ListeningPortAsync(_process, "Blob"), await ListeningPortAsync(_process, "Queue"),
            await ListeningPortAsync(_process, "Table"));
    }

    /// <summary>The port a service reports it listens on, once it does ("Azurite Table service is successfully listening at
    /// http://127.0.0.1:45361").</summary>
    private static async Task<int> ListeningPortAsync(ChildProcess process, string service)
    {
        var listening = new Regex($@"Azurite {service} service is successfully listening at http://127\.0\.0\.1:(\d+)");
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (listening.Match(process.Output) is { Success: true } reported)
                return int.Parse(reported.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (process.HasExited) throw new InvalidOperationException($"Azurite ended before its {service} service listened. {process.Output}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"Azurite's {service} service did not listen within {StartPatience}. {process.Output}");
    }
}
