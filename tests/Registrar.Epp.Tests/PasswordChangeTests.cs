using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Tests.Support;

namespace Registrar.Epp.Tests;

/// <summary>RFC 5730 section 2.9.1.1 &lt;newPW&gt;: the password changes with the first login that carries it, and every
/// later login of the registry's sessions must use the new one; over real TLS against a registry that keeps one password.</summary>
public class PasswordChangeTests
{
    private static readonly XNamespace Epp = EppXml.Epp;

    /// <summary>A scripted registry that accepts only its current password and takes a &lt;newPW&gt; as the next one.</summary>
    private sealed class PasswordRegistry(string password)
    {
        private readonly Lock _gate = new();

        public string Password { get { lock (_gate) return password; } }

        public ServerAction? Answer(string name, XDocument request)
        {
            if (name != "login") return null;
            var login = request.Root!.Element(Epp + "command")!.Element(Epp + "login")!;
            lock (_gate)
            {
                if (login.Element(Epp + "pw")!.Value != password)
                    return new ServerAction.Answer(EppResponses.Result(2200, TlsSessionTests.ClTrid(request), message: "Authentication error"));
                password = login.Element(Epp + "newPW")?.Value ?? password;
            }
            return new ServerAction.Answer(EppResponses.Result(1000, TlsSessionTests.ClTrid(request)));
        }
    }

    private static List<XElement> Logins(ScriptedEppServer server) =>
        [.. server.Frames.Select(f => f.Root!.Element(Epp + "command")?.Element(Epp + "login")).OfType<XElement>()];

    [Fact]
    public async Task After_a_login_changes_the_password_the_next_session_logs_in_with_the_new_one_RFC5730_2_9_1_1()
    {
        var registry = new PasswordRegistry("secret-1");
        await using var server = new ScriptedEppServer
        {
            // The first check's connection drops after it ran: the read goes again on a second session, with a second login.
            Script = (name, occurrence, request) => name == "domain:check" && occurrence == 0
                ? new ServerAction.DropAfterExecute() : registry.Answer(name, request),
        };
        await using var client = Clients.For(server.Options(o => { o.Password = "secret-1"; o.NewPassword = "secret-2"; }));

        var reply = await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.True(reply.Value["example.kz"].Available);
        var logins = Logins(server);
        Assert.Equal(2, logins.Count);
        Assert.Equal(("secret-1", "secret-2"), (logins[0].Element(Epp + "pw")!.Value, logins[0].Element(Epp + "newPW")?.Value));
        Assert.Equal(("secret-2", null), (logins[1].Element(Epp + "pw")!.Value, logins[1].Element(Epp + "newPW")?.Value));
        Assert.Equal("secret-2", registry.Password);
    }

    [Fact]
    public async Task A_login_refused_while_a_change_is_pending_is_tried_once_with_the_new_password_RFC5730_2_9_1_1()
    {
        // An earlier process made the change; the settings still name both passwords.
        var registry = new PasswordRegistry("secret-2");
        await using var server = new ScriptedEppServer { Script = (name, _, request) => registry.Answer(name, request) };
        await using var client = Clients.For(server.Options(o => { o.Password = "secret-1"; o.NewPassword = "secret-2"; }));

        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Equal(["secret-1", "secret-2"], Logins(server).Select(l => l.Element(Epp + "pw")!.Value));
        Assert.Null(Logins(server)[1].Element(Epp + "newPW"));
    }

    [Fact]
    public async Task A_wrong_password_with_no_change_pending_is_refused_once_and_not_tried_again_RFC5730_2_9_1_1()
    {
        var registry = new PasswordRegistry("other-password");
        await using var server = new ScriptedEppServer { Script = (name, _, request) => registry.Answer(name, request) };
        await using var client = Clients.For(server.Options(o => { o.Password = "secret-1"; o.NewPassword = "secret-2"; }));

        var first = await Assert.ThrowsAsync<EppCommandFailedException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));

        Assert.Equal(EppResultCode.AuthenticationError, first.Code);
        Assert.Equal(2, server.Seen["login"]);
    }
}
