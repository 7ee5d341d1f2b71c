using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Api.Tests.Retries;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Operations;

/// <summary>POST /api/ops/registrations/{id}/decisions: a decision the registration's view shows would change nothing (in force
/// already, the contract ending as soon or sooner) is a 409 naming the rule in force, with nothing raised or audited; one that
/// is taken is answered with the instant it puts in force.</summary>
public sealed class OperationsDecisionInForceTests
{
    private const string RegistrationId = "O0000000000000401-1";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();

    private readonly BankHarness.RecordedEvents _events = new();
    private readonly Mock<IAuditLog<RegistrationAudit>> _audit = new();
    private readonly FirstClaimStands _claims = new();
    private int _sequence = 7;
    private RegistrationView _view = new(RegistrationId, "cust-1", "opssix.kiev.ua", "opssix.kiev.ua", "kiev.ua", RegistrationPhase.Registered, Now.AddYears(1));

    [Fact]
    public async Task A_registrars_notice_repeated_while_the_first_runs_is_a_409_naming_it_and_audits_nothing_UA_1_3_4_1()
    {
        _view = _view with { ContractEnd = new ContractEnd("UA-1.3.4.1", Now.AddDays(30), TerminationGround.RegistrarNotice) };

        var (status, body) = await DecideAsync(new { kind = "termination", termination = "RegistrarNotice", reason = "again" });

        AssertRefused(status, body, "UA-1.3.4.1", "already ends");
    }

    [Fact]
    public async Task A_termination_for_breach_after_a_registrars_notice_is_taken_effective_at_once_UA_2_3_2_UA_1_3_4_1()
    {
        _view = _view with { ContractEnd = new ContractEnd("UA-1.3.4.1", Now.AddDays(30), TerminationGround.RegistrarNotice) };

        var (status, body) = await DecideAsync(new { kind = "termination", termination = "RegistrantBreach", reason = "breach now" });

        Assert.Equal(202, status);
        Assert.Equal(("UA-2.3.2", Now), (body.GetProperty("rule").GetString(), body.GetProperty("effectiveAt").GetDateTimeOffset()));
        Assert.IsType<OperationsDecided>(Assert.Single(_events.Raised));
        Assert.Single(_audit.Invocations);
    }

    [Fact]
    public async Task A_suspension_while_the_registrants_notice_ends_the_contract_is_a_409_naming_that_notice_UA_6_1()
    {
        _view = _view with { ContractEnd = new ContractEnd("UA-6.1", Now.AddDays(20), TerminationGround.RegistrantNotice) };

        var (status, body) = await DecideAsync(new { kind = "suspend", ground = "Malware", reason = "phishing" });

        AssertRefused(status, body, "UA-6.1", "already ends");
    }

    [Fact]
    public async Task A_second_suspension_is_a_409_naming_UA_2_3_1_and_audits_nothing_UA_2_3_1()
    {
        _view = _view with { SuspendedSince = Now.AddDays(-1) };

        var (status, body) = await DecideAsync(new { kind = "suspend", ground = "Malware", reason = "again" });

        AssertRefused(status, body, "UA-2.3.1", "suspended already");
    }

    [Fact]
    public async Task A_second_breach_notice_while_one_runs_is_a_409_naming_the_deadline_in_force_and_audits_nothing_KZ_App_4()
    {
        var cureBy = new DateTimeOffset(2027, 1, 5, 19, 0, 0, TimeSpan.Zero);
        _view = _view with { Zone = "kz", DisplayName = "leap.kz", BreachCureDeadline = cureBy };

        var (status, body) = await DecideAsync(new { kind = "breach-notice", reason = "second, 10 days later" });

        AssertRefused(status, body, "KZ-App-4", $"cure the breach until {cureBy:u}");
    }

