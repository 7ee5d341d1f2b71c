using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Zones;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A product of its own: the overdue claim test and the operations decisions move the host's clock weeks ahead.</summary>
[CollectionDefinition(Name)]
public sealed class ClaimProductCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "product for claims";
}

/// <summary>Claims, force majeure notices and early-termination quotes through the running local host, on a paid .com.ua
/// registration. Every date is the host's: another test here moves its clock.</summary>
[Collection(ClaimProductCollection.Name)]
public sealed class ClaimAndContractTests(ProductFixture product)
{
    private readonly HostedRegistrations _registrations = new(product);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();
    private static readonly ContractRules Rules = new(Zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(Zones));
    private static readonly BusinessCalendar Ukraine = BusinessCalendars.LoadEmbedded().For("UA");

    [Fact]
    public async Task A_claim_filed_in_time_with_proof_of_payment_is_listed_with_its_deadline_and_answered_once_UA_5_1_UA_5_2()
    {
        var (customer, registrationId, invoiceNumber) = await PaidRegistrationAsync();
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var disputedOn = Ukraine.LocalDate(await _registrations.HostNowAsync()).AddDays(-1);

        var filed = await storefront.PostAsJsonAsync("api/claims",
            new { registrationId, disputedOn, text = "The domain stopped resolving.\nPlease look into it.", proofOfPayment = invoiceNumber });

        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var claim = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var claimId = claim.GetProperty("claimId").GetString()!;
        var expected = Rules.Claims("com.ua")!.Decide(disputedOn, claim.GetProperty("filedAt").GetDateTimeOffset(), invoiceNumber).Accepted!;
        Assert.Equal(expected.AnswerBy, claim.GetProperty("answerBy").GetDateTimeOffset());
        Assert.Equal("UA-5.1", claim.GetProperty("answerRule").GetString());

        var listed = Assert.Single(await ClaimsAsync(operations), c => c.GetProperty("claimId").GetString() == claimId);
        Assert.Equal((registrationId, false), (listed.GetProperty("registrationId").GetString(), listed.GetProperty("overdue").GetBoolean()));

        var answered = await operations.PostAsJsonAsync($"api/ops/claims/{claimId}/answer", new { answeredBy = "Olena Kovalenko", text = "Fixed the delegation." });
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        var answer = (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer");
        Assert.Equal(("Olena Kovalenko", true), (answer.GetProperty("by").GetString(), answer.GetProperty("inTime").GetBoolean()));
        var again = await AssertProblemAsync(
            await operations.PostAsJsonAsync($"api/ops/claims/{claimId}/answer", new { answeredBy = "Petro", text = "Again." }), 409);
        Assert.Contains("answered once", again.GetProperty("detail").GetString());
        Assert.NotEqual(JsonValueKind.Null,
            Assert.Single(await ClaimsAsync(operations), c => c.GetProperty("claimId").GetString() == claimId).GetProperty("answer").ValueKind);
    }

    [Fact]
    public async Task A_late_claim_or_one_without_proof_of_payment_or_naming_anothers_invoice_is_refused_with_a_problem_naming_its_rule_and_nothing_is_stored_UA_5_1_UA_5_2()
    {
        var (customer, registrationId, invoiceNumber) = await PaidRegistrationAsync();
        using var storefront = product.Storefront(customer);
        var today = Ukraine.LocalDate(await _registrations.HostNowAsync());
        var before = await StoredClaimsAsync();

        var late = await AssertProblemAsync(await storefront.PostAsJsonAsync("api/claims",
            new { registrationId, disputedOn = today.AddDays(-4), text = "Late.", proofOfPayment = invoiceNumber }), 400);
        var unproved = await AssertProblemAsync(await storefront.PostAsJsonAsync("api/claims",
            new { registrationId, disputedOn = today, text = "No proof." }), 400);
        using var stranger = product.Storefront("stranger-" + Guid.NewGuid().ToString("N")[..6]);
        await AssertProblemAsync(await stranger.PostAsJsonAsync("api/claims",
            new { registrationId, disputedOn = today, text = "Not mine.", proofOfPayment = invoiceNumber }), 404);
        var (_, _, anothersInvoice) = await PaidRegistrationAsync();
        var notTheirs = await AssertProblemAsync(await storefront.PostAsJsonAsync("api/claims",
            new { registrationId, disputedOn = today, text = "Another's invoice.", proofOfPayment = $"paid with invoice {anothersInvoice}" }), 400);

        Assert.Equal("UA-5.1", late.GetProperty("rule").GetString());
        Assert.True(late.GetProperty("errors").TryGetProperty("disputedOn", out _));
        Assert.Contains("UA-5.1", late.GetProperty("detail").GetString());
        Assert.Equal("UA-5.2", unproved.GetProperty("rule").GetString());
        Assert.True(unproved.GetProperty("errors").TryGetProperty("proofOfPayment", out _));
        Assert.Equal("UA-5.2", notTheirs.GetProperty("rule").GetString());
        Assert.True(notTheirs.GetProperty("errors").TryGetProperty("proofOfPayment", out _));
        Assert.Equal(before, await StoredClaimsAsync());
    }

    [Fact]
    public async Task A_claim_left_unanswered_past_its_14_business_days_is_flagged_for_operations_UA_5_1()
    {
        var (customer, registrationId, invoiceNumber) = await PaidRegistrationAsync();
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var filed = await storefront.PostAsJsonAsync("api/claims",
            new { registrationId, disputedOn = Ukraine.LocalDate(await _registrations.HostNowAsync()), text = "No answer yet.", proofOfPayment = invoiceNumber });
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var claim = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var claimId = claim.GetProperty("claimId").GetString()!;

        await _registrations.AdvanceClockPastAsync(claim.GetProperty("answerBy").GetDateTimeOffset());

        var flagged = await EventuallyAsync(
            async () => (await operations.GetFromJsonAsync<JsonElement>("api/ops/review")).EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("kind").GetString() == "claim" && i.GetProperty("subject").GetString() == claimId),
            item => item.ValueKind == JsonValueKind.Object, Patience);
        Assert.Equal("ClaimOverdue", flagged.GetProperty("reason").GetString());
        Assert.Contains("UA-5.1", flagged.GetProperty("explanation").GetString());
        Assert.True(Assert.Single(await ClaimsAsync(operations), c => c.GetProperty("claimId").GetString() == claimId).GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task The_early_termination_quote_refunds_the_whole_unused_months_of_the_paid_term_UA_6_2_UA_6_3()
    {
        var (_, registrationId, invoiceNumber) = await PaidRegistrationAsync();
        using var operations = product.Operations();
        var paidOn = Ukraine.LocalDate(await _registrations.HostNowAsync());

        var quote = await operations.GetFromJsonAsync<JsonElement>(
            $"api/ops/registrations/{registrationId}/early-termination-refund?on={paidOn.AddDays(1):yyyy-MM-dd}");
        await AssertProblemAsync(await operations.GetAsync($"api/ops/registrations/{registrationId}/early-termination-refund?on=tomorrow"), 400);

        // Ended in the term's first month, which is kept: 11 of its 12 months come back.
        var term = Assert.Single(quote.GetProperty("terms").EnumerateArray());
        var paid = decimal.Parse(term.GetProperty("paid").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal((invoiceNumber, 12, 11), (term.GetProperty("invoiceNumber").GetString(), term.GetProperty("months").GetInt32(),
            term.GetProperty("unusedWholeMonths").GetInt32()));
        var total = decimal.Round(paid * 11 / 12, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(total.ToString("F2", CultureInfo.InvariantCulture), quote.GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal("UA-6.2, UA-6.3", quote.GetProperty("rule").GetString());
        Assert.Equal(("0.00", quote.GetProperty("total").GetProperty("amount").GetString()),
            (quote.GetProperty("decidedAlready").GetProperty("amount").GetString(), quote.GetProperty("refundable").GetProperty("amount").GetString()));

        // The cap holds for every refund decided for the registration, so the quote says what is left of it.
        var decided = await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId}/refunds",
            new { ground = "CourtDecision", amount = "10.00", reason = "ordered", courtDecision = "Court ruling 2-7/2026" });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var after = await operations.GetFromJsonAsync<JsonElement>(
            $"api/ops/registrations/{registrationId}/early-termination-refund?on={paidOn.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(("10.00", (total - 10m).ToString("F2", CultureInfo.InvariantCulture)),
            (after.GetProperty("decidedAlready").GetProperty("amount").GetString(), after.GetProperty("refundable").GetProperty("amount").GetString()));
    }

    [Fact]
    public async Task No_early_termination_refund_is_quoted_for_a_day_before_the_service_began_UA_6_3()
    {
        var (_, registrationId, _) = await PaidRegistrationAsync();
        using var operations = product.Operations();
        var paidOn = Ukraine.LocalDate(await _registrations.HostNowAsync());

        foreach (var day in new[] { new DateOnly(1, 1, 1), paidOn.AddDays(-1) })
        {
            var refused = await AssertProblemAsync(
                await operations.GetAsync($"api/ops/registrations/{registrationId}/early-termination-refund?on={day:yyyy-MM-dd}"), 400);
            Assert.True(refused.GetProperty("errors").TryGetProperty("on", out _), refused.GetRawText());
        }
    }

    [Fact]
    public async Task A_force_majeure_notice_is_recorded_with_its_deadlines_and_a_late_one_is_marked_UA_7_2_UA_7_3_KZ_5_6()
    {
        using var operations = product.Operations();
        var today = Ukraine.LocalDate(await _registrations.HostNowAsync());

        var late = await RecordForceMajeureAsync(operations, "ua", startedOn: today.AddDays(-10), notifiedOn: today);
        var inTime = await RecordForceMajeureAsync(operations, "kz", startedOn: today.AddDays(-2), notifiedOn: today.AddDays(-1));
        await AssertProblemAsync(await operations.PostAsJsonAsync("api/ops/force-majeure",
            new { zone = "ua", party = "Registrar", circumstance = "x", startedOn = today, notifiedOn = today.AddDays(-1), recordedBy = "Olena" }), 400);

        var uaDeadlines = Rules.ForceMajeure("ua").DeadlinesFor(today.AddDays(-10));
        Assert.Equal((uaDeadlines.NotifyBy, "UA-7.2", false, true), (DateOnly.Parse(late.GetProperty("notifyBy").GetString()!, CultureInfo.InvariantCulture),
            late.GetProperty("notifyRule").GetString(), late.GetProperty("notifiedInTime").GetBoolean(), late.GetProperty("late").GetBoolean()));
        Assert.Equal(("UA-7.3", "Awaited"), (late.GetProperty("proveRule").GetString(), late.GetProperty("proof").GetString()));
        Assert.Equal(("KZ-5.6", true, "NotRequired", false), (inTime.GetProperty("notifyRule").GetString(),
            inTime.GetProperty("notifiedInTime").GetBoolean(), inTime.GetProperty("proof").GetString(), inTime.GetProperty("late").GetBoolean()));
        var listed = (await operations.GetFromJsonAsync<JsonElement>("api/ops/force-majeure")).EnumerateArray().ToList();
        Assert.Contains(listed, n => n.GetProperty("noticeId").GetString() == late.GetProperty("noticeId").GetString() && n.GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task A_notice_dated_before_the_calendar_data_names_the_file_to_add_and_nothing_of_the_servers_exception_UA_7_2()
    {
        using var operations = product.Operations();
        var before = new DateOnly(2023, 12, 1);

        var response = await operations.PostAsJsonAsync("api/ops/force-majeure",
            new { zone = "ua", party = "Registrar", circumstance = "x", startedOn = before, notifiedOn = before, recordedBy = "Olena" });

        var detail = (await AssertProblemAsync(response, 503)).GetProperty("detail").GetString();
        Assert.Contains("ua-2023.txt", detail);
        Assert.DoesNotContain("Parameter", detail);
        Assert.DoesNotContain("Actual value", detail);
    }

    private static async Task<JsonElement> RecordForceMajeureAsync(HttpClient operations, string zone, DateOnly startedOn, DateOnly notifiedOn)
    {
        var recorded = await operations.PostAsJsonAsync("api/ops/force-majeure",
            new { zone, party = "Registrar", circumstance = "Power grid down in the data centre.", startedOn, notifiedOn, recordedBy = "Olena" });
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        return await recorded.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(string Customer, string RegistrationId, string InvoiceNumber)> PaidRegistrationAsync()
    {
        var customer = "claim-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, invoiceNumber, _) = await _registrations.PaidAsync(customer, "com.ua");
        return (customer, registrationId, invoiceNumber);
    }

    private static async Task<List<JsonElement>> ClaimsAsync(HttpClient operations) =>
        (await operations.GetFromJsonAsync<JsonElement>("api/ops/claims")).EnumerateArray().ToList();

    private async Task<int> StoredClaimsAsync()
    {
        var table = product.Storage.Tables.GetTableClient("claims");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"])) count++;
        return count;
    }
}
