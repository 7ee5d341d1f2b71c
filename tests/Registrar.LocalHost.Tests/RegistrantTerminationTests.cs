using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>The registrant's notice ending the contract through the running host: proved from the contact e-mail, confirmed
/// by mail with its date, and carried out at the registry when that date passes on the operations clock (UA-6.1, UA-1.5.8).</summary>
[Collection(ClaimProductCollection.Name)]
public sealed class RegistrantTerminationTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly HostedRegistrations _registrations = new(product);

    [Fact]
    public async Task A_notice_proved_from_the_contact_email_ends_the_contract_15_days_on_and_the_domain_is_deleted_then_UA_6_1_UA_1_5_8()
    {
        var customer = "quit-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, _, name) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, registrationId);
        using var storefront = product.Storefront(customer);
        var mailbox = $"{customer}@mail.example.org";
        var noticeGiven = await _registrations.HostNowAsync();

        // UA-6.1: an end sooner than 15 days on is refused naming the earliest, not moved to it.
        var tooSoon = await AssertProblemAsync(await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "termination", endsOn = DateOnly.FromDateTime(noticeGiven.UtcDateTime).AddDays(3) }), 400);
        Assert.Contains("UA-6.1", tooSoon.GetProperty("errors").GetProperty("endsOn")[0].GetString());
        // UA-1.5.8: a signed-in session does not prove ending the contract; the link goes to the contact e-mail.
        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "termination", endsOn = DateOnly.FromDateTime(noticeGiven.UtcDateTime).AddDays(16), signedInSession = true });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        Assert.Equal("AwaitingProof", (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var link = await product.Mail.WaitForMailAsync(mailbox, m => m.Text?.Contains("confirmation?token=") == true, Patience);
        using var browser = product.Anonymous();
        var confirmed = await browser.PostAsync($"api/requests/confirmation?token={link.Text!.Split("confirmation?token=")[1].Split('\n')[0].Trim()}", null);
        Assert.True((int)confirmed.StatusCode == 200, await confirmed.Content.ReadAsStringAsync());

        await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("Ваше повідомлення про розірвання"), Patience);
        // It ends at the end of the day asked for: still registered on the 14th day.
        await _registrations.AdvanceClockPastAsync(noticeGiven.AddDays(14));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("Active", (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("phase").GetString());

        await _registrations.AdvanceClockPastAsync(noticeGiven.AddDays(17));
        await EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d?.GetProperty("phase").GetString() == "RedemptionPeriod", Patience);
    }

    [Fact]
    public async Task The_kz_offer_takes_no_notice_of_termination_and_nothing_is_recorded_UA_6_1()
    {
        var customer = "kzq-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, _, _) = await _registrations.PaidAsync(customer, "kz");
        await _registrations.RegisteredAsync(customer, registrationId);
        using var storefront = product.Storefront(customer);
        var before = await StoredRequestsAsync();

        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "termination", endsOn = "2030-01-01" }), 409);

        Assert.Equal("UA-6.1", refused.GetProperty("rule").GetString());
        Assert.Equal(before, await StoredRequestsAsync());
    }

    [Fact]
    public async Task A_notice_for_a_date_past_the_term_paid_now_is_refused_naming_endsOn_and_the_latest_date_and_nothing_is_recorded_UA_6_1_UA_6_4()
    {
        var customer = "late-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, _, _) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, registrationId);
        using var storefront = product.Storefront(customer);
        var before = await StoredRequestsAsync();

        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "termination", endsOn = DateOnly.FromDateTime((await _registrations.HostNowAsync()).UtcDateTime).AddYears(3) }), 400);

        Assert.Equal("UA-6.1", refused.GetProperty("rule").GetString());
        Assert.Contains("at the latest", refused.GetProperty("errors").GetProperty("endsOn")[0].GetString());
        Assert.Equal(before, await StoredRequestsAsync());
    }

    [Fact]
    public async Task Once_a_notice_fixed_the_contract_end_no_later_end_nor_renewal_invoice_is_taken_nor_its_link_proved_and_nothing_is_spent_while_a_transfer_code_is_UA_6_1()
    {
        var customer = "twice-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, _, _) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, registrationId);
        using var storefront = product.Storefront(customer);
        using var browser = product.Anonymous();
        var mailbox = $"{customer}@mail.example.org";
        var endsOn = DateOnly.FromDateTime((await _registrations.HostNowAsync()).UtcDateTime).AddDays(20);
        var notice = await LinkOfAsync(storefront, registrationId, mailbox, new { kind = "termination", endsOn }, previous: null);
        var later = await LinkOfAsync(storefront, registrationId, mailbox, new { kind = "termination", endsOn = endsOn.AddDays(10) }, previous: notice);
        Assert.Equal(200, (int)(await browser.PostAsync($"api/requests/confirmation?token={notice}", null)).StatusCode);
        var shown = await EventuallyAsync(() => RegistrationAsync(storefront, registrationId), r => r.TryGetProperty("contractEnd", out var end)
            && end.ValueKind == JsonValueKind.Object, Patience);
        Assert.Equal("UA-6.1", shown.GetProperty("contractEnd").GetProperty("rule").GetString());
        var before = await StoredRequestsAsync();

        var second = await AssertProblemAsync(await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "termination", endsOn = endsOn.AddDays(5) }), 409);
        var renewal = await AssertProblemAsync(await storefront.PostAsync($"api/registrations/{registrationId}/renewal-invoice", null), 409);
        using var looked = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/requests/confirmation?token={later}"));
        var followed = await AssertProblemAsync(await browser.PostAsync($"api/requests/confirmation?token={later}", null), 409);

        Assert.Matches(@"takes no 'termination' request now: the contract ends at .* \(UA-6\.1\)\. Nothing was changed\.$", second.GetProperty("detail").GetString());
        Assert.Matches(@"\(termination\) cannot be carried out: the contract ends at .* \(UA-6\.1\)\. Nothing was changed\.$", followed.GetProperty("detail").GetString());
        Assert.Equal("UA-6.1", renewal.GetProperty("rule").GetString());
        Assert.Equal(409, (int)looked.StatusCode);
        Assert.Equal(before, await StoredRequestsAsync());
        // Nothing was spent: the link answers the same again rather than as used.
        Assert.Contains("UA-6.1", (await AssertProblemAsync(await browser.PostAsync($"api/requests/confirmation?token={later}", null), 409))
            .GetProperty("detail").GetString());
        // UA-6.1: the contract runs until the end the notice fixed, and the registrant may still move the domain meanwhile (UA-3.5).
        await LinkOfAsync(storefront, registrationId, mailbox, new { kind = "transfer-code" }, previous: later);
    }

    [Fact]
    public async Task A_proved_notice_cancels_the_renewal_invoice_still_open_so_its_payment_is_held_not_taken_UA_6_1_UA_6_4()
    {
        var customer = "stop-" + Guid.NewGuid().ToString("N")[..8];
        var (registrationId, _, _) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, registrationId);
        using var storefront = product.Storefront(customer);
        using var browser = product.Anonymous();
        var asked = await storefront.PostAsync($"api/registrations/{registrationId}/renewal-invoice", null);
        Assert.True((int)asked.StatusCode == 202, await asked.Content.ReadAsStringAsync());
        var open = Assert.Single(await EventuallyAsync(() => RenewalInvoicesAsync(storefront, registrationId), l => l.Count > 0, Patience));
        Assert.Equal("Open", open.GetProperty("status").GetString());
        var endsOn = DateOnly.FromDateTime((await _registrations.HostNowAsync()).UtcDateTime).AddDays(20);
        var notice = await LinkOfAsync(storefront, registrationId, $"{customer}@mail.example.org", new { kind = "termination", endsOn }, previous: null);

        Assert.Equal(200, (int)(await browser.PostAsync($"api/requests/confirmation?token={notice}", null)).StatusCode);

        var cancelled = Assert.Single(await EventuallyAsync(() => RenewalInvoicesAsync(storefront, registrationId),
            l => l.Count == 1 && l[0].GetProperty("status").GetString() == "Cancelled", Patience));
        Assert.Equal(open.GetProperty("number").GetString(), cancelled.GetProperty("number").GetString());
    }

    private async Task<string> LinkOfAsync(HttpClient storefront, string registrationId, string mailbox, object request, string? previous)
    {
        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests", request);
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        var mail = await product.Mail.WaitForMailAsync(mailbox, m => m.Text?.Contains("confirmation?token=") == true
            && (previous is null || !m.Text.Contains(previous)), Patience);
        return mail.Text!.Split("confirmation?token=")[1].Split('\n')[0].Trim();
    }

    private static async Task<JsonElement> RegistrationAsync(HttpClient storefront, string registrationId) =>
        (await storefront.GetFromJsonAsync<JsonElement>("api/registrations")).EnumerateArray()
            .Single(r => r.GetProperty("registrationId").GetString() == registrationId);

    private async Task<int> StoredRequestsAsync()
    {
        var table = product.Storage.Tables.GetTableClient("customerrequests");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"])) count++;
        return count;
    }
}
