using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Tests.Support;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Tests;

/// <summary>Transport and session over real TLS sockets on loopback, against a scripted server.</summary>
public class TlsSessionTests
{
    private static readonly XNamespace Epp = EppXml.Epp;

    [Fact]
    public async Task Logs_in_with_the_profile_services_and_checks_over_TLS_with_a_pinned_certificate()
    {
        await using var server = new ScriptedEppServer();
        await using var client = Clients.For(server.Options());

        var reply = await client.ExecuteAsync(new DomainCheckCommand("example.kz", "taken.kz"));

        Assert.True(reply.Value["example.kz"].Available);
        Assert.StartsWith("RGR-", reply.ClientTransactionId);
        var login = server.Frames.First().Root!.Element(Epp + "command")!.Element(Epp + "login")!;
        Assert.Equal("registrar1", login.Element(Epp + "clID")!.Value);
        Assert.Equal(EppRegistryProfile.Ietf.ObjectUris, login.Element(Epp + "svcs")!.Elements(Epp + "objURI").Select(e => e.Value));
    }

    [Fact]
    public async Task Every_command_gets_a_unique_clTRID()
    {
        await using var server = new ScriptedEppServer();
        await using var client = Clients.For(server.Options());

        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await client.ExecuteAsync(new DomainCheckCommand("example.kz"))).ClientTransactionId);

        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_self_signed_server_certificate_is_refused_without_a_pin()
    {
        await using var server = new ScriptedEppServer();
        await using var client = Clients.For(server.Options(o => o.PinnedServerThumbprints = []));

        await Assert.ThrowsAsync<EppConnectionException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));
        Assert.Empty(server.Frames);
    }

    [Fact]
    public async Task A_server_certificate_other_than_the_pinned_one_is_refused()
    {
        await using var server = new ScriptedEppServer();
        var other = TestCertificates.Sha256(TestCertificates.SelfSigned("other"));
        await using var client = Clients.For(server.Options(o => o.PinnedServerThumbprints = [other]));

        await Assert.ThrowsAsync<EppConnectionException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));
        Assert.Empty(server.Frames);
    }

    [Fact]
    public async Task The_client_certificate_from_a_PFX_file_is_presented()
    {
        await using var server = new ScriptedEppServer(requireClientCertificate: true);
        var certificate = TestCertificates.SelfSigned("registrar1");
        var path = Path.Combine(Path.GetTempPath(), $"epp-client-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12, "pfx-pass"));
        try
        {
            await using var client = Clients.For(server.Options(o => { o.ClientCertificatePath = path; o.ClientCertificatePassword = "pfx-pass"; }));

            await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

            Assert.Contains(TestCertificates.Sha256(certificate), server.ClientCertificateThumbprints);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_client_certificate_given_inline_as_a_base64_PFX_from_Key_Vault_is_presented()
    {
        await using var server = new ScriptedEppServer(requireClientCertificate: true);
        var certificate = TestCertificates.SelfSigned("registrar1");
        var pfx = Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));

        await using var client = Clients.For(server.Options(o => o.ClientCertificatePfxBase64 = pfx));
        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Contains(TestCertificates.Sha256(certificate), server.ClientCertificateThumbprints);
    }

    [Fact]
    public void An_inline_client_certificate_that_is_not_a_PFX_is_a_configuration_error()
    {
        var options = new EppRegistryOptions { Host = "127.0.0.1", ClientId = "registrar1", Password = "secret-1", ClientCertificatePfxBase64 = "bm90IGEgcGZ4" };

        var error = Assert.Throws<EppConfigurationException>(() => Clients.For(options));

        Assert.Contains("not a base64 PFX", error.Message);
    }

    [Fact]
    public void A_missing_client_certificate_file_is_a_configuration_error()
    {
        var options = new EppRegistryOptions { Host = "127.0.0.1", ClientId = "registrar1", Password = "secret-1", ClientCertificatePath = "/nonexistent/cert.pfx" };

        var error = Assert.Throws<EppConfigurationException>(() => Clients.For(options));

        Assert.Contains("/nonexistent/cert.pfx", error.Message);
    }

    [Fact]
    public async Task A_refused_login_is_a_typed_failure_and_is_not_retried()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, _, request) => name == "login"
                ? new ServerAction.Answer(EppResponses.Result(2200, ClTrid(request), message: "Authentication error"))
                : null,
        };
        await using var client = Clients.For(server.Options());

        var error = await Assert.ThrowsAsync<EppCommandFailedException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));

        Assert.Equal(EppResultCode.AuthenticationError, error.Code);
        Assert.Equal(1, server.Seen["login"]);
    }

    [Fact]
    public async Task A_registry_at_its_session_limit_is_retried_with_backoff()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, occurrence, request) => name == "login" && occurrence < 2
                ? new ServerAction.Answer(EppResponses.Result(2502, ClTrid(request), message: "Session limit exceeded"))
                : null,
        };
        await using var client = Clients.For(server.Options());

        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Equal(3, server.Seen["login"]);
    }

    [Theory]
    [InlineData(2302, EppResultCode.ObjectExists)]
    [InlineData(2303, EppResultCode.ObjectDoesNotExist)]
    [InlineData(2304, EppResultCode.ObjectStatusProhibitsOperation)]
    [InlineData(2305, EppResultCode.ObjectAssociationProhibitsOperation)]
    [InlineData(2306, EppResultCode.ParameterValuePolicyError)]
    [InlineData(2308, EppResultCode.DataManagementPolicyViolation)]
    [InlineData(2400, EppResultCode.CommandFailed)]
    public async Task A_registry_failure_surfaces_with_its_meaning(int code, EppResultCode meaning)
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, _, request) => name == "domain:create"
                ? new ServerAction.Answer(EppResponses.Result(code, ClTrid(request), "SV-9", message: "Refused")) : null,
        };
        await using var client = Clients.For(server.Options());

        var error = await Assert.ThrowsAsync<EppCommandFailedException>(() =>
            client.ExecuteAsync(new DomainCreateCommand { DomainName = "example.kz", AuthInfoPassword = "2fooBAR" }));

        Assert.Equal(meaning, error.Code);
        Assert.Equal("SV-9", error.ServerTransactionId);
    }

    [Fact]
    public async Task An_answer_to_another_clTRID_is_a_protocol_error_and_the_session_is_replaced()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, occurrence, _) => name == "domain:info" && occurrence == 0
                ? new ServerAction.Answer(EppResponses.Result(1000, "SOMEONE-ELSE")) : null,
        };
        await using var client = Clients.For(server.Options());

        await Assert.ThrowsAsync<EppProtocolException>(() => client.ExecuteAsync(new DomainInfoCommand("example.kz")));
        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Equal(2, server.Seen["login"]);
    }

    [Fact]
    public async Task An_oversize_frame_from_the_server_is_refused_without_hanging()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, _, _) => name == "domain:check" ? new ServerAction.RawBytes([0x10, 0, 0, 0, 1, 2, 3]) : null,
        };
        await using var client = Clients.For(server.Options(o => o.MaxFrameBytes = 64 * 1024));

        var error = await Assert.ThrowsAsync<EppProtocolException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));

        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public async Task A_server_that_never_answers_hits_the_read_timeout()
    {
        await using var server = new ScriptedEppServer { Script = (name, _, _) => name == "domain:check" ? new ServerAction.Silence() : null };
        await using var client = Clients.For(server.Options(o => { o.ReadTimeout = TimeSpan.FromMilliseconds(300); o.ReadRetries = 0; }));

        var error = await Assert.ThrowsAsync<EppConnectionException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));

        Assert.Contains("Timed out", error.Message);
    }

    [Fact]
    public async Task Disposing_the_client_logs_out()
    {
        await using var server = new ScriptedEppServer();
        var client = Clients.For(server.Options());
        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        await client.DisposeAsync();

        Assert.Equal(1, server.Seen["logout"]);
    }

    [Fact]
    public async Task An_idle_session_sends_hello_to_stay_alive()
    {
        await using var server = new ScriptedEppServer();
        await using var client = Clients.For(server.Options(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(100)));
        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!server.Seen.ContainsKey("hello") && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.True(server.Seen.ContainsKey("hello"));
        Assert.True((await client.ExecuteAsync(new DomainCheckCommand("example.kz"))).Value["example.kz"].Available);
    }

    /// <summary>A clock other than the system's, as the local host's operations clock is.</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }

    [Fact]
    public async Task Sessions_work_on_a_clock_other_than_the_systems()
    {
        await using var server = new ScriptedEppServer();
        await using var client = Sessions.EppClients.Create("test", server.Options(), Sessions.UnsharedEppSessionSlots.Instance,
            new ShiftedClock(TimeSpan.FromDays(400)), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        for (var i = 0; i < 3; i++) await client.ExecuteAsync(new DomainCheckCommand($"clock{i}.kz"));

        Assert.Equal(1, server.Seen["login"]);
        Assert.Equal(3, server.Seen["domain:check"]);
    }

    internal static string? ClTrid(XDocument request) => request.Root!.Element(Epp + "command")?.Element(Epp + "clTRID")?.Value;
}
