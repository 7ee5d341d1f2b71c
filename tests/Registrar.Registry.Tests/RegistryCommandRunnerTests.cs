using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Transport;
using Registrar.Registry.Tests.Support;

namespace Registrar.Registry.Tests;

/// <summary>What a registry command leads to on its registration, in both hosts (the local host's queue workers and the
/// Functions queue trigger share the runner).</summary>
public sealed class RegistryCommandRunnerTests
{
    private readonly Mock<IEppClient> _client = new();
    private readonly List<RegistrationEvent> _raised = [];

    private RegistryCommandRunner Runner()
    {
        var events = new Mock<ILifecycleEvents<RegistrationEvent>>();
        events.Setup(e => e.RaiseAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<RegistrationEvent>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, RegistrationEvent raised, CancellationToken _) => _raised.Add(raised))
            .Returns(Task.CompletedTask);
        return new RegistryCommandRunner(MockedRegistry.Executor(_client), events.Object,
            new RegistrationDecider(Mock.Of<IRegistrationSchedule>()), NullLogger<RegistryCommandRunner>.Instance);
    }

    private void EveryCommandThrows(Exception refusal)
    {
        _client.Setup(c => c.ExecuteAsync(It.IsAny<EppCommand<It.IsAnyType>>(), It.IsAny<CancellationToken>())).Throws(refusal);
        _client.Setup(c => c.ExecuteAsync(It.IsAny<EppCommand<It.IsAnyType>>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).Throws(refusal);
    }

    [Fact]
    public async Task A_renew_sent_again_while_its_first_send_awaits_the_answer_goes_out_once_and_both_raise_that_answer_UA_1_7()
    {
        var expiry = new DateTimeOffset(2027, 12, 6, 4, 30, 0, TimeSpan.FromHours(5));
        var answer = new TaskCompletionSource<EppReply<Epp.Commands.DomainRenewed>>();
        _client.Setup(c => c.ExecuteAsync(It.IsAny<DomainRenewCommand>(), "reg-1-9", It.IsAny<CancellationToken>())).Returns(answer.Task);
        var runner = Runner();
        var renew = new RenewDomain("reg-1-9", "reg-1", "kz", "slow.kz", expiry, 1);

        var first = runner.RunAsync(renew, default);
        var again = runner.RunAsync(renew, default);
        answer.SetResult(new(new("slow.kz", expiry.AddYears(1), IsPending: false), EppResultCode.Success, "Command completed successfully", "c", "s", null));
        await Task.WhenAll(first, again);

        _client.Verify(c => c.ExecuteAsync(It.IsAny<DomainRenewCommand>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.All(_raised, raised => Assert.Equal(expiry.AddYears(1), Assert.IsType<Core.Registrations.DomainRenewed>(Assert.IsType<RegistryAnswered>(raised).Outcome).ExpiresAt));
        Assert.Equal(2, _raised.Count);
    }

    [Fact]
    public async Task A_command_sent_again_after_its_first_send_ended_goes_out_again()
    {
        EveryCommandThrows(new IOException("The registry is out of reach."));
        var runner = Runner();
        var query = new QueryDomain("reg-1-q", "reg-1", "kz", "example.kz");

        await Assert.ThrowsAsync<IOException>(() => runner.RunAsync(query, default));
        await Assert.ThrowsAsync<IOException>(() => runner.RunAsync(query, default));

        _client.Verify(c => c.ExecuteAsync(It.IsAny<DomainInfoCommand>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    public static TheoryData<Exception> NegotiationRefusals => new()
    {
        new EppVersionNotAnnouncedException("kaznic-epp", ["2.0"]),
        new EppObjectServiceNotAnnouncedException("kaznic-epp", "ietf", ["urn:ietf:params:xml:ns:domain-1.0"]),
        new EppExtensionNotNegotiatedException("domain:info", "urn:ietf:params:xml:ns:secDNS-1.1", "kaznic-epp"),
    };

    [Theory]
    [MemberData(nameof(NegotiationRefusals))]
    public async Task A_greeting_without_what_the_command_needs_fails_the_command_at_once_naming_why_RFC5730_2_9_1_1(Exception refusal)
    {
        EveryCommandThrows(refusal);
        var query = new QueryDomain("reg-1-q", "reg-1", "kz", "example.kz");

        await Runner().RunAsync(query, default);

        var failed = Assert.IsType<RegistrationCommandFailed>(Assert.Single(_raised));
        Assert.Equal(("failed:reg-1-q", query), (failed.EventId, failed.Command));
        Assert.Contains(refusal.Message, failed.Reason);
    }

    [Fact]
    public async Task A_command_that_cannot_be_built_from_the_registrations_data_fails_at_once_instead_of_every_delivery_RFC5730_2_7()
    {
        EveryCommandThrows(new EppCommandValidationException("domain:update example.kz changes nothing: give what to add, remove or change."));
        var query = new QueryDomain("reg-1-q", "reg-1", "kz", "example.kz");

        await Runner().RunAsync(query, default);

        var failed = Assert.IsType<RegistrationCommandFailed>(Assert.Single(_raised));
        Assert.Equal("failed:reg-1-q", failed.EventId);
        Assert.Contains("changes nothing", failed.Reason);
    }

    [Fact]
    public async Task A_connection_failure_propagates_for_the_queue_to_retry()
    {
        EveryCommandThrows(new EppConnectionException("connection refused"));

        await Assert.ThrowsAsync<EppConnectionException>(() => Runner().RunAsync(new QueryDomain("reg-1-q", "reg-1", "kz", "example.kz"), default));

        Assert.Empty(_raised);
    }
}
