using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

/// <summary>KZ-2.1: a registration must be done within a business day of the payment, so a registry command the host gave up on
/// (the registry unreachable through all its deliveries: a maintenance window, an outage) is asked again by itself after a wait,
/// the way an operations retry asks; a person is asked only once the waits are used up.</summary>
public sealed class RegistryOutageRetryDeciderTests
{
    private static readonly DateTimeOffset PaidAt = new(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(5));
    private static readonly DateTimeOffset Expiry = PaidAt.AddYears(1);

    private static RegisteredDomain PaidKzRegistration() => RegisteredDomain.Paid(new RegistrationOrder("order-1", "cust-1", "example.kz",
        "example.kz", "kz", 1, "owner@example.test", "H-1", null, TechnicalContact.Registrant, false, null, "en"), PaidAt);

    private static IReadOnlyList<RegistrationCommand> HostGivesUp(RegisteredDomain domain, DateTimeOffset at)
    {
        var awaited = domain.Sent.Last(c => c.CommandId == domain.State.AwaitedCommandId);
        return domain.Raise(new RegistrationCommandFailed($"failed:{awaited.CommandId}", awaited, "registry unreachable"), at);
    }

    [Fact]
    public void A_create_the_host_gave_up_on_is_sent_again_by_itself_after_a_wait_and_no_one_is_asked_KZ_2_1()
    {
        var domain = PaidKzRegistration();
        var first = Assert.IsType<CreateDomain>(Assert.Single(domain.Sent));
        var failedAt = PaidAt.AddMinutes(1);

        Assert.Empty(HostGivesUp(domain, failedAt));
        Assert.Equal(RegistrationPhase.Stalled, domain.State.Phase);
        Assert.Equal(failedAt + RegistryOutageRetries.Delays[0], domain.WakeAt);

        domain.LiveUntil(failedAt.AddMinutes(1));
        Assert.Single(domain.Sent);
        domain.LiveUntil(failedAt + RegistryOutageRetries.Delays[0]);
        var again = Assert.IsType<CreateDomain>(domain.Sent.Last());
        Assert.NotEqual(first.CommandId, again.CommandId);
        Assert.Equal(RegistrationPhase.CreatingDomain, domain.State.Phase);

        domain.Answer(new DomainCreated(Expiry), domain.WakeAt ?? PaidAt.AddHours(1));
        Assert.Equal((RegistrationPhase.Registered, 0), (domain.State.Phase, domain.State.RegistryRetries));
        Assert.Empty(domain.Sent.OfType<FlagForOperations>());
    }

    [Fact]
    public void A_registry_unreachable_through_every_wait_stalls_the_registration_for_operations_whose_retry_asks_again_KZ_2_1()
    {
        var domain = PaidKzRegistration();
        var at = PaidAt;
        foreach (var wait in RegistryOutageRetries.Delays)
        {
            at += TimeSpan.FromSeconds(10);
            HostGivesUp(domain, at);
            Assert.Equal(at + wait, domain.WakeAt);
            at += wait;
            domain.LiveUntil(at);
        }
        Assert.Equal(RegistryOutageRetries.Delays.Count + 1, domain.Sent.OfType<CreateDomain>().Count());

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(HostGivesUp(domain, at.AddSeconds(10))));
        Assert.Contains("(registry unreachable), also when asked again 5 times since", flag.Reason);
        Assert.Equal((RegistrationPhase.Stalled, (DateTimeOffset?)null), (domain.State.Phase, domain.WakeAt));
        domain.LiveUntil(at.AddDays(30));
        Assert.Equal(RegistryOutageRetries.Delays.Count + 1, domain.Sent.OfType<CreateDomain>().Count());

        Assert.IsType<CreateDomain>(Assert.Single(domain.Raise(new OperationsRetried("retry:1", "ops-1"), at.AddDays(1))));
        Assert.Equal(0, domain.State.RegistryRetries);
    }

    [Fact]
    public void An_answer_from_the_registry_starts_the_waits_again()
    {
        var domain = PaidKzRegistration();
        HostGivesUp(domain, PaidAt.AddMinutes(1));
        domain.LiveUntil(PaidAt.AddHours(1));
        domain.Answer(new RegistryRefused(2400, "Command failed"), PaidAt.AddHours(1));

        Assert.Equal(0, domain.State.RegistryRetries);
    }

    [Fact]
    public void A_paid_renew_the_host_gave_up_on_reads_the_domain_back_by_itself_rather_than_renew_twice_UA_1_7()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.LiveUntil(Expiry.AddDays(-30));
        Assert.IsType<RenewDomain>(Assert.Single(domain.PayCurrentInvoice(Expiry.AddDays(-20))));
        var failedAt = Expiry.AddDays(-20).AddMinutes(1);

        Assert.Empty(HostGivesUp(domain, failedAt));
        domain.LiveUntil(failedAt + RegistryOutageRetries.Delays[0]);

        Assert.IsType<QueryDomain>(domain.Sent.Last());
        Assert.Single(domain.Sent.OfType<RenewDomain>());
        Assert.Equal(RegistrationPhase.Renewing, domain.State.Phase);
    }

    [Fact]
    public void A_wait_ends_with_the_next_registry_command_and_a_later_stall_of_another_cause_waits_for_a_person()
    {
        var domain = PaidKzRegistration();
        HostGivesUp(domain, PaidAt.AddMinutes(1));
        domain.Raise(new OperationsRetried("retry:1", "ops-1"), PaidAt.AddMinutes(2));

        domain.Answer(new RegistryRefused(2306, "Parameter value policy error"), PaidAt.AddMinutes(3));

        Assert.Equal((RegistrationPhase.Stalled, (DateTimeOffset?)null), (domain.State.Phase, domain.State.RetryRegistryAt));
        Assert.Null(domain.WakeAt);
    }

    [Fact]
    public void A_dns_change_the_host_gave_up_on_goes_to_operations_at_once_and_the_registration_goes_on_KZ_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var change = new DnsChangeRequest(["ns1.example.net", "ns2.example.net"]);
        Assert.IsType<UpdateDomainNameservers>(Assert.Single(domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", change, RequestProof.SignedInSession), PaidAt)));

        var flag = Assert.IsType<FlagForOperations>(Assert.Single(HostGivesUp(domain, PaidAt.AddMinutes(1))));

        Assert.Contains("DNS change r-1 for example.kz was not applied: the registry answered nothing, as the command was not carried out (registry unreachable)", flag.Reason);
        Assert.Equal((RegistrationPhase.Registered, null, null), (domain.State.Phase, domain.State.NameserverChange, domain.State.AwaitedCommandId));
        Assert.Equal(0, domain.State.RegistryRetries);
    }
}
