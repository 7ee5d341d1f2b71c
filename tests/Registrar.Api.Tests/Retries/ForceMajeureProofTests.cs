using System.Text.Json;
using Registrar.Api.Operations;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;
using Registrar.Testing;
using static Registrar.Api.Tests.Retries.RetryHarness;

namespace Registrar.Api.Tests.Retries;

/// <summary>UA-7.3 on Azurite: the proof of a force majeure, given after its notice, is recorded on it once.</summary>
[Collection(RetryStorageCollection.Name)]
public sealed class ForceMajeureProofTests
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    private static readonly DateOnly StartedOn = DateOnly.FromDateTime(Start.Date).AddDays(-40);
    private readonly RetryHarness _harness;
    private readonly AuditLog<ForceMajeureAudit> _audit;
    private readonly ForceMajeureHandlers _notices;
    private readonly ForceMajeureProofHandler _proofs;

    public ForceMajeureProofTests(AzuriteFixture azurite)
    {
        _harness = new RetryHarness(azurite);
        _audit = new AuditLog<ForceMajeureAudit>(_harness.Storage);
        var rules = new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(Zones));
        var store = new ForceMajeureNoticeStore(_harness.Storage);
        _notices = new ForceMajeureHandlers(Authenticator(), Zones, rules, store, _audit, _harness.Idempotency, _harness.Clock);
        _proofs = new ForceMajeureProofHandler(Authenticator(), rules, store, _audit, _harness.Clock);
    }

    [Fact]
    public async Task A_proof_given_within_30_days_after_the_notice_is_recorded_in_time_and_once_UA_7_3()
    {
        var noticeId = await RecordNoticeAsync();

        var (status, proved) = await ProveAsync(noticeId, StartedOn.AddDays(30));
        var (again, replayed) = await ProveAsync(noticeId, StartedOn.AddDays(30));

        Assert.Equal((200, 200), (status, again));
        Assert.Equal(("InTime", false), (proved.GetProperty("proof").GetString(), proved.GetProperty("late").GetBoolean()));
        Assert.Equal(proved.GetRawText(), replayed.GetRawText());
        Assert.Equal(["proved", "recorded"], (await _audit.ReadNewestFirstAsync(noticeId, 10, default).ToListAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task A_proof_after_30_days_is_late_and_a_second_day_is_refused_UA_7_3()
    {
        var noticeId = await RecordNoticeAsync();

        var (status, proved) = await ProveAsync(noticeId, StartedOn.AddDays(31));
        var (other, _) = await ProveAsync(noticeId, StartedOn.AddDays(32));
        var (future, _) = await ProveAsync(noticeId, DateOnly.FromDateTime(Start.Date).AddDays(2));

        Assert.Equal((200, 409, 400), (status, other, future));
        Assert.Equal("Late", proved.GetProperty("proof").GetString());
    }

    [Fact]
    public async Task A_force_majeure_proof_dated_before_its_notice_is_refused_and_leaves_the_notice_unproved_UA_7_3()
    {
        var noticeId = await RecordNoticeAsync(notifiedOn: StartedOn.AddDays(2));

        var (status, problem) = await ProveAsync(noticeId, StartedOn.AddDays(1));

        Assert.Equal(400, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("provedOn", out _), problem.GetRawText());
        Assert.Equal(["recorded"], (await _audit.ReadNewestFirstAsync(noticeId, 10, default).ToListAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task A_proof_for_no_notice_is_a_404()
    {
        Assert.Equal(404, (await ProveAsync("F00000000000000ff", StartedOn)).Status);
    }

    private async Task<string> RecordNoticeAsync(DateOnly? notifiedOn = null)
    {
        var (_, notice) = await ReadAsync(await _notices.RecordAsync(Post("/api/ops/force-majeure",
            new { zone = "ua", party = "Registrar", circumstance = "The data centre flooded.", startedOn = StartedOn, notifiedOn = notifiedOn ?? StartedOn, recordedBy = "Olena Koval" },
            Guid.NewGuid().ToString("N")), default));
        Assert.Equal("Missing", notice.GetProperty("proof").GetString());
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        return notice.GetProperty("noticeId").GetString()!;
    }

    private async Task<(int Status, JsonElement Body)> ProveAsync(string noticeId, DateOnly provedOn) =>
        await ReadAsync(await _proofs.RecordAsync(Post($"/api/ops/force-majeure/{noticeId}/proof", new { provedOn, recordedBy = "Olena Koval" }, null), noticeId, default));
}
