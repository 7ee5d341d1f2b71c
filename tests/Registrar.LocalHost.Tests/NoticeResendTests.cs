using System.Net.Http.Json;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>Operations send a registration's notice again through the running host: it arrives a second time at the
/// contact e-mail, the mail log lists it, and the audit log says who asked and why (KZ-2.6).</summary>
[Collection(ProductCollection.Name)]
public sealed class NoticeResendTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_notice_sent_again_arrives_a_second_time_and_the_audit_log_shows_who_asked_and_why_KZ_2_6()
    {
        var customer = "resend-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        var registrationId = await RegisteredDomains.RegisteredAsync(product, storefront, customer, $"resend-{customer}.kz");
        using var operations = product.Operations();
        var log = await EventuallyAsync(() => LogAsync(operations, registrationId),
            l => l.Any(n => n.GetProperty("kind").GetString() == "Registered" && n.GetProperty("sentAt").ValueKind == JsonValueKind.String), Patience);
        var welcome = log.Single(n => n.GetProperty("kind").GetString() == "Registered").GetProperty("noticeId").GetString()!;
        var address = $"{customer}@mail.example.org";
        await product.Mail.WaitForMailAsync(address, m => m.Text?.Contains("set-password?token=") == true, Patience);

        var resent = await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId}/notices/{welcome}/resend",
            new { reason = "The customer says the welcome mail never arrived." });

        Assert.Equal(202, (int)resent.StatusCode);
        await EventuallyAsync(async () => (await product.Mail.GetMessagesAsync()).Count(m => m.IsTo(address) && m.Text?.Contains("set-password?token=") == true),
            count => count == 2, Patience);
        var again = await EventuallyAsync(() => LogAsync(operations, registrationId),
            l => l.Count(n => n.GetProperty("kind").GetString() == "Registered" && n.GetProperty("sentAt").ValueKind == JsonValueKind.String) == 2, Patience);
        Assert.Equal(2, again.Select(n => n.GetProperty("noticeId").GetString()).Distinct().Count());
        var audit = await operations.GetFromJsonAsync<JsonElement>($"api/ops/audit?registrationId={registrationId}&action=notice-resent");
        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("actor").GetString()));
        Assert.Contains("never arrived", entry.GetProperty("details").GetProperty("reason").GetString());
        Assert.Contains(welcome, entry.GetProperty("details").GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task What_is_not_the_registrations_notice_or_gives_no_reason_is_refused_and_nothing_is_sent()
    {
        var customer = "noresend-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        var registrationId = await RegisteredDomains.RegisteredAsync(product, storefront, customer, $"noresend-{customer}.kz");
        using var operations = product.Operations();
        var reason = new { reason = "lost" };

        await AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId}/notices/{registrationId}-999/resend", reason), 404);
        await AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId}/notices/O0000000000000000-1-1/resend", reason), 404);
        await AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/registrations/O0000000000000000-1/notices/O0000000000000000-1-1/resend", reason), 404);
        await AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId}/notices/{registrationId}-1/resend", new { reason = " " }), 400);
        using var anonymous = product.Anonymous();
        await AssertProblemAsync(await anonymous.PostAsJsonAsync($"api/ops/registrations/{registrationId}/notices/{registrationId}-1/resend", reason), 401);
        var audit = await operations.GetFromJsonAsync<JsonElement>($"api/ops/audit?registrationId={registrationId}&action=notice-resent");
        Assert.Empty(audit.GetProperty("entries").EnumerateArray());
    }

    private static async Task<List<JsonElement>> LogAsync(HttpClient operations, string registrationId)
    {
        var response = await operations.GetAsync($"api/ops/registrations/{registrationId}/notices");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList() : [];
    }
}
