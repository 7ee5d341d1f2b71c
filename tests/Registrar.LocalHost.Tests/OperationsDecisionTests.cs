using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>Operations decisions through the running host: each audited, carried out at the registry simulator, told at the
/// mail sink, and its deadline met with the operations clock (UA-2.3.1, KZ-App-2, KZ-App-4, UA-1.3.4.1, UA-6.2, UA-1.5.5).</summary>
[Collection(ClaimProductCollection.Name)]
public sealed class OperationsDecisionTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly HostedRegistrations _registrations = new(product);

    [Fact]
    public async Task A_ua_suspension_holds_the_domain_at_the_registry_asks_for_an_explanation_refuses_requests_and_is_lifted_UA_2_3_1()
    {
        var customer = "susp-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, _, name) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, registrationId);
        using var operations = product.Operations();
        var decisions = $"api/ops/registrations/{registrationId}/decisions";

        await AssertProblemAsync(await operations.PostAsJsonAsync(decisions, new { kind = "suspend", ground = "Mischief", reason = "x" }), 400);
        var noClause = await AssertProblemAsync(await operations.PostAsJsonAsync(decisions, new { kind = "breach-notice", reason = "x" }), 409);
        Assert.Equal("KZ-App-4", noClause.GetProperty("rule").GetString());
        await AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId[..^1]}9/decisions",
            new { kind = "unsuspend", reason = "x" }), 404);

        var accepted = await AcceptedAsync(operations, decisions, new { kind = "suspend", ground = "Malware", reason = "a phishing kit on the site" });
        Assert.Equal("UA-2.3.1.4", accepted.GetProperty("rule").GetString());
        await EventuallyAsync(() => product.Registry.GetStatusesAsync(name), s => s.Contains("clientHold"), Patience);
        var suspended = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("призупинено"), Patience);
        Assert.Contains("2.3.1.4", suspended.Text);
        // A transfer code would let the domain leave the suspension behind (UA-2.3.1).
        using var storefront = product.Storefront(customer);
        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "transfer-code", signedInSession = true }), 409);
        Assert.Contains("UA-2.3.1", refused.GetProperty("detail").GetString());
        // A second suspension would change nothing: refused, and not audited.
        var again = await AssertProblemAsync(await operations.PostAsJsonAsync(decisions, new { kind = "suspend", ground = "IllegalContent", reason = "x" }), 409);
        Assert.Contains("suspended already", again.GetProperty("detail").GetString());

        var resumed = await AcceptedAsync(operations, decisions, new { kind = "unsuspend", reason = "the kit is gone" });
        Assert.Equal("UA-2.3.1", resumed.GetProperty("rule").GetString());
        await EventuallyAsync(() => product.Registry.GetStatusesAsync(name), s => !s.Contains("clientHold"), Patience);
        await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("відновлено"), Patience);
        var audit = await AuditActionsAsync(registrationId);
        Assert.Contains("suspend", audit);
        Assert.Contains("unsuspend", audit);
    }

    [Fact]
    public async Task The_registrars_termination_deletes_the_domain_30_days_after_its_notice_and_holds_every_refund_to_the_quote_and_none_before_it_UA_1_3_4_1_UA_6_2_UA_6_3_UA_1_5_5()
    {
        var customer = "term-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, _, name) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, registrationId);
        using var operations = product.Operations();
        var refunds = $"api/ops/registrations/{registrationId}/refunds";
        // UA-6.2, UA-1.5.5: no early termination is refunded while no notice of the registrar ended the contract.
        var beforeTheNotice = await AssertProblemAsync(await operations.PostAsJsonAsync(refunds,
            new { ground = "EarlyTerminationByRegistrar", amount = 1.00m, reason = "no notice yet", terminatedOn = "2027-01-01" }), 409);
        Assert.Equal("UA-1.5.5", beforeTheNotice.GetProperty("rule").GetString());

        var accepted = await AcceptedAsync(operations, $"api/ops/registrations/{registrationId}/decisions",
            new { kind = "termination", termination = "RegistrarNotice", reason = "we stop serving this reseller" });
        var effectiveAt = accepted.GetProperty("effectiveAt").GetDateTimeOffset();
        Assert.Equal("UA-1.3.4.1", accepted.GetProperty("rule").GetString());
        Assert.InRange(effectiveAt - await _registrations.HostNowAsync(), TimeSpan.FromDays(30), TimeSpan.FromDays(31));
        await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("розірвання"), Patience);
        Assert.NotNull(await product.Registry.GetDomainAsync(name));
        // The period counts from the letter: its sending is reported back to the registration, the same day, so the end stays.
        await EventuallyAsync(() => operations.GetFromJsonAsync<JsonElement>($"api/ops/registrations/{registrationId}"),
            r => r.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("eventId").GetString()!.StartsWith("notice-sent:", StringComparison.Ordinal)),
            Patience);

        await _registrations.AdvanceClockPastAsync(effectiveAt);
        // The .ua registry answers the delete 1001 and keeps the name in redemption until its purge, told by poll message.
        await EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d?.GetProperty("phase").GetString() == "RedemptionPeriod", Patience);
        using var storefront = product.Storefront(customer);
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId && r.GetProperty("phase").GetString() == "Deleting"), Patience);

        // UA-6.2, UA-6.3: the whole months after the month of termination come back; the decision named the quote.
        var quote = await operations.GetFromJsonAsync<JsonElement>(accepted.GetProperty("refundQuote").GetString()!.TrimStart('/'));
        var total = decimal.Parse(quote.GetProperty("total").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(total > 0, quote.GetRawText());
        var withoutCourt = await AssertProblemAsync(await operations.PostAsJsonAsync(refunds, new { ground = "RegistrantRequest", amount = 100.00m, reason = "asked" }), 409);
        Assert.Equal("UA-1.5.5", withoutCourt.GetProperty("rule").GetString());
        var terminatedOn = quote.GetProperty("terminatedOn").GetString();
        var aboveTheQuote = await AssertProblemAsync(await operations.PostAsJsonAsync(refunds,
            new { ground = "EarlyTerminationByRegistrar", amount = total + 0.01m, reason = "UA-6.2 quote", terminatedOn }), 409);
        Assert.Equal("UA-6.2, UA-6.3", aboveTheQuote.GetProperty("rule").GetString());
        // The service cannot end before it began, nor a court's refund return more than was paid.
        await AssertProblemAsync(await operations.PostAsJsonAsync(refunds,
            new { ground = "EarlyTerminationByRegistrar", amount = 1m, reason = "UA-6.2 quote", terminatedOn = "0001-01-01" }), 400);
        // An amount given as text is written as the OpenAPI document's pattern says: "1e3" is no amount, not 1000.00.
        var exponent = await AssertProblemAsync(await operations.PostAsJsonAsync(refunds,
            new { ground = "EarlyTerminationByRegistrar", amount = "1e0", reason = "UA-6.2 quote", terminatedOn }), 400);
        Assert.True(exponent.GetProperty("errors").TryGetProperty("amount", out _), exponent.GetRawText());
        var aboveWhatWasPaid = await AssertProblemAsync(await operations.PostAsJsonAsync(refunds,
            new { ground = "CourtDecision", amount = 1_000_000m, reason = "court", courtDecision = "Case 910/1/26, 2026-11-30" }), 409);
        Assert.Equal("UA-1.5.5", aboveWhatWasPaid.GetProperty("rule").GetString());
        var noDecisionNamed = await AssertProblemAsync(await operations.PostAsJsonAsync(refunds, new { ground = "CourtDecision", amount = 1m, reason = "court" }), 400);
        Assert.True(noDecisionNamed.GetProperty("errors").TryGetProperty("courtDecision", out _), noDecisionNamed.GetRawText());
        // The accountant pays from the audit log: a retry with the request's Idempotency-Key records nothing more.
        var decision = new { ground = "EarlyTerminationByRegistrar", amount = total, reason = "UA-6.2 quote", terminatedOn };
        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var keyed = new HttpRequestMessage(HttpMethod.Post, refunds) { Content = JsonContent.Create(decision) };
            keyed.Headers.Add("Idempotency-Key", "refund-" + registrationId);
            answers.Add(await operations.SendAsync(keyed));
        }
        Assert.All(answers, a => Assert.Equal(201, (int)a.StatusCode));
        Assert.Equal(await answers[0].Content.ReadAsStringAsync(), await answers[1].Content.ReadAsStringAsync());
        var audit = await AuditActionsAsync(registrationId);
        Assert.Contains("termination", audit);
        Assert.Single(audit, a => a == "refund-decided");
        // The quote is for all the refunds of the term: with it decided, another decision is above it, however small.
        var again = await AssertProblemAsync(await operations.PostAsJsonAsync(refunds,
            new { ground = "EarlyTerminationByRegistrar", amount = 0.01m, reason = "again", terminatedOn }), 409);
        Assert.Equal("UA-6.2, UA-6.3", again.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_kz_dispute_block_locks_the_domain_a_re_delegation_changes_its_registrant_and_an_uncured_breach_cancels_it_KZ_App_2_KZ_App_4()
    {
        var customer = "brch-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, _, name) = await _registrations.PaidAsync(customer, "kz");
        await _registrations.RegisteredAsync(customer, registrationId);
        using var operations = product.Operations();
        var decisions = $"api/ops/registrations/{registrationId}/decisions";
        var mailbox = $"{customer}@mail.example.org";

        var noClause = await AssertProblemAsync(await operations.PostAsJsonAsync(decisions, new { kind = "termination", termination = "RegistrarNotice", reason = "x" }), 409);
        Assert.Equal("UA-1.3.4.1", noClause.GetProperty("rule").GetString());
        await AssertProblemAsync(await operations.PostAsJsonAsync(decisions, new { kind = "dispute", outcome = "Block", reason = "x" }), 400);

        await AcceptedAsync(operations, decisions, new { kind = "dispute", outcome = "Block", document = "Court ruling 2-123/2026", reason = "court order" });
        await EventuallyAsync(() => product.Registry.GetStatusesAsync(name), s => s.Contains("clientHold") && s.Contains("clientTransferProhibited"), Patience);
        var blocked = await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("заблокирован"), Patience);
        Assert.Contains("Court ruling 2-123/2026", blocked.Text);
        await AcceptedAsync(operations, decisions, new { kind = "dispute", outcome = "Unblock", document = "Appeal ruling 2-9/2026", reason = "appeal" });
        await EventuallyAsync(() => product.Registry.GetStatusesAsync(name), s => !s.Contains("clientHold"), Patience);
        var registrant = (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("registrant").GetString();
        await AcceptedAsync(operations, decisions, new
        {
            kind = "dispute", outcome = "Redelegate", document = "Court ruling 2-124/2026", reason = "court gave it to the claimant",
            registrant = new
            {
                kind = "LegalEntity", organization = "ТОО Истец",
                address = new { country = "KZ", postalCode = "010000", region = "Астана", city = "Астана", street = "ул. Кенесары", building = "1" },
                email = $"{customer}-claimant@mail.example.org", phone = "+7.7172000000",
            },
        });
        await EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d?.GetProperty("registrant").GetString() != registrant, Patience);
        await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("Владелец домена"), Patience);

        var breach = await AcceptedAsync(operations, decisions, new { kind = "breach-notice", reason = "false registrant data" });
        var cureDeadline = breach.GetProperty("cureDeadline").GetDateTimeOffset();
        await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("нарушении"), Patience);
        Assert.NotNull(await product.Registry.GetDomainAsync(name));

        await _registrations.AdvanceClockPastAsync(cureDeadline);
        await EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d is null, Patience);
        await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("прекращён"), Patience);
        Assert.Contains("breach-notice", await AuditActionsAsync(registrationId));
    }

    [Fact]
    public async Task A_suspension_decided_on_the_operations_page_holds_the_domain_and_names_the_person_and_a_forged_form_does_nothing_UA_2_3_1()
    {
        var customer = "pgds-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, _, name) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, registrationId);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = product.BaseAddress };
        await browser.PostAsync("ops/page/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = ProductFixture.OperationsKey, ["person"] = "Page Tester" }));
        var page = await browser.GetStringAsync($"ops/page/registrations/{registrationId}");
        Assert.Contains("id=\"decide\"", page);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"form-token\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string> { ["kind"] = "suspend", ["ground"] = "IllegalContent", ["reason"] = "illegal content reported" };

        var forged = await browser.PostAsync($"ops/page/registrations/{registrationId}/decisions", new FormUrlEncodedContent(form));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forged.StatusCode);
        var withoutGround = await browser.PostAsync($"ops/page/registrations/{registrationId}/decisions",
            new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["ground"] = "", ["form-token"] = token }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, withoutGround.StatusCode);
        Assert.DoesNotContain("suspend", await AuditActionsAsync(registrationId));

        var decided = await browser.PostAsync($"ops/page/registrations/{registrationId}/decisions",
            new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["form-token"] = token }));
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        await EventuallyAsync(() => product.Registry.GetStatusesAsync(name), s => s.Contains("clientHold"), Patience);
        var suspended = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("призупинено"), Patience);
        Assert.Contains("2.3.1.8", suspended.Text);
        Assert.Contains(await AuditActionsAsync(registrationId, withActor: true), a => a.StartsWith("suspend by ", StringComparison.Ordinal) && a.EndsWith("(Page Tester)", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> AcceptedAsync(HttpClient operations, string route, object body)
    {
        var response = await operations.PostAsJsonAsync(route, body);
        Assert.True((int)response.StatusCode == 202, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The actions the audit log holds for the registration: who, when, what and why are kept with each.</summary>
    private async Task<List<string>> AuditActionsAsync(string registrationId, bool withActor = false)
    {
        var actions = new List<string>();
        var table = product.Storage.Tables.GetTableClient("audit");
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == registrationId, select: ["Action", "Actor"]))
        {
            Assert.False(string.IsNullOrEmpty(row.GetString("Actor")));
            actions.Add(withActor ? $"{row.GetString("Action")} by {row.GetString("Actor")}" : row.GetString("Action"));
        }
        return actions;
    }
}
