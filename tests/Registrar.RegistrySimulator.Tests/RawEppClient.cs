using System.Buffers.Binary;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>A deliberately minimal EPP client for these tests (the product's client library is a
/// separate project): TLS, RFC 5734 framing, XDocument. Every response is checked against the
/// IETF schemas, so the simulator's answers are proven well-formed EPP too.</summary>
public sealed class RawEppClient : IAsyncDisposable
{
    public static readonly XNamespace Epp = "urn:ietf:params:xml:ns:epp-1.0";
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    private readonly TcpClient _tcp;
    private readonly SslStream _tls;
    private int _transaction;

    private RawEppClient(TcpClient tcp, SslStream tls)
    {
        _tcp = tcp;
        _tls = tls;
    }

    public XDocument Greeting { get; private set; } = null!;

    public static async Task<RawEppClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        var tls = new SslStream(tcp.GetStream(), false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            // The simulator's certificate is self-signed and made at start.
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        var client = new RawEppClient(tcp, tls);
        client.Greeting = await client.ReadAsync() ?? throw new IOException("No greeting.");
        return client;
    }

    public static async Task<RawEppClient> LoginAsync(int port, string clientId = RegistrySimulatorFixture.Registrar1,
        string password = RegistrySimulatorFixture.Password1, bool hostmaster = false)
    {
        var client = await ConnectAsync(port);
        var response = await client.SendAsync(Frames.Login(clientId, password, hostmaster));
        Assert.Equal(1000, Code(response));
        return client;
    }

    public string NextClTrid() => $"TEST-{Interlocked.Increment(ref _transaction)}";

    /// <summary>Sends a command (adding a clTRID when it has none) and reads the response.</summary>
    public async Task<XDocument> SendAsync(XElement epp)
    {
        var command = epp.Element(Epp + "command");
        if (command is not null && command.Element(Epp + "clTRID") is null) command.Add(new XElement(Epp + "clTRID", NextClTrid()));
        await WriteRawAsync(Encoding.UTF8.GetBytes(epp.ToString(SaveOptions.DisableFormatting)));
        return await ReadAsync() ?? throw new IOException("The server closed the connection instead of answering.");
    }

    public async Task WriteRawAsync(byte[] payload)
    {
        var frame = new byte[payload.Length + 4];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)frame.Length);
        payload.CopyTo(frame, 4);
        await _tls.WriteAsync(frame);
        await _tls.FlushAsync();
    }

    /// <summary>Bytes as they are, without a length header (to send a hostile header).</summary>
    public async Task WriteUnframedAsync(byte[] bytes)
    {
        await _tls.WriteAsync(bytes);
        await _tls.FlushAsync();
    }

    /// <summary>The next frame, or null if the server closed the connection.</summary>
    public async Task<XDocument?> ReadAsync()
    {
        var header = new byte[4];
        try
        {
            await _tls.ReadExactlyAsync(header);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return null;
        }
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header) - 4];
        await _tls.ReadExactlyAsync(payload);
        var document = XDocument.Parse(Encoding.UTF8.GetString(payload));
        // Hostmaster's schemas are not public; only IETF-profile answers can be checked by schema.
        if (!document.Descendants().Any(e => e.Name.NamespaceName.StartsWith("http://hostmaster.ua/", StringComparison.Ordinal)))
            document.Validate(Schemas.Value, (_, e) => throw new XmlSchemaValidationException($"Invalid response: {e.Message}\n{document}"));
        return document;
    }

    public static int Code(XDocument response) =>
        (int)response.Root!.Element(Epp + "response")!.Element(Epp + "result")!.Attribute("code")!;

    public static string Message(XDocument response) =>
        response.Root!.Element(Epp + "response")!.Element(Epp + "result")!.Element(Epp + "msg")!.Value;

    /// <summary>The result's RFC 5730 section 2.6 extValue: the client's element it names, and the reason; null without one.</summary>
    public static (XElement Value, string Reason)? ExtValue(XDocument response) =>
        response.Root!.Element(Epp + "response")!.Element(Epp + "result")!.Element(Epp + "extValue") is { } extValue
            ? (extValue.Element(Epp + "value")!.Elements().Single(), extValue.Element(Epp + "reason")!.Value)
            : null;

    public static XElement ResData(XDocument response) =>
        response.Root!.Element(Epp + "response")!.Element(Epp + "resData")!.Elements().Single();

    public async ValueTask DisposeAsync()
    {
        await _tls.DisposeAsync();
        _tcp.Dispose();
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(Path.Combine(RepositoryPaths.EppSchemas, "all.xsd"), new XmlReaderSettings { XmlResolver = new XmlUrlResolver() }))
            set.Add(null, reader);
        set.Compile();
        return set;
    }
}
