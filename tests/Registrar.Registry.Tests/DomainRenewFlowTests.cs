using Moq;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;

namespace Registrar.Registry.Tests;

/// <summary>RFC 5731 section 3.2.3: a renewal names the current expiry's date as the registry dated it.</summary>
public sealed class DomainRenewFlowTests
{
    private readonly Mock<IEppClient> _client = new();

    [Theory]
    [InlineData("2027-12-06T04:30:00+05:00", "2027-12-06")]
    [InlineData("2027-12-05T23:30:00+00:00", "2027-12-05")]
    [InlineData("2027-12-06T00:30:00+02:00", "2027-12-06")]
    public async Task The_current_expiry_date_is_the_one_in_the_offset_the_registry_wrote_not_the_UTC_date_UA_1_7(string expiry, string named)
    {
        var current = DateTimeOffset.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture);
        DomainRenewCommand? sent = null;
        _client.Setup(c => c.ExecuteAsync(It.IsAny<DomainRenewCommand>(), "R1-5", It.IsAny<CancellationToken>()))
            .Callback<EppCommand<Epp.Commands.DomainRenewed>, string, CancellationToken>((command, _, _) => sent = (DomainRenewCommand)command)
            .ReturnsAsync(new EppReply<Epp.Commands.DomainRenewed>(new("tz.kz", current.AddYears(1), IsPending: false), EppResultCode.Success, "Command completed successfully", "c", "s", null));

        var outcome = await Support.MockedRegistry.Executor(_client).ExecuteAsync(new RenewDomain("R1-5", "R1", "kz", "tz.kz", current, 1), default);

        Assert.IsType<Core.Registrations.DomainRenewed>(outcome);
        Assert.Equal(DateOnly.Parse(named, System.Globalization.CultureInfo.InvariantCulture), sent!.CurrentExpiryDate);
    }
}
