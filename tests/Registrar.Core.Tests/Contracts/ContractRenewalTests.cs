using Registrar.Core.Contracts;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

public sealed class ContractRenewalTests
{
    // Paid (booked on the registrar's account) on 10 March 2025: the first year ends on 10 March 2026.
    private static readonly DateOnly Started = new(2025, 3, 10);
    private readonly ContractRenewal _renewal = Rules.AutoRenewal("ua")!;

    [Fact]
    public void A_notice_given_15_calendar_days_before_the_end_stops_the_renewal_and_the_contract_ends_then_UA_6_4()
    {
        var outcome = _renewal.NoticeGivenOn(Started, new DateOnly(2026, 2, 23));

        Assert.True(outcome.StopsRenewalOfCurrentPeriod);
        Assert.Equal(new DateOnly(2026, 2, 23), outcome.LastNoticeDay);
        Assert.Equal(new DateOnly(2026, 3, 10), outcome.ContractEndsOn);
        Assert.Equal("UA-6.4", outcome.Rule);
    }

    [Fact]
    public void A_notice_given_14_days_before_the_end_is_too_late_the_contract_renews_for_a_year_and_ends_after_it_UA_6_4()
    {
        var outcome = _renewal.NoticeGivenOn(Started, new DateOnly(2026, 2, 24));

        Assert.False(outcome.StopsRenewalOfCurrentPeriod);
        Assert.Equal(new DateOnly(2027, 3, 10), outcome.ContractEndsOn);
    }

    [Fact]
    public void Without_notice_the_contract_renews_itself_year_after_year_from_the_payment_date_UA_6_4()
    {
        Assert.Equal(new ContractPeriod(Started, new DateOnly(2026, 3, 10)), _renewal.PeriodOn(Started, new DateOnly(2026, 3, 9)));
        Assert.Equal(new ContractPeriod(new DateOnly(2026, 3, 10), new DateOnly(2027, 3, 10)), _renewal.PeriodOn(Started, new DateOnly(2026, 3, 10)));
        Assert.Equal(new ContractPeriod(new DateOnly(2028, 3, 10), new DateOnly(2029, 3, 10)), _renewal.PeriodOn(Started, new DateOnly(2028, 12, 31)));
    }

    [Fact]
    public void A_contract_paid_on_29_February_runs_to_28_February_each_year_UA_6_4()
    {
        var leap = new DateOnly(2024, 2, 29);

        Assert.Equal(new DateOnly(2025, 2, 28), _renewal.PeriodOn(leap, leap).EndsOn);
        Assert.Equal(new DateOnly(2028, 2, 29), _renewal.PeriodOn(leap, new DateOnly(2027, 6, 1)).EndsOn);
    }

    [Fact]
    public void A_notice_in_an_earlier_year_of_a_term_paid_years_ahead_ends_the_contract_with_the_term_UA_6_4_UA_1_5_5()
    {
        var termEnds = new DateOnly(2035, 3, 10);

        var inTime = _renewal.NoticeBeforeTermEnds(termEnds, new DateOnly(2026, 3, 1));
        var late = _renewal.NoticeBeforeTermEnds(termEnds, new DateOnly(2035, 3, 1));

        Assert.Equal((true, new DateOnly(2035, 2, 23), termEnds), (inTime.StopsRenewalOfCurrentPeriod, inTime.LastNoticeDay, inTime.ContractEndsOn));
        Assert.Equal((false, new DateOnly(2036, 3, 10)), (late.StopsRenewalOfCurrentPeriod, late.ContractEndsOn));
    }

    [Fact]
    public void A_term_ending_on_29_February_takes_notice_until_14_February_UA_6_4()
    {
        var termEnds = new DateOnly(2028, 2, 29);

        var outcome = _renewal.NoticeGivenOn(termEnds, new DateOnly(2028, 2, 14));

        Assert.True(outcome.StopsRenewalOfCurrentPeriod);
        Assert.Equal(new DateOnly(2028, 2, 14), outcome.LastNoticeDay);
        Assert.Equal(termEnds, outcome.ContractEndsOn);
    }

    [Fact]
    public void The_kz_contract_does_not_renew_itself_by_the_year()
    {
        Assert.Null(Rules.AutoRenewal("kz"));
    }
}
