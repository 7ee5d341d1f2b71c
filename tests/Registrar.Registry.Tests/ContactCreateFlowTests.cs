using Moq;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;

namespace Registrar.Registry.Tests;

/// <summary>A contact id that exists at the registry, read back with answers the simulator does not give.</summary>
public sealed class ContactCreateFlowTests
{
    private readonly Mock<IEppClient> _client = new();

    private RegistryCommandExecutor Executor() => Support.MockedRegistry.Executor(_client);

    private static EppCommandFailedException Failed(string command, EppResultCode code) => Support.MockedRegistry.Failed(command, code);

    private static RegistrantData Registrant() => new(RegistrantKind.NaturalPerson,
        new PostalAddress("KZ", "050000", "Алматы", "Алматы", "Абая", "10"), "ivanov@mail.example.org", "+7.7012345678", FullName: "Иванов Иван");

    public static TheoryData<Exception> ReadBackFailures() => new()
    {
        // RFC 5733 section 3.1.2: a registry may show a contact only to its sponsor.
        Failed("contact:info", EppResultCode.AuthorizationError),
        Failed("contact:info", EppResultCode.CommandFailed),
        new EppProtocolException("<contact:infData> has no <clID>."),
    };

    [Theory]
    [MemberData(nameof(ReadBackFailures))]
    public async Task A_contact_id_that_exists_and_cannot_be_read_back_is_refused_as_existing_not_thrown_for_the_queue_to_repeat_RFC5730_3(
        Exception readBack)
    {
        _client.Setup(c => c.ExecuteAsync(It.IsAny<ContactCreateCommand>(), "R1-1", It.IsAny<CancellationToken>()))
            .ThrowsAsync(Failed("contact:create", EppResultCode.ObjectExists));
        _client.Setup(c => c.ExecuteAsync(It.IsAny<ContactInfoCommand>(), "R1-1-i", It.IsAny<CancellationToken>())).ThrowsAsync(readBack);

        var outcome = await Executor().ExecuteAsync(new CreateRegistryContact("R1-1", "R1", "kz", Registrant()), default);

        var refused = Assert.IsType<RegistryRefused>(outcome);
        Assert.Equal((int)EppResultCode.ObjectExists, refused.Code);
        Assert.Contains(RegistryContacts.IdFor("R1", "registrant"), refused.Message);
    }
}
