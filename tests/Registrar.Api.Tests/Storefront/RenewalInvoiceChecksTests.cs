using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api.Storefront;
using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;

namespace Registrar.Api.Tests.Storefront;

/// <summary>KZ-2.7: what the storefront refuses at once when a customer asks for the renewal invoice, each naming its rule.</summary>
public sealed class RenewalInvoiceChecksTests
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    private static readonly RenewalInvoiceChecks Checks = new(new ZoneDeadlines(Zones, BusinessCalendars.LoadEmbedded()), Zones, BusinessCalendars.LoadEmbedded());

    /// <summary>A Tuesday: its three KZ banking days before are Thursday 10, Friday 11 and Monday 14 June.</summary>
    private static readonly DateTimeOffset Expiry = new(2027, 6, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_held_domain_before_its_renewal_deadline_may_ask_for_the_invoice_KZ_2_7()
    {
        var view = Registration("kz", RegistrationPhase.Registered);

        Assert.Null(Checks.NotHeld(view));
        Assert.Null(Checks.PastDeadline(view, Expiry.AddDays(-200)));
    }

    [Fact]
    public void A_contract_whose_end_a_notice_fixed_is_invoiced_no_renewal_naming_its_rule_UA_6_1()
    {
        var ending = Registration("com.ua", RegistrationPhase.Registered) with { ContractEnd = new ContractEnd("UA-6.1", Expiry.AddDays(-100)) };

        var problem = Refused(RenewalInvoiceChecks.ContractEnding(ending));

        Assert.Equal((409, "UA-6.1"), (problem.StatusCode, problem.ProblemDetails.Extensions["rule"]));
        Assert.Null(RenewalInvoiceChecks.ContractEnding(Registration("com.ua", RegistrationPhase.Registered)));
    }

    [Fact]
    public void Past_the_kz_renewal_deadline_the_request_is_refused_naming_KZ_2_7()
    {
        var problem = Refused(Checks.PastDeadline(Registration("kz", RegistrationPhase.Registered), Expiry.AddDays(-1)));

        Assert.Equal((409, "KZ-2.7"), (problem.StatusCode, problem.ProblemDetails.Extensions["rule"]));
        // Stated as the mails state it: the end of the banking day in Almaty, not the UTC instant.
        Assert.Matches(@"had to be paid by 2027-06-\d\d 23:59 \(UTC\+5\)\.$", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void An_expired_ua_domain_may_ask_until_its_deletion_and_is_refused_after_it_naming_UA_1_12()
    {
        var view = Registration("com.ua", RegistrationPhase.Expired);

        Assert.Null(Checks.PastDeadline(view, Expiry.AddDays(10)));
        var problem = Refused(Checks.PastDeadline(view, Expiry.AddDays(40)));
        Assert.Equal((409, "UA-1.12"), (problem.StatusCode, problem.ProblemDetails.Extensions["rule"]));
    }

    [Theory]
    [InlineData(RegistrationPhase.Renewing, "UA-1.7")]
    [InlineData(RegistrationPhase.Deleting, "KZ-2.8")]
    [InlineData(RegistrationPhase.TransferredAway, "KZ-2.7")]
    [InlineData(RegistrationPhase.CreatingDomain, "KZ-2.7")]
    public void A_paid_term_or_a_domain_not_held_here_is_refused_naming_the_rule_UA_1_7_KZ_2_8_KZ_2_7(RegistrationPhase phase, string rule)
    {
        var problem = Refused(Checks.NotHeld(Registration("kz", phase)));

        Assert.Equal((409, rule), (problem.StatusCode, problem.ProblemDetails.Extensions["rule"]));
    }

    [Fact]
    public async Task A_deadline_in_a_calendar_year_not_loaded_is_not_guessed_and_the_answer_says_when_to_ask_again_KZ_2_7_RFC_9110_10_2_3()
    {
        var view = Registration("kz", RegistrationPhase.Registered) with { ExpiresAt = new DateTimeOffset(2031, 1, 20, 10, 0, 0, TimeSpan.Zero) };
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        // Asked on 19 December 2030: the invoice's two banking days reach past 21 December, when the first reminder is due.
        await Checks.PastDeadline(view, new DateTimeOffset(2030, 12, 19, 10, 0, 0, TimeSpan.Zero))!.ExecuteAsync(context);

        Assert.Equal((503, "3600"), (context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString()));
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal("/problems/calendar-missing", problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void An_invoice_asked_for_years_before_a_deadline_in_a_year_not_loaded_is_not_refused_as_it_lapses_long_before_it_KZ_2_7_KZ_3_3()
    {
        var view = Registration("kz", RegistrationPhase.Registered) with { ExpiresAt = new DateTimeOffset(2036, 12, 6, 5, 0, 0, TimeSpan.Zero) };

        Assert.Null(Checks.PastDeadline(view, new DateTimeOffset(2029, 3, 2, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_renewal_that_would_take_the_expiry_past_the_registrys_maximum_is_refused_before_any_invoice_RFC5731_3_2_3()
    {
        // Ten years paid ahead: one more would end eleven years on, which the registry refuses (2306) after the customer paid.
        var now = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        var view = Registration("kz", RegistrationPhase.Registered) with { ExpiresAt = now.AddYears(10) };

        var problem = Refused(Checks.PastRegistryMaximum(view, now));

        Assert.Equal((409, "RFC 5731 section 3.2.3"), (problem.StatusCode, problem.ProblemDetails.Extensions["rule"]));
        Assert.Contains("10 years", problem.ProblemDetails.Detail);
        // In Almaty's time, as the mails state the expiry: 10:00 UTC is 15:00 there.
        Assert.Contains("is paid until 2036-12-03 15:00 (UTC+5)", problem.ProblemDetails.Detail);
        Assert.Null(Checks.PastRegistryMaximum(view with { ExpiresAt = now.AddYears(9) }, now));
    }

    private static ProblemHttpResult Refused(IResult? result) => Assert.IsType<ProblemHttpResult>(result);

    private static RegistrationView Registration(string zone, RegistrationPhase phase) =>
        new("O1-1", "cust-1", $"example.{zone}", $"example.{zone}", zone, phase, Expiry);
}
