using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

/// <summary>A delete the registry refused, or whose outcome was lost, is read back with info, and what the registry holds
/// decides what follows: a domain it is deleting waits for the purge; one it keeps alive is never left waiting silently.</summary>
public sealed class DeletionReadBackDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static RegisteredDomain DeletingKzDomain()
    {
        // KZ-2.8: an unpaid .kz domain is deleted at its expiry.
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry);
        Assert.IsType<DeleteDomain>(domain.Sent.Last());
        return domain;
    }

    [Fact]
    public void A_delete_refused_for_a_status_the_registry_keeps_stalls_for_operations_naming_it_RFC5730_3_2304()
    {
        var domain = DeletingKzDomain();

        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(new RegistryRefused(2304, "Object status prohibits operation"), Expiry)));
        var flagged = domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["serverDeleteProhibited"]), Expiry);

        Assert.Contains("serverDeleteProhibited", Assert.Single(flagged.OfType<FlagForOperations>()).Reason);
        Assert.Equal(RegistrationPhase.Stalled, domain.State.Phase);
    }

    [Fact]
    public void A_delete_refused_because_the_registry_is_already_deleting_the_domain_waits_for_the_purge_RFC5731_3_2_2()
    {
        var domain = DeletingKzDomain();
        domain.Answer(new RegistryRefused(2304, "Object status prohibits operation"), Expiry);

        Assert.Empty(domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["pendingDelete"]), Expiry));
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);
    }

    [Fact]
    public void A_delete_whose_outcome_was_lost_and_that_never_took_effect_is_sent_again_KZ_2_8()
    {
        var domain = DeletingKzDomain();

        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(new OutcomeUnknown(), Expiry)));
        var sent = domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["ok"]), Expiry);

        Assert.IsType<DeleteDomain>(Assert.Single(sent));
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);
    }
}
