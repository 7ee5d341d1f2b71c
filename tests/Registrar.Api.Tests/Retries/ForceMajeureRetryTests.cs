using System.Text.Json;
using Registrar.Api.Operations;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;
using Registrar.Testing;
using static Registrar.Api.Tests.Retries.RetryHarness;

namespace Registrar.Api.Tests.Retries;

/// <summary>UA-7.3 on Azurite: a force majeure notice retried after a failure or a lost answer is kept and audited once.</summary>
[Collection(RetryStorageCollection.Name)]
public sealed class ForceMajeureRetryTests
{
    private readonly RetryHarness _harness;
    private readonly FailingAudit<ForceMajeureAudit> _audit;
    private readonly ForceMajeureHandlers _handlers;

    public ForceMajeureRetryTests(AzuriteFixture azurite)
    {
        _harness = new RetryHarness(azurite);
        _audit = new FailingAudit<ForceMajeureAudit>(new AuditLog<ForceMajeureAudit>(_harness.Storage));
        var zones = ZoneCatalog.LoadEmbedded();
        _handlers = new ForceMajeureHandlers(Authenticator(), zones, new ContractRules(zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(zones)),
            new ForceMajeureNoticeStore(_harness.Storage), _audit, _harness.Idempotency, _harness.Clock);
    }

    [Fact]
    public async Task A_notice_retried_with_its_Idempotency_Key_gets_the_first_answer_and_is_kept_and_audited_once_UA_7_3()
    {
        var (status, first) = await RecordAsync("notice-1");
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (retryStatus, retried) = await RecordAsync("notice-1");

        Assert.Equal((201, 201), (status, retryStatus));
        Assert.Equal(first.GetRawText(), retried.GetRawText());
        Assert.Equal(1, await _harness.RowsAsync("forcemajeurenotices"));
        Assert.Single(await AuditAsync(first.GetProperty("noticeId").GetString()!));
    }

    [Fact]
    public async Task A_notice_whose_audit_entry_failed_is_completed_by_its_retry_as_first_recorded_with_one_notice_and_one_entry_UA_7_3()
    {
        _audit.FailNext();
        await Assert.ThrowsAsync<IOException>(() => RecordAsync("notice-2"));
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (status, notice) = await RecordAsync("notice-2");

        Assert.Equal(201, status);
        Assert.Equal(Start, notice.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.Equal(1, await _harness.RowsAsync("forcemajeurenotices"));
        var entry = Assert.Single(await AuditAsync(notice.GetProperty("noticeId").GetString()!));
        Assert.Equal(("recorded", Start), (entry.Action, entry.At));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_another_notice_is_a_422_and_records_nothing_more()
    {
        await RecordAsync("notice-3");

        var (status, problem) = await RecordAsync("notice-3", circumstance: "Another circumstance.");

        Assert.Equal(422, status);
        Assert.Equal("/problems/idempotency-key-reused", problem.GetProperty("type").GetString());
        Assert.Equal(1, await _harness.RowsAsync("forcemajeurenotices"));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1999-12-31")]
    public async Task A_notice_of_a_force_majeure_before_any_contract_here_began_is_the_clients_error_and_records_nothing_UA_7_3(string startedOn)
    {
        var (status, problem) = await RecordAsync("notice-4", startedOn: DateOnly.Parse(startedOn, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(400, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("startedOn", out _), problem.GetRawText());
        Assert.Equal(0, await _harness.RowsAsync("forcemajeurenotices"));
    }

    [Fact]
    public async Task A_force_majeure_proof_dated_before_its_notice_is_refused_and_records_nothing_UA_7_3()
    {
        var startedOn = DateOnly.FromDateTime(Start.Date).AddDays(-5);

        var (status, problem) = await ReadAsync(await _handlers.RecordAsync(Post("/api/ops/force-majeure",
            new
            {
                zone = "ua", party = "Registrar", circumstance = "The data centre flooded.", startedOn, notifiedOn = startedOn.AddDays(2),
                provedOn = startedOn.AddDays(1), recordedBy = "Olena Koval"
            }, "notice-5"), default));

        Assert.Equal(400, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("provedOn", out _), problem.GetRawText());
        Assert.Equal(0, await _harness.RowsAsync("forcemajeurenotices"));
    }

    private async Task<(int Status, JsonElement Body)> RecordAsync(string idempotencyKey, string circumstance = "The data centre flooded.", DateOnly? startedOn = null)
    {
        startedOn ??= DateOnly.FromDateTime(Start.Date).AddDays(-1);
        return await ReadAsync(await _handlers.RecordAsync(Post("/api/ops/force-majeure",
            new { zone = "ua", party = "Registrar", circumstance, startedOn, notifiedOn = startedOn, recordedBy = "Olena Koval" }, idempotencyKey), default));
    }

    private Task<List<AuditEntry<ForceMajeureAudit>>> AuditAsync(string noticeId) => _audit.ReadNewestFirstAsync(noticeId, 10, default).ToListAsync().AsTask();
}
