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

        // UA-1.5.8: a signed-in session does not prove ending the contract; the link goes to the contact e-mail.
        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "termination", endsOn = DateOnly.FromDateTime(noticeGiven.UtcDateTime).AddDays(3), signedInSession = true });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        Assert.Equal("AwaitingProof", (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var link = await product.Mail.WaitForMailAsync(mailbox, m => m.Text?.Contains("confirmation?token=") == true, Patience);
        using var browser = product.Anonymous();
        var confirmed = await browser.GetAsync($"api/requests/confirmation?token={link.Text!.Split("confirmation?token=")[1].Split('\n')[0].Trim()}");
        Assert.True((int)confirmed.StatusCode == 200, await confirmed.Content.ReadAsStringAsync());

        await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("Ваше повідомлення про розірвання"), Patience);
        // Asked for 3 days on, it ends 15 days after the notice: still registered on the 14th day.
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

    private async Task<int> StoredRequestsAsync()
    {
        var table = product.Storage.Tables.GetTableClient("customerrequests");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"])) count++;
        return count;
    }
}
