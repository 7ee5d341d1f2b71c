using Registrar.Core.Registrations;
using Registrar.Core.Whois;
using static Registrar.Core.Tests.Whois.WhoisSamples;

namespace Registrar.Core.Tests.Whois;

/// <summary>A name is answered for from the registration that holds it at the registry, with the RDAP status of its phase.</summary>
public sealed class DomainHoldingTests
{
    [Theory]
    [InlineData(RegistrationPhase.Registered, "active")]
    [InlineData(RegistrationPhase.Renewing, "active|pending renew")]
    [InlineData(RegistrationPhase.Expired, "inactive")]
    [InlineData(RegistrationPhase.Restoring, "redemption period|pending restore")]
    [InlineData(RegistrationPhase.Deleting, "pending delete")]
    public void A_registered_name_holds_until_it_is_deleted_with_the_rdap_status_of_its_phase(RegistrationPhase phase, string statuses)
    {
        Assert.True(DomainHolding.Holds(View("shop.kz", "kz", phase)));
        Assert.Equal(statuses.Split('|'), DomainHolding.PublicStatuses(phase));
    }

    [Theory]
    [InlineData(RegistrationPhase.AwaitingPayment)]
    [InlineData(RegistrationPhase.AwaitingTrademarkReview)]
    [InlineData(RegistrationPhase.CreatingContact)]
    [InlineData(RegistrationPhase.CreatingDomain)]
    [InlineData(RegistrationPhase.NameTaken)]
    [InlineData(RegistrationPhase.Closed)]
    [InlineData(RegistrationPhase.Deleted)]
    [InlineData(RegistrationPhase.TransferredAway)]
    public void A_registration_before_its_domain_exists_or_after_it_is_gone_holds_nothing(RegistrationPhase phase)
    {
        var view = View("shop.kz", "kz", phase) with { ExpiresAt = phase is RegistrationPhase.Deleted or RegistrationPhase.TransferredAway ? Expiry : null };

        Assert.False(DomainHolding.Holds(view));
    }

    [Fact]
    public void A_stalled_registration_holds_its_name_only_once_the_registry_gave_it_an_expiry()
    {
        Assert.True(DomainHolding.Holds(View("shop.kz", "kz", RegistrationPhase.Stalled)));
        Assert.False(DomainHolding.Holds(View("shop.kz", "kz", RegistrationPhase.Stalled) with { ExpiresAt = null }));
    }

    [Fact]
    public void A_name_deleted_and_registered_again_is_answered_from_its_current_registration()
    {
        var gone = View("shop.kz", "kz", RegistrationPhase.Deleted, registrationId: "O0000000000000001-1");
        var current = View("shop.kz", "kz", RegistrationPhase.Registered, Expiry.AddYears(2), registrationId: "O0000000000000002-1");

        Assert.Equal(current, DomainHolding.HolderAmong([gone, current]));
        Assert.Null(DomainHolding.HolderAmong([gone]));
    }
}
