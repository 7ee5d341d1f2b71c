using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Tests.Support;

namespace Registrar.Epp.Tests;

/// <summary>What happens when a connection drops mid-command, and how the pool shares sessions.</summary>
public class SafetyAndPoolTests
{
    [Fact]
    public async Task A_dropped_connection_on_check_is_retried_on_a_new_session()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, occurrence, _) => name == "domain:check" && occurrence == 0 ? new ServerAction.DropAfterExecute() : null,
        };
        await using var client = Clients.For(server.Options());

        var reply = await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.True(reply.Value["example.kz"].Available);
        Assert.Equal(2, server.Seen["domain:check"]);
        Assert.Equal(2, server.Seen["login"]);
    }

    [Fact]
    public async Task A_dropped_connection_on_create_is_outcome_unknown_and_never_resent()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, _, _) => name == "domain:create" ? new ServerAction.DropAfterExecute() : null,
        };
        await using var client = Clients.For(server.Options());

        var error = await Assert.ThrowsAsync<EppOutcomeUnknownException>(() =>
            client.ExecuteAsync(new DomainCreateCommand { DomainName = "example.kz", AuthInfoPassword = "2fooBAR" }, "ORDER-42-create"));

        Assert.Equal("ORDER-42-create", error.ClientTransactionId);
        Assert.Equal("domain:create", error.Command);
        Assert.Equal(1, server.Seen["domain:create"]);
    }

    [Theory]
    [InlineData("domain:renew")]
    [InlineData("domain:delete")]
    [InlineData("domain:update")]
    [InlineData("domain:transfer")]
    public async Task A_dropped_connection_on_any_state_change_is_outcome_unknown(string command)
    {
        await using var server = new ScriptedEppServer { Script = (name, _, _) => name == command ? new ServerAction.DropAfterExecute() : null };
        await using var client = Clients.For(server.Options());

        Task Send() => command switch
        {
            "domain:renew" => client.ExecuteAsync(new DomainRenewCommand("example.kz", new DateOnly(2027, 1, 1))),
            "domain:delete" => client.ExecuteAsync(new DomainDeleteCommand("example.kz")),
            "domain:update" => client.ExecuteAsync(new DomainUpdateCommand { DomainName = "example.kz", Change = new("jd1234") }),
            _ => client.ExecuteAsync(new DomainTransferCommand("example.kz", TransferOperation.Request, "2fooBAR")),
        };

        await Assert.ThrowsAsync<EppOutcomeUnknownException>(Send);
        Assert.Equal(1, server.Seen[command]);
    }

    [Fact]
    public async Task The_pool_never_opens_more_sessions_than_the_cap()
    {
        await using var server = new ScriptedEppServer { AnswerDelay = TimeSpan.FromMilliseconds(20) };
        await using var client = Clients.For(server.Options(o => o.MaxSessions = 2));

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.ExecuteAsync(new DomainCheckCommand($"n{i}.kz"))));

        Assert.All(replies, r => Assert.True(r.Value.Items[0].Available));
        Assert.Equal(2, server.MaxConcurrentConnections);
        Assert.Equal(2, server.Seen["login"]);
    }

    [Fact]
    public async Task Callers_waiting_for_a_session_are_served_in_arrival_order()
    {
        await using var server = new ScriptedEppServer();
        await using var client = Clients.For(server.Options(o => o.MaxSessions = 1));
        var held = await client.Pool.AcquireAsync(default);

        var served = new List<int>();
        var waiters = new List<Task>();
        for (var i = 0; i < 5; i++)
        {
            var caller = i;
            waiters.Add(Task.Run(async () =>
            {
                await using var lease = await client.Pool.AcquireAsync(default);
                lock (served) served.Add(caller);
            }));
            while (client.Pool.Waiting < i + 1) await Task.Delay(5);
        }
        await held.DisposeAsync();
        await Task.WhenAll(waiters);

        Assert.Equal([0, 1, 2, 3, 4], served);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue()
    {
        await using var server = new ScriptedEppServer();
        await using var client = Clients.For(server.Options(o => o.MaxSessions = 1));
        var held = await client.Pool.AcquireAsync(default);
        using var cancel = new CancellationTokenSource();

        var waiting = client.Pool.AcquireAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, client.Pool.Waiting);
        await held.DisposeAsync();
        Assert.True((await client.ExecuteAsync(new DomainCheckCommand("example.kz"))).Value["example.kz"].Available);
    }

    [Fact]
    public async Task A_broken_session_is_discarded_and_replaced_within_the_cap()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, occurrence, _) => name == "domain:info" && occurrence == 0 ? new ServerAction.DropAfterExecute() : null,
        };
        await using var client = Clients.For(server.Options(o => { o.MaxSessions = 1; o.ReadRetries = 0; }));

        await Assert.ThrowsAsync<Transport.EppConnectionException>(() => client.ExecuteAsync(new DomainInfoCommand("example.kz")));
        Assert.Equal(0, client.Pool.OpenSessions);
        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Equal(1, client.Pool.OpenSessions);
        Assert.Equal(2, server.Seen["login"]);
    }

    [Fact]
    public async Task A_session_the_server_ends_with_2500_is_replaced()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, occurrence, request) => name == "domain:check" && occurrence == 0
                ? new ServerAction.Answer(EppResponses.Result(2500, TlsSessionTests.ClTrid(request))) : null,
        };
        await using var client = Clients.For(server.Options(o => o.MaxSessions = 1));

        var error = await Assert.ThrowsAsync<EppSessionEndedException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));
        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Equal(EppResultCode.CommandFailedServerClosingConnection, error.Code);
        Assert.Equal(2, server.Seen["login"]);
    }
}

/// <summary>Cancellation is safe too: cancelling a create while it is in flight leaves its outcome unknown.</summary>
public class CancellationTests
{
    [Fact]
    public async Task Cancelling_a_create_after_it_was_sent_is_outcome_unknown()
    {
        await using var server = new ScriptedEppServer { Script = (name, _, _) => name == "domain:create" ? new ServerAction.Silence() : null };
        await using var client = Clients.For(server.Options());
        await client.ExecuteAsync(new DomainCheckCommand("warm.kz"));
        using var cancel = new CancellationTokenSource();

        var create = client.ExecuteAsync(new DomainCreateCommand { DomainName = "example.kz", AuthInfoPassword = "2fooBAR" }, cancel.Token);
        while (!server.Seen.ContainsKey("domain:create")) await Task.Delay(5);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<EppOutcomeUnknownException>(() => create);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
    }

    [Fact]
    public async Task Cancelling_before_sending_is_a_plain_cancellation_and_sends_nothing()
    {
        await using var server = new ScriptedEppServer();
        await using var client = Clients.For(server.Options());
        await client.ExecuteAsync(new DomainCheckCommand("warm.kz"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.ExecuteAsync(new DomainCreateCommand { DomainName = "example.kz", AuthInfoPassword = "2fooBAR" }, new CancellationToken(true)));

        Assert.False(server.Seen.ContainsKey("domain:create"));
        await client.ExecuteAsync(new DomainCheckCommand("again.kz"));
        Assert.Equal(1, server.Seen["login"]);
    }
}
