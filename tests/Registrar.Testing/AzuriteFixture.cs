using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Registrar.Testing;

/// <summary>Azurite (Tables and Queues) from the project's npm dependencies, in memory, on free
/// loopback ports; stopped when the fixture is disposed. Use as an xunit class or collection fixture.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // The well-known development account; Azurite accepts only it unless told otherwise.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private ChildProcess? _process;

    public int TablePort { get; private set; }
    public int QueuePort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};";

    public TableServiceClient Tables => new(ConnectionString);
    public QueueServiceClient Queues => new(ConnectionString);

    public async Task InitializeAsync()
    {
        TablePort = FreeTcpPort.Next();
        QueuePort = FreeTcpPort.Next();
        await StartAsync();
    }

    /// <summary>Stops Azurite abruptly and starts it again on the same ports (data is lost: in memory).</summary>
    public async Task RestartAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        await StartAsync();
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

        _process = ChildProcess.Start("node",
        [
            azurite, "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", FreeTcpPort.Next().ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
        ]);
        await FreeTcpPort.WaitUntilListeningAsync(TablePort, TimeSpan.FromSeconds(30), () => _process.Output);
        await FreeTcpPort.WaitUntilListeningAsync(QueuePort, TimeSpan.FromSeconds(30), () => _process.Output);
    }
}
