using Registrar.Core.Contracts;
using static Registrar.Core.Tests.Contracts.Shipped;

namespace Registrar.Core.Tests.Contracts;

public sealed class ClaimRuleTests
{
    // Monday 2 March 2026; Ukraine works Monday to Friday (under martial law its holidays are working days).
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private readonly ClaimRule _claims = Rules.Claims("ua")!;

    [Fact]
    public void A_claim_filed_on_the_third_day_after_the_event_is_accepted_UA_5_1()
    {
        var decision = _claims.Decide(Monday, new DateTimeOffset(2026, 3, 5, 23, 59, 0, KyivWinter), "PP-1042");

        Assert.True(decision.IsAccepted, decision.Refusal?.Message);
        Assert.Equal(new DateOnly(2026, 3, 5), decision.Accepted!.LastFilingDay);
    }

    [Fact]
    public void A_claim_filed_on_the_fourth_day_after_the_event_is_refused_UA_5_1()
    {
        var decision = _claims.Decide(Monday, new DateTimeOffset(2026, 3, 6, 9, 0, 0, KyivWinter), "PP-1042");

        Assert.False(decision.IsAccepted);
        Assert.Equal(ClaimRefusalReason.Late, decision.Refusal!.Reason);
        Assert.Equal("UA-5.1", decision.Refusal.Rule);
        Assert.Contains("2026-03-05", decision.Refusal.Message);
    }

    [Fact]
    public void The_filing_day_is_the_registrars_date_in_Kyiv_so_a_claim_just_after_Kyiv_midnight_is_a_day_later_UA_5_1()
    {
        // 22:30 UTC on 5 March is 00:30 on 6 March in Kyiv.
        var decision = _claims.Decide(Monday, new DateTimeOffset(2026, 3, 5, 22, 30, 0, TimeSpan.Zero), "PP-1042");

        Assert.Equal(ClaimRefusalReason.Late, decision.Refusal!.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_claim_without_proof_of_payment_is_refused_UA_5_2(string? proof)
    {
        var decision = _claims.Decide(Monday, new DateTimeOffset(2026, 3, 3, 10, 0, 0, KyivWinter), proof);

        Assert.Equal(ClaimRefusalReason.NoProofOfPayment, decision.Refusal!.Reason);
        Assert.Equal("UA-5.2", decision.Refusal.Rule);
    }

    [Fact]
    public void A_claim_about_an_event_dated_after_the_filing_day_is_refused_UA_5_1()
    {
        var decision = _claims.Decide(Monday.AddDays(1), new DateTimeOffset(2026, 3, 2, 10, 0, 0, KyivWinter), "PP-1042");

        Assert.Equal(ClaimRefusalReason.EventInTheFuture, decision.Refusal!.Reason);
    }

    [Fact]
    public void An_accepted_claim_is_answered_by_the_end_of_the_fourteenth_business_day_after_filing_UA_5_1()
    {
        // Filed Monday 2 March: business days 3-6, 9-13 and 16-20 March; the 14th is Friday 20 March.
        var decision = _claims.Decide(Monday, new DateTimeOffset(2026, 3, 2, 18, 0, 0, KyivWinter), "PP-1042");

        Assert.Equal(new DateTimeOffset(2026, 3, 21, 0, 0, 0, KyivWinter), decision.Accepted!.AnswerBy);
        Assert.Equal("UA-5.1", decision.Accepted.AnswerRule);
    }

    [Fact]
    public void The_answer_deadline_skips_weekends_and_follows_Kyiv_into_summer_time_UA_5_1()
    {
        // Filed Friday 13 March: 14 business days end on Thursday 2 April, after the clocks moved on 29 March.
        var decision = _claims.Decide(new DateOnly(2026, 3, 13), new DateTimeOffset(2026, 3, 13, 12, 0, 0, KyivWinter), "PP-1042");

        Assert.Equal(new DateTimeOffset(2026, 4, 3, 0, 0, 0, KyivSummer), decision.Accepted!.AnswerBy);
    }

    [Fact]
    public void The_kz_offer_has_no_written_claim_procedure_so_kz_zones_have_no_claim_rule()
    {
        Assert.Null(Rules.Claims("kz"));
        Assert.Null(Rules.Claims("қаз"));
        Assert.NotNull(Rules.Claims("com.ua"));
    }
}
