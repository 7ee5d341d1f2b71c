using Registrar.Core.Contracts;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

public sealed class ForceMajeureRuleTests
{
    // Friday 6 March 2026.
    private static readonly DateOnly Started = new(2026, 3, 6);

    [Fact]
    public void A_kz_party_must_notify_within_14_days_of_the_start_KZ_5_6()
    {
        var deadlines = Rules.ForceMajeure("kz").DeadlinesFor(Started);

        Assert.Equal((new DateOnly(2026, 3, 20), "KZ-5.6"), (deadlines.NotifyBy, deadlines.NotifyRule));
        Assert.True(deadlines.NotifiedInTime(new DateOnly(2026, 3, 20)));
        Assert.False(deadlines.NotifiedInTime(new DateOnly(2026, 3, 21)));
    }

    [Fact]
    public void The_kz_offer_asks_for_no_proof_deadline_KZ_5_6()
    {
        var deadlines = Rules.ForceMajeure("қаз").DeadlinesFor(Started);

        Assert.Null(deadlines.ProveBy);
        Assert.Equal(ForceMajeureProof.NotRequired, deadlines.Proof(null, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_ua_party_must_notify_within_the_next_three_business_days_UA_7_2()
    {
        // Started on a Friday: Monday 9, Tuesday 10 and Wednesday 11 March.
        var deadlines = Rules.ForceMajeure("ua").DeadlinesFor(Started);

        Assert.Equal((new DateOnly(2026, 3, 11), "UA-7.2"), (deadlines.NotifyBy, deadlines.NotifyRule));
        Assert.True(deadlines.NotifiedInTime(new DateOnly(2026, 3, 11)));
        Assert.False(deadlines.NotifiedInTime(new DateOnly(2026, 3, 12)));
    }

    [Fact]
    public void A_ua_party_must_prove_it_within_30_calendar_days_UA_7_3()
    {
        var deadlines = Rules.ForceMajeure("kyiv.ua").DeadlinesFor(Started);
        var proveBy = new DateOnly(2026, 4, 5);

        Assert.Equal((proveBy, "UA-7.3"), (deadlines.ProveBy, deadlines.ProveRule));
        Assert.Equal(ForceMajeureProof.InTime, deadlines.Proof(proveBy, proveBy.AddDays(10)));
        Assert.Equal(ForceMajeureProof.Late, deadlines.Proof(proveBy.AddDays(1), proveBy.AddDays(10)));
        Assert.Equal(ForceMajeureProof.Awaited, deadlines.Proof(null, proveBy));
        Assert.Equal(ForceMajeureProof.Missing, deadlines.Proof(null, proveBy.AddDays(1)));
    }

    [Fact]
    public void A_notice_is_late_when_notified_late_or_when_its_proof_is_late_or_missing_UA_7_2_UA_7_3()
    {
        var deadlines = Rules.ForceMajeure("ua").DeadlinesFor(Started);
        var inTime = new ForceMajeureNotice("F1", "ua", ContractParty.Registrar, "Power grid down", Started, new DateOnly(2026, 3, 9), null,
            deadlines, "Olena", new DateTimeOffset(2026, 3, 9, 10, 0, 0, KyivWinter));

        Assert.False(inTime.IsLateOn(new DateOnly(2026, 4, 5)));
        Assert.True(inTime.IsLateOn(new DateOnly(2026, 4, 6)));
        Assert.False((inTime with { ProvedOn = new DateOnly(2026, 3, 20) }).IsLateOn(new DateOnly(2026, 5, 1)));
        Assert.True((inTime with { NotifiedOn = new DateOnly(2026, 3, 12), ProvedOn = new DateOnly(2026, 3, 20) }).IsLateOn(new DateOnly(2026, 5, 1)));
    }
}
