using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Registrar.RegistrySimulator.Commands;
using Registrar.RegistrySimulator.Commands.Session;
using Registrar.RegistrySimulator.Faults;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Transport;

/// <summary>One client over TLS (RFC 5734): greeting, then frame in, response out, with the faults
/// the control API configured applied around execution.</summary>
public sealed class EppConnection(
    SimulatorOptions options, FrameCodec codec, FrameParser parser, FrameValidator validator, ServedNamespaces served, Greeting greeting,
    ResponseWriter writer, CommandDispatcher dispatcher, FaultInjector faults, ILogger<EppConnection> logger)
{
    private readonly EppSession _session = new();

    public async Task RunAsync(TcpClient client, X509Certificate2 certificate, CancellationToken stoppingToken)
    {
        using var _ = client;
        client.NoDelay = true;
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            handshake.CancelAfter(TimeSpan.FromSeconds(10));
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                // Registries authenticate registrars by certificate and login; the simulator asks for
                // a certificate and accepts any, or none, so clients can exercise theirs.
                ClientCertificateRequired = true,
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            }, handshake.Token);

            await codec.WriteAsync(tls, greeting.Write(), stoppingToken);
            await ServeAsync(tls, stoppingToken);
        }
        catch (Exception e) when (e is IOException or AuthenticationException or OperationCanceledException or SocketException)
        {
            logger.LogDebug("EPP connection closed: {Reason}", e.Message);
        }
        finally
        {
            _session.LogOut();
        }
    }

    private async Task ServeAsync(SslStream tls, CancellationToken stoppingToken)
    {
        while (true)
        {
            byte[]? payload;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                idle.CancelAfter(options.IdleTimeout);
                try
                {
                    payload = await codec.ReadAsync(tls, idle.Token);
                }
                catch (FrameTooLargeException e)
                {
                    await codec.WriteAsync(tls, writer.Write(EppResponse.Failure(ResultCode.CommandFailedClosing, e.Message), null), stoppingToken);
                    return;
                }
            }
            if (payload is null) return;
            if (!await HandleFrameAsync(tls, payload, stoppingToken)) return;
        }
    }

    /// <summary>Answers one frame; false when the connection must close.</summary>
    private async Task<bool> HandleFrameAsync(SslStream tls, byte[] payload, CancellationToken stoppingToken)
    {
        XDocument? frame = null;
        ParsedCommand command;
        try
        {
            frame = parser.Parse(payload);
            ProtocolVersion.Require(frame);
            KnownCommands.Require(frame);
            served.Require(frame);
            validator.Validate(frame);
            command = ParsedCommand.From(frame);
        }
        catch (FrameSyntaxException e)
        {
            var clTrid = frame is null ? null : ParsedCommand.ClientTransactionIdOf(frame);
            await codec.WriteAsync(tls, writer.Write(EppResponse.Failure(ResultCode.SyntaxError, e.Message), clTrid), stoppingToken);
            return true;
        }
        catch (EppCommandException e)
        {
            await codec.WriteAsync(tls, writer.Write(EppResponse.Failure(e), ParsedCommand.ClientTransactionIdOf(frame!)), stoppingToken);
            return true;
        }

        if (command.IsHello)
        {
            await codec.WriteAsync(tls, greeting.Write(), stoppingToken);
            return true;
        }

        var fault = faults.Decide(command.Name);
        if (fault.DropBeforeExecute) return false;

        // Known before execution, so a later message (panData) can name this transaction.
        var serverTransactionId = writer.NextServerTransactionId();
        var response = fault.FailCode is { } failCode
            ? EppResponse.Failure(failCode, "fault injected by the simulator's control API.")
            : dispatcher.Execute(command, _session, serverTransactionId);
        if (fault.DropAfterExecute) return false;
        if (fault.Delay > TimeSpan.Zero) await Task.Delay(fault.Delay, stoppingToken);

        await codec.WriteAsync(tls, writer.Write(response, command.ClientTransactionId, serverTransactionId), stoppingToken);
        return !response.CloseConnection;
    }
}
