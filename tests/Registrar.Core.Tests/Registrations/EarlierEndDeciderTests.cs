using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Core.Tests.Registrations;

/// <summary>UA-2.3.2: the registrar may end the contract at once for a breach, so a termination for breach takes the place of an
/// end fixed later, by the registrar's notice (UA-1.3.4.1) or the registrant's (UA-6.1); an end as soon or sooner stands.</summary>
public sealed class EarlierEndDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Expiry.AddMonths(-6);
    private static readonly DateTimeOffset BreachAt = Now.AddDays(5);

    [Fact]
    public void A_termination_for_breach_after_the_registrars_30_day_notice_deletes_the_domain_at_once_UA_2_3_2_UA_1_3_4_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Decided("notice", new TerminationNotice(TerminationGround.RegistrarNotice, Now.AddDays(30), "UA-1.3.4.1"), Now), Now);

        var commands = domain.Raise(Decided("breach", new TerminationNotice(TerminationGround.RegistrantBreach, BreachAt, "UA-2.3.2"), BreachAt), BreachAt);

        Assert.Single(commands.OfType<DeleteDomain>());
        var told = Assert.Single(commands.OfType<SendNotice>());
        Assert.Equal((NoticeKind.TerminationNoticed, "2.3.2", BreachAt), (told.Kind, told.Facts!.Clause, told.Facts.DeletionAt));
        Assert.Equal(("UA-2.3.2", TerminationGround.RegistrantBreach, BreachAt), (domain.State.Ending!.Rule, domain.State.Ending.Ground, domain.State.Ending.EffectiveAt));
        // UA-6.2 refunds the registrar's own early end, not one for the registrant's breach.
        Assert.DoesNotContain(commands.OfType<FlagForOperations>(), f => f.Reason.Contains("refund", StringComparison.Ordinal));
    }

    [Fact]
    public void The_letter_of_the_notice_replaced_by_a_breach_leaving_late_moves_no_end_UA_2_3_2_UA_1_3_4_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(Decided("notice", new TerminationNotice(TerminationGround.RegistrarNotice, Now.AddDays(30), "UA-1.3.4.1"), Now), Now);
        domain.Raise(Decided("breach", new TerminationNotice(TerminationGround.RegistrantBreach, BreachAt, "UA-2.3.2"), BreachAt), BreachAt);

        Assert.Empty(domain.Raise(new NoticeSent("notice-sent:late", "n-1", NoticeKind.TerminationNoticed, BreachAt.AddDays(2)), BreachAt.AddDays(2)));
        Assert.Equal(BreachAt, domain.State.Ending!.EffectiveAt);
    }

    [Fact]
    public void A_termination_for_breach_after_the_registrants_notice_deletes_the_domain_at_once_UA_2_3_2_UA_6_1()
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        domain.Raise(new CustomerRequestProved("proved:1", "R-1", new TerminationRequest(Now.AddDays(60), "UA-6.1"), RequestProof.ContactEmail, Now), Now);

        var commands = domain.Raise(Decided("breach", new TerminationNotice(TerminationGround.RegistrantBreach, BreachAt, "UA-2.3.2"), BreachAt), BreachAt);

        Assert.Single(commands.OfType<DeleteDomain>());
        Assert.Equal("UA-2.3.2", domain.State.Ending!.Rule);
    }

    private static OperationsDecided Decided(string id, OperationsDecision decision, DateTimeOffset at) =>
        new($"decision:{id}", decision, "ops (Dana)", at, "because");
}