    [Fact]
    public async Task A_breach_notice_is_answered_with_the_cure_deadline_it_puts_in_force_KZ_App_4()
    {
        _view = _view with { Zone = "kz", DisplayName = "leap.kz" };

        var (status, body) = await DecideAsync(new { kind = "breach-notice", reason = "first" });

        Assert.Equal((202, "KZ-App-4"), (status, body.GetProperty("rule").GetString()));
        var decided = Assert.IsType<BreachNotice>(Assert.IsType<OperationsDecided>(Assert.Single(_events.Raised)).Decision);
        Assert.Equal(decided.CureDeadline, body.GetProperty("cureDeadline").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("kiev.ua", """{"kind":"suspend","ground":"Malware","reason":"race"}""", "UA-2.3.1")]
    [InlineData("kz", """{"kind":"breach-notice","reason":"race"}""", "KZ-App-4")]
    [InlineData("kiev.ua", """{"kind":"termination","termination":"RegistrarNotice","reason":"race"}""", "UA-1.3.4.1")]
    [InlineData("kz", """{"kind":"dispute","outcome":"Block","document":"Court ruling 2-1/2026","reason":"race"}""", "KZ-App-2")]
    [InlineData("kz", """{"kind":"transfer-restriction","document":"Pledge agreement 1/2026","reason":"race"}""", "KZ-App-9")]
    public async Task Of_identical_decisions_made_at_the_same_moment_one_is_taken_and_the_others_are_a_409_naming_it_with_nothing_of_theirs_audited(
        string zone, string decision, string rule)
    {
        _view = _view with { Zone = zone };

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DecideAsync(JsonDocument.Parse(decision).RootElement)));

        Assert.Single(answers, a => a.Status == 202);
        Assert.All(answers.Where(a => a.Status != 202), a => Assert.Equal((409, rule), (a.Status, a.Body.GetProperty("rule").GetString())));
        Assert.All(answers.Where(a => a.Status != 202), a => Assert.Contains("at the same moment", a.Body.GetProperty("detail").GetString(), StringComparison.Ordinal));
        // Raising the same event again is a no-op for the lifecycle, and its audit entry is appended once under its id.
        var taken = Assert.Single(_events.Raised.DistinctBy(e => e.EventId));
        Assert.Equal([taken.EventId], _audit.Invocations.Select(i => (string)i.Arguments[1]).Distinct());
        Assert.Equal(answers.Single(a => a.Status == 202).Body.GetProperty("decisionId").GetString(), taken.EventId);
    }

    [Fact]
    public async Task A_suspension_judged_on_a_later_view_than_the_first_one_is_taken_again_UA_2_3_1()
    {
        var suspend = new { kind = "suspend", ground = "Malware", reason = "again, after the unsuspension" };
        Assert.Equal(202, (await DecideAsync(suspend)).Status);
        _sequence = 9; // the lifecycle suspended, then a later decision unsuspended, and recorded the view each time

        Assert.Equal(202, (await DecideAsync(suspend)).Status);
        Assert.Equal(2, _events.Raised.DistinctBy(e => e.EventId).Count());
    }

    private void AssertRefused(int status, JsonElement body, string rule, string why)
    {
        Assert.Equal((409, rule), (status, body.GetProperty("rule").GetString()));
        Assert.Contains(why, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_events.Raised);
        _audit.VerifyNoOtherCalls();
    }

    private async Task<(int Status, JsonElement Body)> DecideAsync(object body)
    {
        var views = new Mock<IRegistrationViews>();
        views.Setup(v => v.FindSequencedAsync(RegistrationId, It.IsAny<CancellationToken>())).ReturnsAsync(() => new(_view, _sequence));
        var clock = new FakeTimeProvider(Now);
        var terms = new ContractTermsCatalog(Zones);
        var handlers = new OperationsDecisionHandlers(RetryHarness.Authenticator(), views.Object,
            new OperationsDecisionReader(new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), terms), terms, new ZoneDeadlines(Zones, BusinessCalendars.LoadEmbedded())),
            new RegistrationActions(_events, _audit.Object, _claims, clock), clock);
        return await RetryHarness.ReadAsync(await handlers.DecideAsync(
            RetryHarness.Post($"/api/ops/registrations/{RegistrationId}/decisions", body, idempotencyKey: null), RegistrationId, default));
    }
}
