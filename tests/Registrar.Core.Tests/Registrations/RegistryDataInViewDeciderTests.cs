using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

/// <summary>What the registry shows of a domain (its EPP statuses, its name servers) reaches the registration's view, which the
/// public WHOIS and RDAP answers read (RFC 9083 section 4.6, RFC 9083 section 5.2).</summary>
public sealed class RegistryDataInViewDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void The_statuses_and_name_servers_the_sweep_reads_are_in_the_view_and_the_same_reading_again_records_none_RFC_5731()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);

        domain.Raise(Observed(["ok"], ["ns1.example.net", "ns2.example.net"]), Now);
        domain.Raise(Observed(["ok"], ["ns1.example.net", "ns2.example.net"]), Now.AddDays(1));

        var view = Assert.Single(domain.Views, v => v.RegistryStatuses is ["ok"]);
        Assert.Equal(["ns1.example.net", "ns2.example.net"], view.NameServers);
    }

    [Fact]
    public void A_suspension_the_registry_confirms_is_in_the_view_as_client_hold_in_place_of_ok_and_ok_comes_back_when_it_is_lifted_UA_2_3_1()
    {
        var domain = RegisteredDomain.Expiring("kyiv.ua", Expiry);
        domain.Raise(Observed(["ok"], ["ns1.example.net", "ns2.example.net"]), Now);

        var hold = domain.Raise(Decided(new SuspendService(SuspensionGround.Malware), "1"), Now).OfType<SetDomainHolds>().Single();
        domain.Raise(new RegistryAnswered("a1", hold.CommandId, new HoldsUpdated(["clientHold"])), Now);
        Assert.Equal(["clientHold"], domain.Views[^1].RegistryStatuses);
        Assert.Equal(["ns1.example.net", "ns2.example.net"], domain.Views[^1].NameServers);

        var lift = domain.Raise(Decided(new ResumeService(), "2"), Now.AddDays(3)).OfType<SetDomainHolds>().Single();
        domain.Raise(new RegistryAnswered("a2", lift.CommandId, new HoldsUpdated([])), Now.AddDays(3));
        Assert.Equal(["ok"], domain.Views[^1].RegistryStatuses);
    }

    [Fact]
    public void A_hold_keeps_the_other_statuses_the_registry_showed_RFC_5731_section_2_3()
    {
        var domain = RegisteredDomain.Expiring("kyiv.ua", Expiry);
        domain.Raise(Observed(["inactive", "serverDeleteProhibited"], []), Now);

        var hold = domain.Raise(Decided(new SuspendService(SuspensionGround.Malware), "1"), Now).OfType<SetDomainHolds>().Single();
        domain.Raise(new RegistryAnswered("a1", hold.CommandId, new HoldsUpdated(["clientHold"])), Now);

        Assert.Equal(["inactive", "serverDeleteProhibited", "clientHold"], domain.Views[^1].RegistryStatuses);
    }

    [Fact]
    public void A_dns_change_the_registry_confirms_puts_the_new_name_servers_in_the_view_and_the_domain_is_no_longer_inactive_KZ_2_3_RFC5731_2_3()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new DnsChangeRequest(["ns1.example.net", "ns2.example.net"]),
            RequestProof.SignedInSession), Now);

        domain.Answer(new NameserversUpdated(["ns1.example.net", "ns2.example.net"]), Now);

        Assert.Equal(["ns1.example.net", "ns2.example.net"], domain.Views[^1].NameServers);
        Assert.Equal(["ok"], domain.Views[^1].RegistryStatuses);
    }

    private static RegistryObserved Observed(IReadOnlyList<string> statuses, IReadOnlyList<string> nameServers) =>
        new("observed", new DomainInfo(true, true, "H-1", Expiry, statuses, NameServers: nameServers), Now);

    private static OperationsDecided Decided(OperationsDecision decision, string id) => new($"decision:{id}", decision, "ops-1", Now, "test");
}
