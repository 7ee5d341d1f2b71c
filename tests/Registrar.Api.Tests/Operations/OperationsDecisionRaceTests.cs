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
using Registrar.Testing;
using static Registrar.Api.Tests.Retries.RetryHarness;

namespace Registrar.Api.Tests.Operations;

/// <summary>POST /api/ops/registrations/{id}/decisions on Azurite: decisions made at the same moment all read the view the
/// lifecycle last recorded, so the one claimed first on it is taken, as a trademark review is, and the others are a 409.</summary>
[Collection(RetryStorageCollection.Name)]
public sealed class OperationsDecisionRaceTests(AzuriteFixture azurite)
{
    private const string RegistrationId = "O0000000000000601-1";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 1, 57, 0, TimeSpan.Zero);
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();

    private readonly BankHarness.RecordedEvents _events = new();

    [Fact]
    public async Task Of_two_breach_notices_made_on_the_same_day_one_is_taken_with_its_cure_deadline_and_the_other_is_a_409_KZ_App_4()
    {
        var handlers = Handlers();
        var body = new { kind = "breach-notice", reason = "false registrant data" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ => await ReadAsync(await handlers.DecideAsync(
            Post($"/api/ops/registrations/{RegistrationId}/decisions", body, idempotencyKey: null), RegistrationId, default))));

        var taken = Assert.Single(answers, a => a.Status == 202);
        var refused = Assert.Single(answers, a => a.Status == 409);
        Assert.Equal("KZ-App-4", refused.Body.GetProperty("rule").GetString());
        var notice = Assert.IsType<BreachNotice>(Assert.IsType<OperationsDecided>(Assert.Single(_events.Raised.DistinctBy(e => e.EventId))).Decision);
        Assert.Equal(notice.CureDeadline, taken.Body.GetProperty("cureDeadline").GetDateTimeOffset());
    }

    private OperationsDecisionHandlers Handlers()
    {
        var views = new Mock<IRegistrationViews>();
        views.Setup(v => v.FindSequencedAsync(RegistrationId, It.IsAny<CancellationToken>())).ReturnsAsync(new SequencedRegistrationView(
            new RegistrationView(RegistrationId, "cust-1", "opsone.kz", "opsone.kz", "kz", RegistrationPhase.Registered, Now.AddYears(1)), 12));
        var clock = new FakeTimeProvider(Now);
        var terms = new ContractTermsCatalog(Zones);
        var claims = new RegistrationDecisionClaimStore(new RetryHarness(azurite).Storage);
        return new OperationsDecisionHandlers(Authenticator(), views.Object,
            new OperationsDecisionReader(new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), terms), terms, new ZoneDeadlines(Zones, BusinessCalendars.LoadEmbedded())),
            new RegistrationActions(_events, Mock.Of<IAuditLog<RegistrationAudit>>(), claims, clock), clock);
    }
}
