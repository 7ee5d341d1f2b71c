using System.Buffers.Binary;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Registrar.Epp.Transport;

namespace Registrar.Bench.Epp;

/// <summary>The ceiling for one EPP session against the simulator: the TLS settings EppTlsConnector uses,
/// a login done first, then a pre-built request frame written in one write and the response frame read
/// into a reused buffer without being parsed. No XML is built or read, nothing is allocated per command.</summary>
internal sealed class CeilingSession : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly SslStream _tls;
    private readonly byte[] _framedRequest;
    private readonly byte[] _response = new byte[64 * 1024];

    private CeilingSession(TcpClient tcp, SslStream tls, byte[] framedRequest)
    {
        _tcp = tcp;
        _tls = tls;
        _framedRequest = framedRequest;
    }

    public SslProtocols Protocol { get; private init; }
    public int RequestBytes => _framedRequest.Length;
    public int ResponseBytes { get; private set; }

    public static async Task<CeilingSession> OpenAsync(int port, string pinnedThumbprint, byte[] login, byte[] request)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate?.GetCertHashString(HashAlgorithmName.SHA256) == pinnedThumbprint,
        });
        var session = new CeilingSession(tcp, tls, EppFraming.Frame(request)) { Protocol = tls.SslProtocol };
        await session.ReadFrameAsync(); // greeting
        await tls.WriteAsync(EppFraming.Frame(login));
        var answer = await session.ReadFrameAsync();
        if (!Encoding.UTF8.GetString(answer.Span).Contains("code=\"1000\"", StringComparison.Ordinal))
            throw new InvalidOperationException("The ceiling session's login was refused: " + Encoding.UTF8.GetString(answer.Span));
        return session;
    }

    /// <summary>One command: the pre-built frame out, the answer's bytes in.</summary>
    public async Task RoundTripAsync()
    {
        await _tls.WriteAsync(_framedRequest);
        await ReadFrameAsync();
    }

    private async Task<ReadOnlyMemory<byte>> ReadFrameAsync()
    {
        await _tls.ReadExactlyAsync(_response.AsMemory(0, EppFraming.HeaderLength));
        var length = BinaryPrimitives.ReadInt32BigEndian(_response) - EppFraming.HeaderLength;
        await _tls.ReadExactlyAsync(_response.AsMemory(0, length));
        ResponseBytes = length + EppFraming.HeaderLength;
        return _response.AsMemory(0, length);
    }

    public async ValueTask DisposeAsync()
    {
        await _tls.DisposeAsync();
        _tcp.Dispose();
    }
}
