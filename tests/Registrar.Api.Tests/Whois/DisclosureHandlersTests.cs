using System.Text.Json;
using Registrar.Core.Registrations;
using Registrar.Testing;
using static Registrar.Api.Tests.Whois.DisclosureHarness;
using static Registrar.Api.Tests.Whois.WhoisSamples;

namespace Registrar.Api.Tests.Whois;

/// <summary>UA-1.16 through the operations endpoints, on Azurite: recorded, approved by a second person, disclosed once,
/// each step audited; every refusal a problem that changes nothing.</summary>
[Collection(WhoisStorageCollection.Name)]
public sealed class DisclosureHandlersTests(AzuriteFixture azurite)
{
    private static object Letter(string domain = "shop.com.ua", string[]? fields = null, string recordedBy = "Olena Koval") => new
    {
        domain,
        requester = "Cyber Police Department of the National Police of Ukraine",
        legalBasis = "Criminal Procedure Code of Ukraine, art. 93",
        documentReference = "No. 123/45 of 2026-11-20",
        requestedFields = fields ?? ["RegistrantName", "RegistrantEmail", "RegistrantPhone"],
        recordedBy,
    };

    private static async Task<string> RecordAsync(DisclosureHarness harness, object? letter = null)
    {
        var (status, body) = await ReadAsync(await harness.Handlers.RecordAsync(Post(letter ?? Letter()), default));
        Assert.Equal(201, status);
        return body.GetProperty("request").GetProperty("requestId").GetString()!;
    }

