using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Registrar.Epp.Profiles;

namespace Registrar.Epp.Transport;

/// <summary>Opens connections to a registry.</summary>
public interface IEppConnector
{
    Task<EppConnection> ConnectAsync(CancellationToken cancellationToken);
}

/// <summary>RFC 5734: TCP, then TLS 1.2 or newer, with the registrar's client certificate if configured.</summary>
public sealed class EppTlsConnector : IEppConnector
{
    private readonly EppRegistryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ServerCertificatePolicy _serverCertificates;
    private readonly X509Certificate2? _clientCertificate;

    public EppTlsConnector(EppRegistryOptions options, TimeProvider time, ILogger<EppTlsConnector> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _serverCertificates = new ServerCertificatePolicy(options.PinnedServerThumbprints);
        _clientCertificate = ClientCertificateLoader.Load(options);
    }

    public async Task<EppConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var tcp = new TcpClient { NoDelay = true };
        SslStream? tls = null;
        try
        {
            await tcp.ConnectAsync(_options.Host, _options.Port, linked.Token);
            tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = _options.TlsServerName ?? _options.Host,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ClientCertificates = _clientCertificate is null ? null : [_clientCertificate],
                CertificateRevocationCheckMode = _serverCertificates.IsPinned ? X509RevocationMode.NoCheck : X509RevocationMode.Online,
                RemoteCertificateValidationCallback = ValidateServerCertificate,
            }, linked.Token);
            _logger.LogDebug("TLS {Protocol} to {Host}:{Port} established", tls.SslProtocol, _options.Host, _options.Port);
            return new EppConnection(tls, tcp.Client,
                new EppConnectionSettings(_options.ReadTimeout, _options.WriteTimeout, _options.MaxFrameBytes), _time);
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (tls is not null) await tls.DisposeAsync();
            tcp.Dispose();
            throw new EppConnectionException($"Cannot open a TLS connection to {_options.Host}:{_options.Port}: {e.Message}", e);
        }
        catch
        {
            if (tls is not null) await tls.DisposeAsync();
            tcp.Dispose();
            throw;
        }
    }

    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_serverCertificates.Accepts(certificate, errors)) return true;
        _logger.LogWarning("Refused the server certificate of {Host}:{Port} (SHA-256 {Thumbprint}, errors {Errors})",
            _options.Host, _options.Port, certificate is null ? "none" : ServerCertificatePolicy.Thumbprint(certificate), errors);
        return false;
    }
}
