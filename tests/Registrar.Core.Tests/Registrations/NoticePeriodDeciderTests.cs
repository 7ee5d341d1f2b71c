using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Registrations;

/// <summary>UA-1.3.4.1, KZ-App-4: the period of a registrar's notice runs from the letter, so a letter that left on a later
/// local day than the decision (the mail service was down) moves the end with it, never earlier.</summary>
public sealed class NoticePeriodDeciderTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly ZoneDeadlines Deadlines = new(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded());

    // 23:50 in Kyiv (UTC+2) on 15 December 2026; the letter leaves 20 minutes later, on the 16th.
    private static readonly DateTimeOffset DecidedInKyiv = new(2026, 12, 15, 21, 50, 0, TimeSpan.Zero);

    // 23:50 in Almaty (UTC+5) on 15 December 2026.
    private static readonly DateTimeOffset DecidedInAlmaty = new(2026, 12, 15, 18, 50, 0, TimeSpan.Zero);

    [Fact]
    public void A_termination_notice_that_left_the_day_after_its_decision_ends_the_contract_a_day_later_UA_1_3_4_1()
    {
        var (domain, decidedEnd, notice) = TerminationNoticed(DecidedInKyiv);
        var sentAt = DecidedInKyiv.AddMinutes(20);

        var moved = domain.Raise(Sent(notice, sentAt), sentAt);

        var flag = Assert.Single(moved.OfType<FlagForOperations>());
        var letterEnd = Deadlines.RegistrarNoticeEndsAt("com.ua", sentAt)!.Value;
        var again = Assert.Single(moved.OfType<SendNotice>());
        Assert.Equal((NoticeKind.TerminationNoticed, letterEnd, "1.3.4.1"), (again.Kind, again.Facts!.DeletionAt, again.Facts.Clause));
        Assert.Equal(2, moved.Count);
        Assert.Equal(decidedEnd.AddDays(1), letterEnd);
        Assert.Equal((letterEnd, letterEnd), (domain.State.Ending!.EffectiveAt, domain.WakeAt));
        Assert.Contains(RegistrarTermination.Rule, flag.Reason);
        domain.LiveUntil(letterEnd.AddTicks(-1));
        Assert.Empty(domain.Sent.OfType<DeleteDomain>());
        domain.LiveUntil(letterEnd);
        Assert.Single(domain.Sent.OfType<DeleteDomain>());
    }

    [Fact]
    public void The_letter_sent_again_with_the_moved_end_reported_sent_the_same_day_moves_nothing_more_UA_1_3_4_1()
    {
        var (domain, decidedEnd, first) = TerminationNoticed(DecidedInKyiv);
        var sentAt = DecidedInKyiv.AddMinutes(20);
        var second = domain.Raise(Sent(first, sentAt), sentAt).OfType<SendNotice>().Single();

        Assert.Empty(domain.Raise(Sent(second, sentAt.AddMinutes(1)), sentAt.AddMinutes(1)));

        Assert.Equal(decidedEnd.AddDays(1), domain.State.Ending!.EffectiveAt);
    }

    [Fact]
    public void A_termination_notice_that_left_the_day_it_was_decided_changes_nothing_UA_1_3_4_1()
    {
        var decidedAt = DecidedInKyiv.AddHours(-3);
        var (domain, decidedEnd, notice) = TerminationNoticed(decidedAt);

        Assert.Empty(domain.Raise(Sent(notice, decidedAt.AddMinutes(1)), decidedAt.AddMinutes(1)));

        Assert.Equal(decidedEnd, domain.State.Ending!.EffectiveAt);
    }

    [Fact]
    public void A_breach_notice_that_left_the_day_after_its_decision_gives_a_day_more_to_cure_KZ_App_4()
    {
        var domain = RegisteredDomain.Expiring("kz", Expiry);
        var decidedCure = Deadlines.BreachCureEndsAt("kz", DecidedInAlmaty)!.Value;
        var notice = domain.Raise(Decided(new BreachNotice(decidedCure), DecidedInAlmaty), DecidedInAlmaty).OfType<SendNotice>().Single();
        var sentAt = DecidedInAlmaty.AddMinutes(20);

        var moved = domain.Raise(Sent(notice, sentAt), sentAt);

        var flag = Assert.Single(moved.OfType<FlagForOperations>());
        var again = Assert.Single(moved.OfType<SendNotice>());
        Assert.Equal((NoticeKind.BreachNoticed, decidedCure.AddDays(1), "4"), (again.Kind, again.Facts!.DeletionAt, again.Facts.Clause));
        Assert.Equal(decidedCure.AddDays(1), domain.State.Breach!.CureDeadline);
        Assert.Contains(BreachCure.Rule, flag.Reason);
        domain.LiveUntil(decidedCure.AddDays(1).AddTicks(-1));
        Assert.Empty(domain.Sent.OfType<DeleteDomain>());
        domain.LiveUntil(decidedCure.AddDays(1));
        Assert.Single(domain.Sent.OfType<DeleteDomain>());
    }

    [Fact]
    public void A_notice_reported_sent_after_the_end_was_carried_out_changes_nothing_UA_1_3_4_1()
    {
        var (domain, decidedEnd, notice) = TerminationNoticed(DecidedInKyiv);
        domain.LiveUntil(decidedEnd);

        Assert.Empty(domain.Raise(Sent(notice, decidedEnd.AddDays(-1)), decidedEnd.AddMinutes(1)).OfType<FlagForOperations>());

        Assert.Equal(decidedEnd, domain.State.Ending!.EffectiveAt);
    }

    /// <summary>A .com.ua registration whose registrar's termination was decided at <paramref name="decidedAt"/>, its end counted
    /// from then, with the notice the decision sent.</summary>
    private static (RegisteredDomain Domain, DateTimeOffset DecidedEnd, SendNotice Notice) TerminationNoticed(DateTimeOffset decidedAt)
    {
        var domain = RegisteredDomain.Expiring("com.ua", Expiry);
        var decidedEnd = Deadlines.RegistrarNoticeEndsAt("com.ua", decidedAt)!.Value;
        var notice = domain.Raise(Decided(new TerminationNotice(TerminationGround.RegistrarNotice, decidedEnd, RegistrarTermination.Rule), decidedAt),
            decidedAt).OfType<SendNotice>().Single();
        return (domain, decidedEnd, notice);
    }

    private static OperationsDecided Decided(OperationsDecision decision, DateTimeOffset at) => new("decision:1", decision, "ops (Dana)", at, "because");

    private static NoticeSent Sent(SendNotice notice, DateTimeOffset at) =>
        new(NoticePeriods.EventId(notice.CommandId), notice.CommandId, notice.Kind, at);
}
