using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Registrations;

/// <summary>Architecture principle 3: a paid renew the registry carried out whose answer a crash lost is sent again with the
/// curExpDate it moved on, and refused 2306 (RFC 5731 section 3.2.3). The registry is asked what it holds: the paid term is
/// this renewal's own success (UA-1.7); any other expiry goes to operations.</summary>
public sealed class RepeatedRenewReadBackDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 12, 5, 6, 52, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PaidAt = Expiry.AddDays(-29);

    private static RegisteredDomain PaidRenewal()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        Assert.IsType<RenewDomain>(Assert.Single(domain.PayCurrentInvoice(PaidAt)));
        return domain;
    }

    private static RegistryRefused CurExpDateMismatch(DateTimeOffset registryExpiry) =>
        new(2306, $"curExpDate {Expiry:yyyy-MM-dd} does not match the expiry date of example.kz, {registryExpiry:yyyy-MM-dd}.");

    [Fact]
    public void A_repeated_renew_refused_2306_with_the_registry_at_the_paid_term_is_this_renewals_success_UA_1_7()
    {
        var domain = PaidRenewal();
        var registryExpiry = Expiry.AddYears(1);

        Assert.IsType<QueryDomain>(Assert.Single(domain.Answer(CurExpDateMismatch(registryExpiry), PaidAt)));
        domain.Answer(new DomainInfo(true, true, "H-1", registryExpiry, ["ok"]), PaidAt);

        Assert.Equal((RegistrationPhase.Registered, registryExpiry), (domain.State.Phase, domain.State.ExpiresAt));
        Assert.Equal(registryExpiry, Assert.Single(domain.Notices(NoticeKind.Renewed)).Facts!.ExpiresAt);
        Assert.Equal(registryExpiry.AddDays(-30), domain.WakeAt);
        Assert.Single(domain.Sent.OfType<RenewDomain>());
        Assert.Empty(domain.Sent.OfType<FlagForOperations>());
    }

    [Fact]
    public void A_renew_refused_2306_with_the_registry_at_another_expiry_than_the_paid_term_stalls_for_operations_UA_1_7()
    {
        var domain = PaidRenewal();
        var registryExpiry = Expiry.AddYears(2);
        domain.Answer(CurExpDateMismatch(registryExpiry), PaidAt);

        var flagged = domain.Answer(new DomainInfo(true, true, "H-1", registryExpiry, ["ok"]), PaidAt);

        Assert.Contains($"{registryExpiry:u}", Assert.IsType<FlagForOperations>(Assert.Single(flagged)).Reason);
        Assert.Equal((RegistrationPhase.Stalled, Expiry), (domain.State.Phase, domain.State.ExpiresAt));
        Assert.Empty(domain.Notices(NoticeKind.Renewed));
    }

    [Fact]
    public void Operations_retry_of_a_stalled_paid_renewal_reads_the_domain_back_before_renewing_again_UA_1_7()
    {
        var domain = PaidRenewal();
        var registryExpiry = Expiry.AddYears(1);
        domain.Raise(new RegistrationCommandFailed("failed:renew", domain.Sent.OfType<RenewDomain>().Single(), "registry unreachable"), PaidAt);
        Assert.Equal(RegistrationPhase.Stalled, domain.State.Phase);

        var retried = domain.Raise(new OperationsRetried("retry-1", "ops (Dana)"), PaidAt.AddHours(1));
        domain.Answer(new DomainInfo(true, true, "H-1", registryExpiry, ["ok"]), PaidAt.AddHours(1));

        Assert.IsType<QueryDomain>(Assert.Single(retried, c => c.Route == CommandRoute.Registry));
        Assert.Equal((RegistrationPhase.Registered, registryExpiry), (domain.State.Phase, domain.State.ExpiresAt));
        Assert.Single(domain.Sent.OfType<RenewDomain>());
    }
}
