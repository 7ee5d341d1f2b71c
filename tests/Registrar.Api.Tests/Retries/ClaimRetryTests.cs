using Moq;
using Registrar.Api.Claims;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;
using Registrar.Testing;
using static Registrar.Api.Tests.Retries.RetryHarness;

namespace Registrar.Api.Tests.Retries;

/// <summary>UA-5.1 on Azurite: a claim, and its answer, retried after a failure or a lost answer are kept and audited once.</summary>
[Collection(RetryStorageCollection.Name)]
public sealed class ClaimRetryTests
{
    private const string CustomerId = "cust-c";
    private static readonly string RegistrationId = RegistrationIds.For("O00000000000000c1", 0);

    private readonly RetryHarness _harness;
    private readonly FailingAudit<ClaimAudit> _audit;
    private readonly ClaimHandlers _handlers;

    public ClaimRetryTests(AzuriteFixture azurite)
    {
        _harness = new RetryHarness(azurite);
        _audit = new FailingAudit<ClaimAudit>(new AuditLog<ClaimAudit>(_harness.Storage));
        var zones = ZoneCatalog.LoadEmbedded();
        _handlers = new ClaimHandlers(Authenticator(), new RegistrationViewStore(_harness.Storage),
            new ContractRules(zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(zones)), new ClaimStore(_harness.Storage), _audit,
            _harness.Idempotency, Mock.Of<IInvoiceStore<Invoice>>(), _harness.Clock);
    }

    [Fact]
    public async Task A_claim_retried_with_its_Idempotency_Key_gets_the_first_answer_and_is_kept_and_audited_once_UA_5_1()
    {
        await HoldAsync();
        var (status, first) = await FileAsync("claim-1");
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (retryStatus, retried) = await FileAsync("claim-1");

        Assert.Equal((201, 201), (status, retryStatus));
        Assert.Equal(first.GetRawText(), retried.GetRawText());
        Assert.Equal(1, await _harness.RowsAsync("claims"));
        Assert.Single(await AuditAsync(first.GetProperty("claimId").GetString()!));
    }

    [Fact]
    public async Task A_claim_whose_audit_entry_failed_is_completed_by_its_retry_as_first_filed_with_one_claim_and_one_entry_UA_5_1()
    {
        await HoldAsync();
        _audit.FailNext();
        await Assert.ThrowsAsync<IOException>(() => FileAsync("claim-2"));
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (status, claim) = await FileAsync("claim-2");

        Assert.Equal(201, status);
        Assert.Equal(Start, claim.GetProperty("filedAt").GetDateTimeOffset());
        Assert.Equal(1, await _harness.RowsAsync("claims"));
        var entry = Assert.Single(await AuditAsync(claim.GetProperty("claimId").GetString()!));
        Assert.Equal(("filed", Start), (entry.Action, entry.At));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_another_claim_is_a_422_and_files_nothing_more()
    {
        await HoldAsync();
        await FileAsync("claim-3");

        var (status, problem) = await FileAsync("claim-3", text: "Another claim.");

        Assert.Equal(422, status);
        Assert.Equal("/problems/idempotency-key-reused", problem.GetProperty("type").GetString());
        Assert.Equal(1, await _harness.RowsAsync("claims"));
    }

    [Fact]
    public async Task An_answer_whose_audit_entry_failed_is_given_again_to_the_same_answer_and_audited_once_another_answer_stays_409_UA_5_1()
    {
        await HoldAsync();
        var claimId = (await FileAsync("claim-4")).Body.GetProperty("claimId").GetString()!;
        _harness.Clock.Advance(TimeSpan.FromHours(1));
        _audit.FailNext();
        await Assert.ThrowsAsync<IOException>(() => AnswerAsync(claimId, "Fixed the delegation."));
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (status, answered) = await AnswerAsync(claimId, "Fixed the delegation.");
        var (againStatus, _) = await AnswerAsync(claimId, "Fixed the delegation.");
        var (otherStatus, other) = await AnswerAsync(claimId, "Another answer.");

        Assert.Equal((200, 200, 409), (status, againStatus, otherStatus));
        Assert.Equal(Start.AddHours(1), answered.GetProperty("answer").GetProperty("at").GetDateTimeOffset());
        Assert.Contains("answered once", other.GetProperty("detail").GetString());
        var entries = await AuditAsync(claimId);
        Assert.Equal([("answered", Start.AddHours(1)), ("filed", Start)], entries.Select(e => (e.Action, e.At)));
    }

    private Task HoldAsync() => new RegistrationViewStore(_harness.Storage).RecordAsync(
        new RegistrationView(RegistrationId, CustomerId, "shop.com.ua", "shop.com.ua", "com.ua", RegistrationPhase.Registered, Start.AddYears(1)), 1, default);

    private async Task<(int Status, System.Text.Json.JsonElement Body)> FileAsync(string idempotencyKey, string text = "The domain stopped resolving.") =>
        await ReadAsync(await _handlers.FileAsync(Post("/api/claims",
            new { registrationId = RegistrationId, disputedOn = DateOnly.FromDateTime(Start.Date), text, proofOfPayment = "Payment order 4411 of 2026-11-02" },
            idempotencyKey, StorefrontKey, CustomerId), default));

    private async Task<(int Status, System.Text.Json.JsonElement Body)> AnswerAsync(string claimId, string text) =>
        await ReadAsync(await _handlers.AnswerAsync(Post($"/api/ops/claims/{claimId}/answer", new { answeredBy = "Olena Kovalenko", text }, null),
            claimId, default));

    private Task<List<AuditEntry<ClaimAudit>>> AuditAsync(string claimId) => _audit.ReadNewestFirstAsync(claimId, 10, default).ToListAsync().AsTask();
}
