using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Registrar.RegistrySimulator.Transport;

/// <summary>Accepts TCP connections on loopback and runs one <see cref="EppConnection"/> per client.</summary>
public sealed class EppListener(SimulatorOptions options, Func<EppConnection> newConnection, ILogger<EppListener> logger)
    : BackgroundService
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, options.EppPort);

    public X509Certificate2 Certificate { get; } = SelfSignedCertificate.CreateForLoopback();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Binds the port at once so the caller can print it before the host starts.</summary>
    public void Bind() => _listener.Start(backlog: 128);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var stopping = stoppingToken.Register(_listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stoppingToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && stoppingToken.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => RunAsync(client, stoppingToken), CancellationToken.None);
        }
    }

    private async Task RunAsync(TcpClient client, CancellationToken stoppingToken)
    {
        try
        {
            await newConnection().RunAsync(client, Certificate, stoppingToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "An EPP connection ended with an unexpected error.");
        }
    }
}
