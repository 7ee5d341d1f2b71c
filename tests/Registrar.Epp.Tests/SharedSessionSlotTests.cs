using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Tests.Support;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Tests;

/// <summary>Pools in several processes share the registry's session cap: each session holds one of the
/// registry's shared slots from before its login until after its logout.</summary>
public class SharedSessionSlotTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A pool of its own (as in one process) allowed two sessions, before the shared slots.</summary>
    private static EppClient Client(ScriptedEppServer server, IEppSessionSlots slots) =>
        EppClients.Create("kaznic", server.Options(o => o.MaxSessions = 2), slots, TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public async Task Two_pools_sharing_two_slots_never_have_more_than_two_sessions_logged_in_together()
    {
        var loggedIn = 0;
        var mostLoggedIn = 0;
        var counter = new object();
        await using var server = new ScriptedEppServer
        {
            AnswerDelay = TimeSpan.FromMilliseconds(10),
            // The server sees a logout before the client releases that session's slot, so this count is exact.
            Script = (name, _, _) =>
            {
                lock (counter)
                {
                    if (name == "login") mostLoggedIn = Math.Max(mostLoggedIn, ++loggedIn);
                    if (name == "logout") loggedIn--;
                }
                return null;
            },
        };
        var slots = new FakeSessionSlots(2, releaseIdleAfter: TimeSpan.FromMilliseconds(50));
        await using var first = Client(server, slots);
        await using var second = Client(server, slots);

        var checks = Enumerable.Range(0, 8).SelectMany(i => new[] { first, second }.Select(client =>
            client.ExecuteAsync(new DomainCheckCommand($"n{i}.kz"))));
        var replies = await Task.WhenAll(checks).WaitAsync(Patience);

        Assert.All(replies, r => Assert.True(r.Value.Items[0].Available));
        Assert.InRange(mostLoggedIn, 1, 2);
    }

    [Fact]
    public async Task An_idle_session_gives_its_slot_back_after_the_release_time_so_another_pool_gets_it()
    {
        await using var server = new ScriptedEppServer();
        var slots = new FakeSessionSlots(1, releaseIdleAfter: TimeSpan.FromMilliseconds(50));
        await using var first = Client(server, slots);
        await using var second = Client(server, slots);
        await first.ExecuteAsync(new DomainCheckCommand("first.kz"));

        await second.ExecuteAsync(new DomainCheckCommand("second.kz")).WaitAsync(Patience);

        Assert.Equal(2, server.Seen["login"]);
        Assert.Equal(1, server.Seen["logout"]);
    }

    [Fact]
    public async Task An_idle_session_whose_slot_was_lost_is_closed_instead_of_being_handed_out()
    {
        await using var server = new ScriptedEppServer();
        var slots = new FakeSessionSlots(2);
        await using var client = Client(server, slots);
        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));
        slots.Granted[0].Lose();

        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Equal(2, server.Seen["login"]);
        Assert.Equal(1, server.Seen["logout"]);
        Assert.True(slots.Granted[0].IsReleased);
        Assert.Equal(1, client.Pool.OpenSessions);
    }

    [Fact]
    public async Task A_session_whose_slot_is_lost_while_in_use_is_closed_when_given_back()
    {
        await using var server = new ScriptedEppServer();
        var slots = new FakeSessionSlots(2);
        await using var client = Client(server, slots);
        var lease = await client.Pool.AcquireAsync(default);
        slots.Granted[0].Lose();

        await lease.DisposeAsync();

        Assert.Equal(1, server.Seen["logout"]);
        Assert.Equal(0, slots.Held);
        Assert.Equal(0, client.Pool.OpenSessions);
    }

    [Fact]
    public async Task A_session_that_fails_to_open_gives_its_slot_back()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, _, request) => name == "login"
                ? new ServerAction.Answer(EppResponses.Result(2200, TlsSessionTests.ClTrid(request), message: "Authentication error")) : null,
        };
        var slots = new FakeSessionSlots(1);
        await using var client = Client(server, slots);

        await Assert.ThrowsAsync<EppCommandFailedException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));

        Assert.True(Assert.Single(slots.Granted).IsReleased);
        Assert.Equal(0, client.Pool.OpenSessions);
    }

    [Fact]
    public async Task A_caller_that_cannot_take_a_slot_fails_as_nothing_sent()
    {
        await using var server = new ScriptedEppServer();
        var slots = new FakeSessionSlots(1) { Failure = new InvalidOperationException("The lease table did not answer") };
        await using var client = Client(server, slots);

        var error = await Assert.ThrowsAsync<EppConnectionException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.False(server.Seen.ContainsKey("login"));
        Assert.Equal(0, client.Pool.OpenSessions);
    }

    [Fact]
    public async Task A_caller_cancelled_while_waiting_for_a_slot_leaves_no_place_taken()
    {
        await using var server = new ScriptedEppServer();
        var slots = new FakeSessionSlots(1);
        await using var holder = Client(server, slots);
        await using var waiter = Client(server, slots);
        await holder.ExecuteAsync(new DomainCheckCommand("example.kz"));
        using var cancel = new CancellationTokenSource();

        var waiting = waiter.Pool.AcquireAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, waiter.Pool.OpenSessions);
        Assert.Equal(1, slots.Held);
    }

    [Fact]
    public async Task Disposing_a_pool_gives_back_the_slots_of_its_idle_sessions()
    {
        await using var server = new ScriptedEppServer();
        var slots = new FakeSessionSlots(2);
        var client = Client(server, slots);
        await Task.WhenAll(client.ExecuteAsync(new DomainCheckCommand("a.kz")), client.ExecuteAsync(new DomainCheckCommand("b.kz")));

        await client.DisposeAsync();

        Assert.Equal(0, slots.Held);
        Assert.All(slots.Granted, s => Assert.True(s.IsReleased));
    }

    [Fact]
    public async Task Session_slots_are_not_shared_unless_the_app_registers_shared_ones()
    {
        var configuration = new ConfigurationBuilder().Build();
        var shared = new FakeSessionSlots(1);
        await using var plain = new ServiceCollection().AddLogging().AddEppClients(configuration).BuildServiceProvider();
        await using var scaledOut = new ServiceCollection().AddLogging().AddSingleton<IEppSessionSlots>(shared)
            .AddEppClients(configuration).BuildServiceProvider();

        Assert.Same(UnsharedEppSessionSlots.Instance, plain.GetRequiredService<IEppSessionSlots>());
        Assert.Same(shared, scaledOut.GetRequiredService<IEppSessionSlots>());
    }
}
