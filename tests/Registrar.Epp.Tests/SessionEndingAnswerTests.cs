using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Tests.Support;

namespace Registrar.Epp.Tests;

/// <summary>RFC 5730 section 3: an answer 2500-2502 means the server ends the session and closes the connection, so the
/// client neither sends another command on it nor logs out of it; over real TLS against a scripted server.</summary>
public class SessionEndingAnswerTests
{
    [Theory]
    [InlineData(2500, EppResultCode.CommandFailedServerClosingConnection)]
    [InlineData(2501, EppResultCode.AuthenticationErrorServerClosingConnection)]
    [InlineData(2502, EppResultCode.SessionLimitExceededServerClosingConnection)]
    public async Task A_session_closing_answer_ends_the_session_unrefused_and_the_next_command_logs_in_afresh_without_a_logout_RFC5730_3(
        int code, EppResultCode meaning)
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, occurrence, request) => name == "domain:info" && occurrence == 0
                ? new ServerAction.Answer(EppResponses.Result(code, TlsSessionTests.ClTrid(request), message: "Closing")) : null,
        };
        await using var client = Clients.For(server.Options(o => o.MaxSessions = 1));

        var error = await Assert.ThrowsAsync<EppSessionEndedException>(() => client.ExecuteAsync(new DomainInfoCommand("example.kz")));
        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Equal(meaning, error.Code);
        Assert.Equal(2, server.Seen["login"]);
        Assert.False(server.Seen.ContainsKey("logout"));
        Assert.Equal(1, client.Pool.OpenSessions);
    }
}
