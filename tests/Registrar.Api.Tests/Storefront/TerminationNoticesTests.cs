using Microsoft.AspNetCore.Http;
using Registrar.Api.Storefront;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Zones;

namespace Registrar.Api.Tests.Storefront;

/// <summary>When the registrant's notice ends the contract (UA-6.1, UA-6.4), in Kyiv time.</summary>
public sealed class TerminationNoticesTests
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    private static readonly TerminationNotices Notices = new(new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(Zones)));

    // 1 December 2026, 14:00 in Kyiv (UTC+2); the term ends when the registry's expiry does, 15 June 2027.
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_dated_notice_ends_the_contract_at_the_end_of_that_day_UA_6_1()
    {
        var (request, _) = Notices.Read(new DateOnly(2027, 1, 10), Registration("com.ua"), Now);

        Assert.Equal(new TerminationRequest(new DateTimeOffset(2027, 1, 10, 22, 0, 0, TimeSpan.Zero), "UA-6.1", Expiry), request);
    }

    [Theory]
    [InlineData("2026-12-15")]
    [InlineData("2026-12-01")]
    [InlineData("0001-01-01")]
    public void A_date_sooner_than_15_days_after_the_notice_is_refused_naming_endsOn_and_the_earliest_date_UA_6_1(string endsOn)
    {
        var (request, problem) = Notices.Read(DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture), Registration("ua"), Now);

        Assert.Null(request);
        Assert.Equal(StatusCodes.Status400BadRequest, problem!.StatusCode);
        var message = Assert.Single(Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails).Errors["endsOn"]);
        Assert.Contains("from 2026-12-16 to 2027-06-15", message);
        Assert.Contains("UA-6.1", message);
    }

    [Fact]
    public void A_notice_is_given_when_it_is_proved_so_its_15_days_are_counted_again_then_UA_6_1_UA_1_5_8()
    {
        var notice = Assert.IsType<TerminationRequest>(Notices.Read(new DateOnly(2026, 12, 16), Registration("ua"), Now).Request);
        var undated = Assert.IsType<TerminationRequest>(Notices.Read(null, Registration("ua"), Now).Request);

        Assert.Null(Notices.NoLongerInTime(notice, Registration("ua"), Now.AddHours(1)));
        Assert.Contains("from 2026-12-17", Notices.NoLongerInTime(notice, Registration("ua"), Now.AddDays(1)));
        Assert.Null(Notices.NoLongerInTime(undated, Registration("ua"), Now.AddDays(1)));
    }

    [Fact]
    public void A_date_15_days_after_the_notice_ends_the_contract_at_the_end_of_that_day_UA_6_1()
    {
        var (request, _) = Notices.Read(new DateOnly(2026, 12, 16), Registration("ua"), Now);

        Assert.Equal(new DateTimeOffset(2026, 12, 16, 22, 0, 0, TimeSpan.Zero), Assert.IsType<TerminationRequest>(request).EndsAt);
    }

    [Fact]
    public void An_undated_notice_in_time_stops_the_terms_renewal_and_ends_the_contract_when_the_term_does_at_its_expiry_UA_6_4()
    {
        var (request, _) = Notices.Read(null, Registration("kiev.ua"), Now);

        // A year from the moment of payment: the term ends at the registry's expiry, 15 June 12:00 in Kyiv, not at the midnight before.
        Assert.Equal(new TerminationRequest(Expiry, "UA-6.4", Expiry), request);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void An_undated_notice_on_a_registration_paid_years_ahead_ends_the_contract_with_the_term_paid_never_a_paid_year_sooner_UA_6_4_UA_1_5_5(
        int yearsMore)
    {
        // The registry's expiry is 15 June 2028 (or 2036), 12:00 in Kyiv: the yearly periods up to it are paid, and UA-1.5.5 refunds none.
        var paidUntil = Expiry.AddYears(yearsMore);

        var (request, _) = Notices.Read(null, Registration("com.ua") with { ExpiresAt = paidUntil }, Now);

        Assert.Equal(new TerminationRequest(paidUntil, "UA-6.4", paidUntil), request);
    }

    [Fact]
    public void An_undated_notice_days_before_a_yearly_anniversary_within_a_longer_term_is_taken_for_the_terms_end_UA_6_4()
    {
        // Ten days before the first anniversary (15 June 2027) of a term paid until 15 June 2028: not too late, as the term runs on.
        var paidUntil = Expiry.AddYears(1);

        var (request, problem) = Notices.Read(null, Registration("com.ua") with { ExpiresAt = paidUntil }, Expiry.AddDays(-10));

        Assert.Null(problem);
        Assert.Equal(new TerminationRequest(paidUntil, "UA-6.4", paidUntil), request);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-25)]
    [InlineData(1)]
    public void An_undated_notice_on_the_terms_last_day_is_refused_before_its_expiry_hour_and_after_it_UA_6_4(int hoursFromExpiry)
    {
        // Before the hour it comes too late to stop this term's renewal; after it the term paid for has ended, and the next
        // one it would end is not paid for.
        var (request, problem) = Notices.Read(null, Registration("com.ua"), Expiry.AddHours(hoursFromExpiry));

        Assert.Null(request);
        Assert.Equal(400, problem!.StatusCode);
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(15, false)]
    public void A_term_ending_at_local_midnight_counts_its_15_days_back_from_the_day_it_ends_UA_6_4(int daysBefore, bool accepted)
    {
        // 15 June 2027 at 00:00 in Kyiv ends the term as 14 June ends.
        var midnight = new DateTimeOffset(2027, 6, 15, 0, 0, 0, TimeSpan.FromHours(3));

        var (request, _) = Notices.Read(null, Registration("com.ua") with { ExpiresAt = midnight }, midnight.AddDays(-daysBefore).AddHours(12));

        Assert.Equal(accepted ? new TerminationRequest(midnight, "UA-6.4", midnight) : null, request);
    }

    [Fact]
    public void An_undated_notice_less_than_15_days_before_the_term_ends_is_refused_naming_the_last_day_UA_6_4()
    {
        var (request, problem) = Notices.Read(null, Registration("com.ua"), Expiry.AddDays(-10));

        Assert.Null(request);
        Assert.Equal((400, "UA-6.4"), (problem!.StatusCode, problem.ProblemDetails.Extensions["rule"]));
        Assert.Contains("2027-05-31", problem.ProblemDetails.Detail);
        // Ten days before the term ends, no dated notice fits in it either: the answer does not send the customer to one.
        Assert.Contains("early deletion", problem.ProblemDetails.Detail);
        Assert.DoesNotContain("give the date", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void An_undated_notice_15_days_before_a_term_ending_on_29_February_ends_the_contract_at_that_expiry_UA_6_4()
    {
        // The registry's expiry: 29 February 2028, 12:00 in Kyiv (UTC+2); the notice on 14 February, 12:00.
        var leapExpiry = new DateTimeOffset(2028, 2, 29, 10, 0, 0, TimeSpan.Zero);

        var (request, problem) = Notices.Read(null, Registration("com.ua") with { ExpiresAt = leapExpiry }, new DateTimeOffset(2028, 2, 14, 10, 0, 0, TimeSpan.Zero));

        Assert.Null(problem);
        Assert.Equal(new TerminationRequest(leapExpiry, "UA-6.4", leapExpiry), request);
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("қаз")]
    public void The_kz_offer_has_no_termination_by_notice_UA_6_1(string zone)
    {
        var (request, problem) = Notices.Read(new DateOnly(2027, 1, 10), Registration(zone), Now);

        Assert.Null(request);
        Assert.Equal((409, "UA-6.1"), (problem!.StatusCode, problem.ProblemDetails.Extensions["rule"]));
    }

    [Fact]
    public void A_registration_not_yet_at_the_registry_has_no_term_to_end_and_is_refused_not_failed_UA_6_1()
    {
        var (request, problem) = Notices.Read(null, Registration("com.ua") with { Phase = RegistrationPhase.CreatingDomain, ExpiresAt = null }, Now);

        Assert.Null(request);
        Assert.Equal(409, problem!.StatusCode);
    }

    [Fact]
    public void A_date_on_the_day_the_term_ends_ends_the_contract_with_the_term_at_the_registrys_expiry_not_at_midnight_after_it_UA_6_1_UA_6_4()
    {
        var (request, problem) = Notices.Read(new DateOnly(2027, 6, 15), Registration("com.ua"), Now);
        var (dayBefore, _) = Notices.Read(new DateOnly(2027, 6, 14), Registration("com.ua"), Now);

        Assert.Null(problem);
        Assert.Equal(new TerminationRequest(Expiry, "UA-6.1", Expiry), request);
        Assert.Equal(new DateTimeOffset(2027, 6, 14, 21, 0, 0, TimeSpan.Zero), Assert.IsType<TerminationRequest>(dayBefore).EndsAt);
    }

    [Theory]
    [InlineData("2027-06-16")]
    [InlineData("2037-06-01")]
    [InlineData("9999-12-31")]
    public void A_date_past_the_term_paid_now_is_refused_naming_endsOn_and_the_latest_date_it_may_name_UA_6_1_UA_6_4(string endsOn)
    {
        var (request, problem) = Notices.Read(DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture), Registration("com.ua"), Now);

        Assert.Null(request);
        Assert.Equal((400, "UA-6.1"), (problem!.StatusCode, problem.ProblemDetails.Extensions["rule"]));
        var message = Assert.Single(Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails).Errors["endsOn"]);
        Assert.Contains("UA-6.4", message);
        Assert.Contains("Name 2027-06-15 at the latest", message);
    }

    [Fact]
    public void A_notice_too_late_for_any_date_within_the_term_is_refused_saying_so_UA_6_1_UA_6_4()
    {
        // Ten days before the term ends, the soonest end a notice has (15 days on) is past it.
        var (request, problem) = Notices.Read(new DateOnly(2027, 6, 10), Registration("com.ua"), Expiry.AddDays(-10));

        Assert.Null(request);
        Assert.Equal(400, problem!.StatusCode);
        Assert.Contains("2027-06-20 at the soonest", problem.ProblemDetails.Detail);
    }

    private static RegistrationView Registration(string zone) =>
        new("r-1", "cust-1", $"example.{zone}", $"example.{zone}", zone, RegistrationPhase.Registered, Expiry);
}
