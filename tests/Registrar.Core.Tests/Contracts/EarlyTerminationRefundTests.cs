using Registrar.Core.Contracts;
using Registrar.Core.Money;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

public sealed class EarlyTerminationRefundTests
{
    private static readonly DateOnly Start = new(2026, 1, 10);
    private readonly EarlyTerminationRefund _refund = Rules.EarlyTerminationRefund("ua")!;

    private static Money.Money Uah(decimal amount) => Money.Money.Of(amount, Currency.Uah);

    [Fact]
    public void Whole_unused_months_are_refunded_and_the_month_of_termination_is_not_UA_6_2_UA_6_3()
    {
        // Months run 10th to 10th; 20 March is in the third month (10 March to 10 April), which is kept: 9 months come back.
        var quote = _refund.Quote([PaidTerm.ForYears(Uah(1200m), Start, 1)], new DateOnly(2026, 3, 20));

        Assert.Equal(9, quote.Lines[0].UnusedWholeMonths);
        Assert.Equal(Uah(900m), quote.Total);
        Assert.Equal("UA-6.2, UA-6.3", quote.Rule);
    }

    [Fact]
    public void A_service_ended_on_the_first_day_of_a_month_keeps_that_month_UA_6_3()
    {
        var term = PaidTerm.ForYears(Uah(1200m), Start, 1);

        Assert.Equal(Uah(900m), _refund.Quote([term], new DateOnly(2026, 3, 10)).Total);
        Assert.Equal(Uah(1000m), _refund.Quote([term], new DateOnly(2026, 3, 9)).Total);
    }

    [Fact]
    public void The_refund_is_rounded_to_the_currencys_minor_unit_half_away_from_zero_UA_6_2()
    {
        // 7/12 of 1000.00 is 583.333…; 6/12 of 100.01 is 50.005.
        Assert.Equal(Uah(583.33m), _refund.Quote([PaidTerm.ForYears(Uah(1000m), Start, 1)], new DateOnly(2026, 6, 1)).Total);
        Assert.Equal(Uah(50.01m), _refund.Quote([PaidTerm.ForYears(Uah(100.01m), Start, 1)], new DateOnly(2026, 7, 1)).Total);
    }

    [Fact]
    public void A_term_not_yet_started_is_refunded_whole_and_one_already_over_refunds_nothing_UA_6_2()
    {
        var first = PaidTerm.ForYears(Uah(1200m), Start, 1);
        var renewal = PaidTerm.ForYears(Uah(1500m), first.EndsOn, 1);

        var quote = _refund.Quote([first, renewal], new DateOnly(2026, 12, 15));

        Assert.Equal([0, 12], quote.Lines.Select(l => l.UnusedWholeMonths));
        Assert.Equal(Uah(1500m), quote.Total);
        Assert.Equal(Uah(1200m), _refund.Quote([first], new DateOnly(2025, 12, 31)).Total);
        Assert.Equal(Uah(0m), _refund.Quote([first], new DateOnly(2027, 1, 10)).Total);
    }

    [Fact]
    public void A_two_year_term_is_split_into_24_months_UA_6_2()
    {
        var quote = _refund.Quote([PaidTerm.ForYears(Uah(2400m), Start, 2)], new DateOnly(2026, 1, 20));

        Assert.Equal(23, quote.Lines[0].UnusedWholeMonths);
        Assert.Equal(Uah(2300m), quote.Total);
    }

    [Fact]
    public void Months_of_a_term_starting_on_the_31st_start_on_the_last_day_of_shorter_months_UA_6_3()
    {
        // Months start 31 January, 28 February, 31 March…: 1 March is in the second month, so 10 months come back.
        var quote = _refund.Quote([PaidTerm.ForYears(Uah(1200m), new DateOnly(2026, 1, 31), 1)], new DateOnly(2026, 3, 1));

        Assert.Equal(10, quote.Lines[0].UnusedWholeMonths);
    }

    [Fact]
    public void Terms_paid_in_different_currencies_are_never_added_up()
    {
        var terms = new[] { PaidTerm.ForYears(Uah(1200m), Start, 1), PaidTerm.ForYears(Money.Money.Of(6000m, Currency.Kzt), Start, 1) };

        Assert.Throws<CurrencyMismatchException>(() => _refund.Quote(terms, new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Only_zones_whose_settings_refund_whole_unused_months_quote_an_early_termination_refund()
    {
        Assert.NotNull(Rules.EarlyTerminationRefund("com.ua"));
        Assert.Null(Rules.EarlyTerminationRefund("kz"));
    }
}
