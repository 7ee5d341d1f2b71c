using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Tests.Support;

/// <summary>What the scripted server does with one command.</summary>
public abstract record ServerAction
{
    public sealed record Answer(byte[] Frame) : ServerAction;
    /// <summary>Counts the command as executed, then closes the connection without answering.</summary>
    public sealed record DropAfterExecute : ServerAction;
    public sealed record RawBytes(byte[] Bytes) : ServerAction;
    public sealed record Silence : ServerAction;
}

/// <summary>A small EPP server over real TLS on loopback for transport, session and pool tests:
/// greeting, login, and answers chosen per command by a script (default: success).</summary>
public sealed class ScriptedEppServer : IAsyncDisposable
{
    private static readonly XNamespace Epp = EppXml.Epp;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private int _active;

    public ScriptedEppServer(X509Certificate2? certificate = null, bool requireClientCertificate = false)
    {
        Certificate = certificate ?? TestCertificates.SelfSigned("localhost");
        RequireClientCertificate = requireClientCertificate;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public X509Certificate2 Certificate { get; }
    public bool RequireClientCertificate { get; }
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string Thumbprint => TestCertificates.Sha256(Certificate);

    /// <summary>Per command name ("domain:create", "login", "hello" …) and how often it was seen before: the action.</summary>
    public Func<string, int, XDocument, ServerAction?> Script { get; set; } = (_, _, _) => null;
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>What the greeting offers, on connect and in answer to &lt;hello&gt;: by default all of the IETF profile.</summary>
    public GreetingMenu Menu { get; set; } = GreetingMenu.Of(EppRegistryProfile.Ietf);

    public ConcurrentDictionary<string, int> Seen { get; } = new();
    public ConcurrentQueue<XDocument> Frames { get; } = new();
    public ConcurrentQueue<string> ClientCertificateThumbprints { get; } = new();
    public int MaxConcurrentConnections { get; private set; }
    public int Connections { get; private set; }

    public EppRegistryOptions Options(Action<EppRegistryOptions>? configure = null)
    {
        var options = new EppRegistryOptions
        {
            Host = "127.0.0.1", Port = Port, TlsServerName = "localhost", ClientId = "registrar1", Password = "secret-1",
            PinnedServerThumbprints = [Thumbprint], MaxSessions = 2,
            ReadTimeout = TimeSpan.FromSeconds(10), WriteTimeout = TimeSpan.FromSeconds(10), ConnectTimeout = TimeSpan.FromSeconds(10),
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(10), MaxConnectAttempts = 3,
        };
        configure?.Invoke(options);
        return options;
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_connections) _connections.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    private async Task ServeAsync(TcpClient client)
    {
        lock (_connections)
        {
            Connections++;
            MaxConcurrentConnections = Math.Max(MaxConcurrentConnections, ++_active);
        }
        try
        {
            using (client)
            await using (var tls = new SslStream(client.GetStream()))
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = Certificate,
                    ClientCertificateRequired = RequireClientCertificate,
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    {
                        if (certificate is not null) ClientCertificateThumbprints.Enqueue(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
                        return !RequireClientCertificate || certificate is not null;
                    },
                }, _stop.Token);
                await EppFraming.WriteAsync(tls, EppResponses.Greeting(Menu), _stop.Token);
                while (await HandleOneAsync(tls)) { }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or EppConnectionException or ObjectDisposedException
                                      or System.Security.Authentication.AuthenticationException)
        { }
        finally
        {
            lock (_connections) _active--;
        }
    }

    private async Task<bool> HandleOneAsync(SslStream tls)
    {
        var request = XDocument.Load(new MemoryStream(await EppFraming.ReadAsync(tls, 1 << 20, _stop.Token)));
        Frames.Enqueue(request);
        var name = CommandName(request);
        var occurrence = Seen.AddOrUpdate(name, 1, (_, n) => n + 1) - 1;
        var clTrid = request.Root!.Element(Epp + "command")?.Element(Epp + "clTRID")?.Value;
        if (AnswerDelay > TimeSpan.Zero) await Task.Delay(AnswerDelay, _stop.Token);

        switch (Script(name, occurrence, request) ?? DefaultAction(name, clTrid, request))
        {
            case ServerAction.Answer answer:
                await EppFraming.WriteAsync(tls, answer.Frame, _stop.Token);
                return name != "logout";
            case ServerAction.RawBytes raw:
                await tls.WriteAsync(raw.Bytes, _stop.Token);
                await tls.FlushAsync(_stop.Token);
                return true;
            case ServerAction.Silence:
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return false;
            default:
                return false;
        }
    }

    private ServerAction DefaultAction(string name, string? clTrid, XDocument request)
    {
        var objectElement = request.Root!.Element(Epp + "command")?.Elements().First().Elements().FirstOrDefault();
        XNamespace d = objectElement?.Name.Namespace ?? XNamespace.None;
        return name switch
        {
            "hello" => new ServerAction.Answer(EppResponses.Greeting(Menu)),
            "logout" => new ServerAction.Answer(EppResponses.Result(1500, clTrid)),
            "domain:check" => new ServerAction.Answer(EppResponses.Result(1000, clTrid,
                resData: EppResponses.DomainCheckData(d, objectElement!.Elements(d + "name").Select(n => (n.Value, true)).ToArray()))),
            "domain:create" => new ServerAction.Answer(EppResponses.Result(1000, clTrid,
                resData: EppResponses.DomainCreateData(d, objectElement!.Element(d + "name")!.Value))),
            _ => new ServerAction.Answer(EppResponses.Result(1000, clTrid)),
        };
    }

    public static string CommandName(XDocument request)
    {
        var root = request.Root!;
        if (root.Element(Epp + "hello") is not null) return "hello";
        var verb = root.Element(Epp + "command")!.Elements().First();
        var objectElement = verb.Elements().FirstOrDefault();
        return objectElement is null || verb.Name.LocalName is "login" or "logout" or "poll"
            ? verb.Name.LocalName
            : $"{objectElement.Name.NamespaceName.Split('/', ':').Last(p => p.Length > 0).Split('-')[0]}:{verb.Name.LocalName}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] running;
        lock (_connections) running = [.. _connections];
        await Task.WhenAll(running);
        _stop.Dispose();
    }
}
