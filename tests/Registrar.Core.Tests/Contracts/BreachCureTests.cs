using Registrar.Core.Contracts;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

public sealed class BreachCureTests
{
    private static readonly DateTimeOffset NoticeSent = new(2026, 3, 2, 10, 0, 0, Almaty);
    private static readonly DateTimeOffset Deadline = new(2026, 4, 2, 0, 0, 0, Almaty);
    private readonly BreachCure _cure = Rules.BreachCure("kz")!;

    [Fact]
    public void A_breach_notice_gives_30_days_to_cure_ending_at_midnight_in_Almaty_KZ_App_4()
    {
        Assert.Equal(Deadline, _cure.CureDeadline(NoticeSent));
    }

    [Fact]
    public void An_uncured_breach_may_be_cancelled_once_the_30_days_are_over_and_not_before_KZ_App_4()
    {
        var early = _cure.MayCancel(NoticeSent, cured: false, Deadline.AddTicks(-1));
        var due = _cure.MayCancel(NoticeSent, cured: false, Deadline);

        Assert.False(early.IsAllowed);
        Assert.Equal((BreachCancellationRefusal.CureTimeRunning, "KZ-App-4"), (early.Refusal!.Reason, early.Refusal.Rule));
        Assert.True(due.IsAllowed);
    }

    [Fact]
    public void A_cured_breach_is_never_cancelled_KZ_App_4()
    {
        var cancellation = _cure.MayCancel(NoticeSent, cured: true, Deadline.AddDays(60));

        Assert.Equal(BreachCancellationRefusal.Cured, cancellation.Refusal!.Reason);
    }

    [Fact]
    public void The_ua_zones_have_no_cure_period()
    {
        Assert.Null(Rules.BreachCure("ua"));
    }
}