    [Fact]
    public async Task An_approved_request_discloses_the_registrants_current_data_once_and_records_which_fields_and_when_UA_1_16()
    {
        var harness = new DisclosureHarness(azurite);
        await harness.HoldAsync("shop.com.ua", "com.ua", Person("UA"));
        var id = await RecordAsync(harness);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(200, (await ReadAsync(await harness.Handlers.ApproveAsync(Post(new { approvedBy = "Petro Melnyk" }), id, default))).Status);
        harness.Clock.Advance(TimeSpan.FromHours(1));

        var (status, answer) = await ReadAsync(await harness.Handlers.DiscloseAsync(Post(new { disclosedBy = "Petro Melnyk" }), id, default));

        Assert.Equal(200, status);
        var data = answer.GetProperty("data");
        Assert.Equal(("Aigerim Serikovna", "aigerim@mail.example", "+7.7012345678"),
            (data.GetProperty("RegistrantName").GetString(), data.GetProperty("RegistrantEmail").GetString(), data.GetProperty("RegistrantPhone").GetString()));
        var (_, view) = await ReadAsync(await harness.Handlers.GetAsync(Get(), id, default));
        var request = view.GetProperty("request");
        Assert.Equal("Disclosed", request.GetProperty("status").GetString());
        Assert.Equal(["RegistrantName", "RegistrantEmail", "RegistrantPhone"],
            request.GetProperty("disclosure").GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(Start.AddHours(2), request.GetProperty("disclosure").GetProperty("at").GetDateTimeOffset());
        Assert.Equal(("Olena Koval", "Petro Melnyk"), (request.GetProperty("recordedBy").GetString(), request.GetProperty("decision").GetProperty("by").GetString()));
        Assert.Equal(["disclosed", "approved", "recorded"], view.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.All(view.GetProperty("history").EnumerateArray(), h => Assert.Equal("ops-console", h.GetProperty("client").GetString()));
        Assert.Equal(409, (await ReadAsync(await harness.Handlers.DiscloseAsync(Post(new { disclosedBy = "Petro Melnyk" }), id, default))).Status);
    }

    [Fact]
    public async Task The_audit_log_keeps_each_step_without_the_disclosed_values_UA_1_16_UA_Pre_6()
    {
        var harness = new DisclosureHarness(azurite);
        var registrationId = await harness.HoldAsync("shop.com.ua", "com.ua", Person("UA"));
        var id = await RecordAsync(harness);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Handlers.ApproveAsync(Post(new { approvedBy = "Petro Melnyk" }), id, default);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Handlers.DiscloseAsync(Post(new { disclosedBy = "Petro Melnyk" }), id, default);

        var entries = await harness.Audit.ReadNewestFirstAsync(id, 10, default).ToListAsync();
        var registrations = await harness.RegistrationAudit.ReadNewestFirstAsync(registrationId, 10, default).ToListAsync();

        Assert.Equal([("disclosed", "Petro Melnyk"), ("approved", "Petro Melnyk"), ("recorded", "Olena Koval")], entries.Select(e => (e.Action, e.Actor)));
        // The registration's own history shows each step too, naming the request.
        Assert.Equal(["disclosure-disclosed", "disclosure-approved", "disclosure-recorded"], registrations.Select(e => e.Action));
        Assert.All(registrations, e => Assert.Equal($"disclosure:{id}", e.Details.EventId));
        var kept = JsonSerializer.Serialize(entries) + JsonSerializer.Serialize(registrations);
        Assert.DoesNotContain("Aigerim", kept);
        Assert.DoesNotContain("aigerim@mail.example", kept);
        Assert.Contains("art. 93", kept);
    }

    [Fact]
    public async Task The_person_who_recorded_a_request_cannot_approve_it_and_nothing_changes_UA_1_16()
    {
        var harness = new DisclosureHarness(azurite);
        await harness.HoldAsync("shop.com.ua", "com.ua", Person("UA"));
        var id = await RecordAsync(harness);
        var rows = await harness.RowsAsync();

        var (status, problem) = await ReadAsync(await harness.Handlers.ApproveAsync(Post(new { approvedBy = "olena  koval" }), id, default));

        Assert.Equal(403, status);
        Assert.Contains("UA-1.16", problem.GetProperty("detail").GetString());
        Assert.Equal(rows, await harness.RowsAsync());
        Assert.Equal(409, (await ReadAsync(await harness.Handlers.DiscloseAsync(Post(new { disclosedBy = "Olena Koval" }), id, default))).Status);
    }

    [Fact]
    public async Task A_refused_request_says_who_refused_and_why_and_never_discloses_UA_1_16()
    {
        var harness = new DisclosureHarness(azurite);
        await harness.HoldAsync("shop.com.ua", "com.ua", Person("UA"));
        var id = await RecordAsync(harness);

        var (status, view) = await ReadAsync(await harness.Handlers.RefuseAsync(Post(new { refusedBy = "Petro Melnyk", reason = "Not signed." }), id, default));

        Assert.Equal(200, status);
        Assert.Equal(("Refused", "Not signed."), (view.GetProperty("request").GetProperty("status").GetString(),
            view.GetProperty("request").GetProperty("decision").GetProperty("reason").GetString()));
        Assert.Equal(409, (await ReadAsync(await harness.Handlers.DiscloseAsync(Post(new { disclosedBy = "Petro Melnyk" }), id, default))).Status);
        Assert.Equal(409, (await ReadAsync(await harness.Handlers.ApproveAsync(Post(new { approvedBy = "Ivan Shevchenko" }), id, default))).Status);
    }

    public static TheoryData<string, object?, int> BadRecords => new()
    {
        { "no key", null, 401 },
        { "a storefront key", null, 403 },
        { "a field that is public anyway", Letter(fields: ["Expiry"]), 400 },
        { "no field", Letter(fields: []), 400 },
        { "an unknown field", Letter(fields: ["RegistrantShoeSize"]), 400 },
        { "no recorder", Letter(recordedBy: " "), 400 },
        { "a line break in the recorder", Letter(recordedBy: "Olena\r\nKoval"), 400 },
        { "a name that is not a domain", Letter(domain: "not a domain"), 400 },
        { "a domain this registrar does not hold", Letter(domain: "someone-else.com.ua"), 404 },
        { "a domain still being registered", Letter(domain: "pending.com.ua"), 404 },
        { "a body that is not the contract", new { domain = "shop.com.ua", note = "x" }, 400 },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task A_request_that_cannot_be_recorded_is_a_problem_and_nothing_is_stored(string what, object? body, int expected)
    {
        var harness = new DisclosureHarness(azurite);
        await harness.HoldAsync("shop.com.ua", "com.ua", Person("UA"));
        await harness.HoldAsync("pending.com.ua", "com.ua", Person("UA"), RegistrationPhase.CreatingDomain);
        var key = what switch { "no key" => "", "a storefront key" => "shop-key", _ => OperationsKey };

        var (status, problem) = await ReadAsync(await harness.Handlers.RecordAsync(Post(body ?? Letter(), key), default));

        Assert.Equal(expected, status);
        Assert.StartsWith("/problems/", problem.GetProperty("type").GetString());
        Assert.Equal(0, await harness.RowsAsync());
    }

    [Theory]
    [InlineData("D0000000000000000")]
    [InlineData("../../x")]
    public async Task An_unknown_or_malformed_request_id_is_a_404_and_nothing_is_stored(string id)
    {
        var harness = new DisclosureHarness(azurite);

        var (status, _) = await ReadAsync(await harness.Handlers.ApproveAsync(Post(new { approvedBy = "Petro Melnyk" }), id, default));

        Assert.Equal(404, status);
        Assert.Equal(404, (await ReadAsync(await harness.Handlers.GetAsync(Get(), id, default))).Status);
        Assert.Equal(0, await harness.RowsAsync());
    }

    [Fact]
    public async Task A_name_deleted_and_registered_by_someone_else_since_the_request_discloses_nothing_UA_1_16()
    {
        var harness = new DisclosureHarness(azurite);
        var first = await harness.HoldAsync("shop.com.ua", "com.ua", Person("UA"), orderId: "O0000000000000001");
        var id = await RecordAsync(harness);
        await harness.Handlers.ApproveAsync(Post(new { approvedBy = "Petro Melnyk" }), id, default);
        await harness.Views.RecordAsync(new RegistrationView(first, "cust-w", "shop.com.ua", "shop.com.ua", "com.ua", RegistrationPhase.Deleted, null), 2, default);
        await harness.HoldAsync("shop.com.ua", "com.ua", Company("UA"), orderId: "O0000000000000002", customerId: "cust-other");

        var (status, problem) = await ReadAsync(await harness.Handlers.DiscloseAsync(Post(new { disclosedBy = "Petro Melnyk" }), id, default));

        Assert.Equal(409, status);
        Assert.Contains("nothing was disclosed", problem.GetProperty("detail").GetString());
    }
}
