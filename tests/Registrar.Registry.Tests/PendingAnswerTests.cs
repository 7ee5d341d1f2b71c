using Moq;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;

namespace Registrar.Registry.Tests;

/// <summary>EPP 1001 (the registry acts later) is never read as done, for the answers the simulator does not give.</summary>
public sealed class PendingAnswerTests
{
    private static readonly DateTimeOffset Expiry = new(2028, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly Mock<IEppClient> _client = new();

    private RegistryCommandExecutor Executor() => Support.MockedRegistry.Executor(_client);

    private static EppReply<T> Pending<T>(T value) => new(value, EppResultCode.SuccessPending, "Command completed successfully; action pending", "c", "s", null);

    [Fact]
    public async Task A_create_answered_1001_is_pending_not_registered_even_with_an_expiry_in_the_answer()
    {
        _client.Setup(c => c.ExecuteAsync(It.IsAny<DomainCreateCommand>(), "R1-2", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Pending(new Epp.Commands.DomainCreated("pending.kz", Expiry.AddYears(-1), Expiry, IsPending: true)));

        var outcome = await Executor().ExecuteAsync(
            new CreateDomain("R1-2", "R1", "kz", "pending.kz", 1, "RG0001", TechnicalContact.Registrant, null), default);

        Assert.IsType<RegistryPending>(outcome);
        _client.Verify(c => c.ExecuteAsync(It.IsAny<DomainInfoCommand>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_renewal_answered_1001_is_pending_not_renewed_UA_1_7()
    {
        _client.Setup(c => c.ExecuteAsync(It.IsAny<DomainRenewCommand>(), "R1-5", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Pending(new Epp.Commands.DomainRenewed("pending.kz", Expiry.AddYears(1), IsPending: true)));

        var outcome = await Executor().ExecuteAsync(new RenewDomain("R1-5", "R1", "kz", "pending.kz", Expiry, 1), default);

        Assert.IsType<RegistryPending>(outcome);
    }
}
