using System.Text.Json;
using Registrar.Testing;
using static Registrar.Api.Tests.Whois.DisclosureHarness;
using static Registrar.Api.Tests.Whois.WhoisSamples;

namespace Registrar.Api.Tests.Whois;

/// <summary>UA-1.16 on Azurite: a request, and each of its steps, retried after a failure between the write and its audit
/// entry or after a lost answer, is kept and audited once; the data leave once.</summary>
[Collection(WhoisStorageCollection.Name)]
public sealed class DisclosureRetryTests(AzuriteFixture azurite)
{
    private static object Letter(string documentReference = "No. 123/45 of 2026-11-20") => new
    {
        domain = "shop.com.ua",
        requester = "Cyber Police Department of the National Police of Ukraine",
        legalBasis = "Criminal Procedure Code of Ukraine, art. 93",
        documentReference,
        requestedFields = new[] { "RegistrantName", "RegistrantEmail" },
        recordedBy = "Olena Koval",
    };

    [Fact]
    public async Task A_request_retried_with_its_Idempotency_Key_gets_the_first_answer_and_is_recorded_and_audited_once_UA_1_16()
    {
        var harness = await HarnessAsync();
        var (status, first) = await RecordAsync(harness, "letter-1");
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (retryStatus, retried) = await RecordAsync(harness, "letter-1");

        Assert.Equal((201, 201), (status, retryStatus));
        Assert.Equal(first.GetRawText(), retried.GetRawText());
        // The request, and its one audit entry under the request and under the registration.
        Assert.Equal(3, await harness.RowsAsync());
    }

    [Fact]
    public async Task A_request_whose_audit_entry_failed_is_completed_by_its_retry_so_one_request_is_there_to_approve_UA_1_16()
    {
        var harness = await HarnessAsync();
        harness.Audit.FailNext();
        await Assert.ThrowsAsync<IOException>(() => RecordAsync(harness, "letter-2"));
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (status, recorded) = await RecordAsync(harness, "letter-2");

        Assert.Equal(201, status);
        var request = recorded.GetProperty("request");
        Assert.Equal(Start, request.GetProperty("recordedAt").GetDateTimeOffset());
        var entry = Assert.Single(await harness.Audit.ReadNewestFirstAsync(request.GetProperty("requestId").GetString()!, 10, default).ToListAsync());
        Assert.Equal(("recorded", Start), (entry.Action, entry.At));
        Assert.Equal(3, await harness.RowsAsync());
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_another_letter_is_a_422_and_records_nothing_more()
    {
        var harness = await HarnessAsync();
        await RecordAsync(harness, "letter-3");

        var (status, problem) = await RecordAsync(harness, "letter-3", Letter(documentReference: "No. 124/45 of 2026-11-21"));

        Assert.Equal(422, status);
        Assert.Equal("/problems/idempotency-key-reused", problem.GetProperty("type").GetString());
        Assert.Equal(3, await harness.RowsAsync());
    }

    [Fact]
    public async Task An_approval_whose_audit_entry_failed_is_given_again_to_the_same_approver_and_audited_once_another_approver_is_409_UA_1_16()
    {
        var harness = await HarnessAsync();
        var id = await RecordedIdAsync(harness);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        harness.Audit.FailNext();
        await Assert.ThrowsAsync<IOException>(() => harness.Handlers.ApproveAsync(Post(new { approvedBy = "Petro Melnyk" }), id, default));
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (status, view) = await ReadAsync(await harness.Handlers.ApproveAsync(Post(new { approvedBy = "Petro Melnyk" }), id, default));
        var (otherStatus, _) = await ReadAsync(await harness.Handlers.ApproveAsync(Post(new { approvedBy = "Ivan Shevchenko" }), id, default));

        Assert.Equal((200, 409), (status, otherStatus));
        Assert.Equal(["approved", "recorded"], view.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(Start.AddHours(1), view.GetProperty("history")[0].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_disclosure_whose_audit_entry_failed_gives_its_retry_the_recorded_fields_once_and_the_history_holds_disclosed_once_UA_1_16()
    {
        var harness = await HarnessAsync();
        var id = await RecordedIdAsync(harness);
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await harness.Handlers.ApproveAsync(Post(new { approvedBy = "Petro Melnyk" }), id, default);
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        harness.Audit.FailNext();
        await Assert.ThrowsAsync<IOException>(() => harness.Handlers.DiscloseAsync(Post(new { disclosedBy = "Petro Melnyk" }), id, default));
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var (status, answer) = await ReadAsync(await harness.Handlers.DiscloseAsync(Post(new { disclosedBy = "Petro Melnyk" }), id, default));
        var (againStatus, again) = await ReadAsync(await harness.Handlers.DiscloseAsync(Post(new { disclosedBy = "Petro Melnyk" }), id, default));

        Assert.Equal((200, 409), (status, againStatus));
        Assert.Equal(Start.AddHours(1), answer.GetProperty("disclosedAt").GetDateTimeOffset());
        Assert.Equal(["RegistrantName", "RegistrantEmail"], answer.GetProperty("data").EnumerateObject().Select(p => p.Name));
        Assert.Contains("was answered at", again.GetProperty("detail").GetString());
        var (_, view) = await ReadAsync(await harness.Handlers.GetAsync(Get(), id, default));
        Assert.Equal(["disclosed", "approved", "recorded"], view.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
    }

    private async Task<DisclosureHarness> HarnessAsync()
    {
        var harness = new DisclosureHarness(azurite);
        await harness.HoldAsync("shop.com.ua", "com.ua", Person("UA"));
        return harness;
    }

    private static async Task<(int Status, JsonElement Body)> RecordAsync(DisclosureHarness harness, string? idempotencyKey, object? letter = null) =>
        await ReadAsync(await harness.Handlers.RecordAsync(Post(letter ?? Letter(), idempotencyKey: idempotencyKey), default));

    private static async Task<string> RecordedIdAsync(DisclosureHarness harness) =>
        (await RecordAsync(harness, idempotencyKey: null)).Body.GetProperty("request").GetProperty("requestId").GetString()!;
}
