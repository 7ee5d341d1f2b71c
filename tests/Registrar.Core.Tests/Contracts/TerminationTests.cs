using Registrar.Core.Contracts;
using Registrar.Core.Tests.Zones;
using Registrar.Core.Zones;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

public sealed class TerminationTests
{
    private static readonly DateTimeOffset NoticeSent = new(2026, 3, 2, 10, 0, 0, KyivWinter);

    [Fact]
    public void The_registrant_ends_the_contract_15_days_after_its_notice_at_the_earliest_UA_6_1()
    {
        var termination = Rules.RegistrantTermination("ua")!;

        Assert.Equal(new DateOnly(2026, 3, 17), termination.EarliestEndAfter(new DateOnly(2026, 3, 2)));
        Assert.True(termination.GivesNoticeFor(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 17)));
        Assert.True(termination.GivesNoticeFor(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 30)));
        Assert.False(termination.GivesNoticeFor(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 16)));
        Assert.False(termination.GivesNoticeFor(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void The_registrars_unilateral_termination_takes_effect_when_the_30th_day_after_the_notice_ends_UA_1_3_4_1()
    {
        // 30 days after 2 March is 1 April; it ends at midnight in Kyiv, by then on summer time.
        var effect = Rules.RegistrarTermination("ua")!.AfterNoticeSentAt(NoticeSent);

        Assert.Equal(new DateTimeOffset(2026, 4, 2, 0, 0, 0, KyivSummer), effect.At);
        Assert.Equal("UA-1.3.4.1", effect.Rule);
        Assert.False(effect.HasTakenEffectAt(effect.At.AddTicks(-1)));
        Assert.True(effect.HasTakenEffectAt(effect.At));
    }

    [Fact]
    public void The_notice_periods_are_read_from_the_zone_settings_UA_1_3_4_1_UA_6_1()
    {
        var changed = ZoneCatalog.Parse(ZoneData.Shipped()
            .Replace("\"registrarNoticeDays\": 30", "\"registrarNoticeDays\": 45", StringComparison.Ordinal)
            .Replace("\"registrantNoticeDays\": 15", "\"registrantNoticeDays\": 20", StringComparison.Ordinal));
        var rules = RulesWith(changed);

        Assert.Equal(new DateTimeOffset(2026, 4, 17, 0, 0, 0, KyivSummer), rules.RegistrarTermination("ua")!.AfterNoticeSentAt(NoticeSent).At);
        Assert.Equal(new DateOnly(2026, 3, 22), rules.RegistrantTermination("ua")!.EarliestEndAfter(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void A_termination_for_the_registrants_breach_takes_effect_when_the_notice_is_sent_UA_2_3_2()
    {
        var effect = Rules.BreachTermination("ua")!.AfterNoticeSentAt(NoticeSent);

        Assert.Equal((NoticeSent, "UA-2.3.2"), (effect.At, effect.Rule));
        Assert.True(effect.HasTakenEffectAt(NoticeSent));
    }

    [Fact]
    public void The_kz_offer_sets_no_registrant_or_registrar_notice_period_and_no_immediate_breach_termination()
    {
        Assert.Null(Rules.RegistrantTermination("kz"));
        Assert.Null(Rules.RegistrarTermination("kz"));
        Assert.Null(Rules.BreachTermination("kz"));
    }
}
