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

    public async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            (TablePort, QueuePort, BlobPort) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
            try
            {
                await StartAsync();
                return;
            }
            catch (TimeoutException) when (attempt < 3 && _process is { HasExited: true } ended && ended.Output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Another test process bound a port between its release and Azurite's start: take other ports.
                await ended.DisposeAsync();
            }
        }
    }

    /// <summary>Stops Azurite abruptly and starts it again on the same ports (data is lost: in memory).
    /// With <paramref name="graceful"/> (and a <see cref="Location"/>) it is sent SIGTERM instead, so it
    /// saves its data as a storage service would before the restart.</summary>
    public async Task RestartAsync(bool graceful = false)
    {
        if (_process is not null && graceful) await TerminateAsync(_process);
        if (_process is not null) await _process.DisposeAsync();
        await StartAsync();
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

    private async Task StartAsync()
    {
        var azurite = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run scripts/setup.sh (npm ci).");

        // --silent: the access log alone took a fifth of the emulator's CPU in the year benchmark; --disableTelemetry: an
        // emulator holding test customers' data sends nothing anywhere. --max-semi-space-size: a young generation of 64 MiB
        // rather than 16 lets most of a request's garbage die between scavenges (the year benchmark 75–82 s against 87–92 s
        // in alternating runs, issue 16).
        _process = ChildProcess.Start(RepositoryPaths.Node,
        [
            "--max-semi-space-size=64", azurite, .. (Location is null ? ["--inMemoryPersistence"] : new[] { "--location", Location }),
            "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--silent", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
        ]);
        var started = _process;
        foreach (var port in new[] { TablePort, QueuePort, BlobPort })
            await FreeTcpPort.WaitUntilListeningAsync(port, StartPatience, () => started.Output, () => started.HasExited);
    }
}
