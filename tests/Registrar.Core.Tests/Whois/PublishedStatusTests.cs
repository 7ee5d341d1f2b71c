using Registrar.Core.Registrations;
using Registrar.Core.Whois;
using Registrar.Core.Zones;
using static Registrar.Core.Tests.Whois.WhoisSamples;

namespace Registrar.Core.Tests.Whois;

/// <summary>The public status of a domain is the registry's: its EPP statuses as the lifecycle last read them, each as its
/// RDAP value (RFC 9083 section 4.6, RFC 8056 section 2); the phase speaks only where the registry has said nothing.</summary>
public sealed class PublishedStatusTests
{
    private readonly WhoisPublication publication = new(ZoneCatalog.LoadEmbedded());

    private PublicDomainRecord Decide(RegistrationPhase phase, params string[] registryStatuses) =>
        publication.Decide(new RegisteredDomain(View("shop.kyiv.ua", "kyiv.ua", phase) with { RegistryStatuses = registryStatuses }, null));

    [Fact]
    public void A_suspended_domain_shows_client_hold_not_active_RFC_8056()
    {
        Assert.Equal(["client hold"], Decide(RegistrationPhase.Registered, "clientHold").Statuses);
    }

    [Fact]
    public void A_domain_the_registry_reports_inactive_shows_inactive_not_active_RFC_8056()
    {
        Assert.Equal(["inactive"], Decide(RegistrationPhase.Registered, "inactive").Statuses);
    }

    [Theory]
    [InlineData("ok", "active")]
    [InlineData("serverHold", "server hold")]
    [InlineData("clientTransferProhibited|serverDeleteProhibited", "client transfer prohibited|server delete prohibited")]
    [InlineData("pendingDelete|redemptionPeriod", "pending delete|redemption period")]
    [InlineData("inactive|pendingTransfer", "inactive|pending transfer")]
    public void Each_epp_status_the_registry_reported_is_shown_as_its_rdap_value_RFC_8056_section_2(string epp, string rdap)
    {
        Assert.Equal(rdap.Split('|'), Decide(RegistrationPhase.Registered, epp.Split('|')).Statuses);
    }

    [Fact]
    public void A_status_rfc_8056_does_not_map_is_left_out_and_with_no_other_the_phase_decides_RFC_9083_section_4_6()
    {
        Assert.Equal(["client hold"], Decide(RegistrationPhase.Registered, "clientHold", "registryLocal").Statuses);
        Assert.Equal(["active", "pending renew"], Decide(RegistrationPhase.Renewing, "registryLocal").Statuses);
    }

    [Fact]
    public void Where_the_registry_has_reported_nothing_the_status_is_the_phases()
    {
        var recordedBefore = new RegisteredDomain(View("shop.kyiv.ua", "kyiv.ua", RegistrationPhase.Expired), null);

        Assert.Equal(["inactive"], publication.Decide(recordedBefore).Statuses);
        Assert.Equal(["pending delete"], Decide(RegistrationPhase.Deleting).Statuses);
    }
}
