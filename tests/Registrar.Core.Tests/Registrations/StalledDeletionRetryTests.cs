using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

/// <summary>A delete the registry refused stalls for operations; once they cleared the cause, their retry asks for the delete
/// again, whatever started it: a deletion carried out later by no timer would leave the domain live and the contract ended.</summary>
public sealed class StalledDeletionRetryTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);

    [Fact]
    public void A_retry_of_an_early_deletion_the_registry_refused_deletes_again_and_tells_it_as_asked_UA_1_5_6()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new EarlyDeletionRequest(), RequestProof.ContactEmail), Now);
        RefuseTheDelete(domain, Now.AddHours(1));

        var sent = domain.Raise(new OperationsRetried("retry-1", "ops (Dana)"), Now.AddHours(2));

        Assert.IsType<DeleteDomain>(Assert.Single(sent, c => c.Route == CommandRoute.Registry));
        Assert.Equal((RegistrationPhase.Deleting, "r-1"), (domain.State.Phase, domain.State.DeletionRequestId));
        Assert.Equal(NoticeKind.DeletedOnRequest, Assert.IsType<SendNotice>(Assert.Single(domain.Answer(new DomainDeleted(), Now.AddHours(3)))).Kind);
    }

    [Fact]
    public void A_retry_of_a_terminations_delete_the_registry_refused_deletes_again_UA_Pre_6()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var endsAt = Now.AddDays(10);
        domain.Raise(new OperationsDecided("decision:erasure", new TerminationNotice(TerminationGround.ErasureRequest, endsAt, "UA-Pre-6"),
            "ops (Олена)", Now, "UA-Pre-6: written erasure request"), Now);
        domain.LiveUntil(endsAt);
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);
        RefuseTheDelete(domain, endsAt.AddHours(1));

        var sent = domain.Raise(new OperationsRetried("retry-1", "ops (Dana)"), endsAt.AddHours(2));

        Assert.IsType<DeleteDomain>(Assert.Single(sent, c => c.Route == CommandRoute.Registry));
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);
        Assert.Equal(NoticeKind.ServiceEnded, Assert.IsType<SendNotice>(Assert.Single(domain.Answer(new DomainDeleted(), endsAt.AddHours(3)))).Kind);
    }

    [Fact]
    public void A_retried_delete_refused_again_is_checked_with_the_registry_before_it_stalls_again()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        domain.Raise(new CustomerRequestProved("proved:r-1", "r-1", new EarlyDeletionRequest(), RequestProof.ContactEmail), Now);
        RefuseTheDelete(domain, Now.AddHours(1));
        domain.Raise(new OperationsRetried("retry-1", "ops (Dana)"), Now.AddHours(2));

        var sent = domain.Answer(new RegistryRefused(2304, "Object status prohibits operation"), Now.AddHours(3));

        Assert.IsType<QueryDomain>(Assert.Single(sent, c => c.Route == CommandRoute.Registry));
        Assert.Equal(RegistrationPhase.Deleting, domain.State.Phase);
    }

    /// <summary>2304, and the registry's record then still shows the domain ours under a status that bars the delete.</summary>
    private static void RefuseTheDelete(RegisteredDomain domain, DateTimeOffset at)
    {
        domain.Answer(new RegistryRefused(2304, "Object status prohibits operation"), at);
        domain.Answer(new DomainInfo(true, true, "H-1", Expiry, ["clientDeleteProhibited"]), at);
        Assert.Equal(RegistrationPhase.Stalled, domain.State.Phase);
    }
}
