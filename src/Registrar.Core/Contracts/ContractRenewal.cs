namespace Registrar.Core.Contracts;

/// <summary>One period of the contract: it starts on <see cref="StartsOn"/> and ends on <see cref="EndsOn"/>, the day the
/// next period starts if it renews.</summary>
public sealed record ContractPeriod(DateOnly StartsOn, DateOnly EndsOn);

/// <param name="StopsRenewalOfCurrentPeriod">Given in time to stop the period the notice falls in from renewing.</param>
/// <param name="LastNoticeDay">The last day a notice stops that period's renewal.</param>
/// <param name="ContractEndsOn">When the contract ends: the current period's end, or, for a notice given too late for
/// it, the end of the period it renewed into (the notice stops that renewal instead).</param>
public sealed record RenewalNoticeOutcome(bool StopsRenewalOfCurrentPeriod, DateOnly LastNoticeDay, DateOnly ContractEndsOn, string Rule);

/// <summary>
/// UA-6.4: the contract takes effect when the payment arrives on the registrar's account and runs for a year; unless
/// either side sends the other written notice at least 15 calendar days before its end, it renews itself for another
/// year. Periods are counted from one known boundary, both ways: from the start date, so a contract that starts on
/// 29 February runs to 28 February, or back from a term's known end, so a term ending on 29 February started on 28 February.
/// </summary>
public sealed class ContractRenewal(AutoRenewalTerms terms)
{
    /// <param name="boundary">A day a period starts or ends on: the registrar's local date the payment arrived (UA-3.4: the
    /// bank's booking), or the day a term ends. Every boundary is counted from it, never from another boundary, since a year
    /// added to 28 February never comes back to 29 February.</param>
    /// <param name="on">Any date, before or after the boundary.</param>
    public ContractPeriod PeriodOn(DateOnly boundary, DateOnly on)
    {
        var index = 0;
        while (BoundaryAt(boundary, index) > on) index--;
        while (BoundaryAt(boundary, index + 1) <= on) index++;
        return new ContractPeriod(BoundaryAt(boundary, index), BoundaryAt(boundary, index + 1));
    }

    /// <summary>What a notice of ending given on <paramref name="noticeOn"/> does.</summary>
    public RenewalNoticeOutcome NoticeGivenOn(DateOnly boundary, DateOnly noticeOn)
    {
        var period = PeriodOn(boundary, noticeOn);
        var lastNoticeDay = period.EndsOn.AddDays(-terms.NoticeCalendarDays);
        if (noticeOn <= lastNoticeDay)
            return new RenewalNoticeOutcome(true, lastNoticeDay, period.EndsOn, terms.Rule);
        var renewedInto = PeriodOn(boundary, period.EndsOn);
        return new RenewalNoticeOutcome(false, lastNoticeDay, renewedInto.EndsOn, terms.Rule);
    }

    /// <summary>What a notice given on <paramref name="noticeOn"/> does to a contract whose term is paid until <paramref name="termEnds"/>
    /// (the registry's expiry). The yearly periods up to then are paid already, each renewing the contract into the next (a term of
    /// several years), so the notice stops the renewal at the term's end, never sooner: a paid year is never cut short, as UA-1.5.5
    /// refunds none. It must come the notice's days before that end; a notice past it judges the period it falls in.</summary>
    public RenewalNoticeOutcome NoticeBeforeTermEnds(DateOnly termEnds, DateOnly noticeOn)
    {
        if (noticeOn >= termEnds) return NoticeGivenOn(termEnds, noticeOn);
        var lastNoticeDay = termEnds.AddDays(-terms.NoticeCalendarDays);
        return noticeOn <= lastNoticeDay
            ? new RenewalNoticeOutcome(true, lastNoticeDay, termEnds, terms.Rule)
            : new RenewalNoticeOutcome(false, lastNoticeDay, PeriodOn(termEnds, termEnds).EndsOn, terms.Rule);
    }

    private DateOnly BoundaryAt(DateOnly boundary, int period) => boundary.AddYears(period * terms.PeriodYears);
}
