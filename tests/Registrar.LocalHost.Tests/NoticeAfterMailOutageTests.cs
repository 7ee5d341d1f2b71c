using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registrar.Core.Notices;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>
/// KZ-2.6 (each warning sent once and logged) across a mail server outage, as crash probe D6 found it: the local host in this
/// process with a mail port that refuses every send until the server is back, so the welcome notice fails on each delivery,
/// is flagged and decided again an hour later under its own id. A host of its own, as the test moves the clock.
/// </summary>
public sealed class NoticeAfterMailOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly AzuriteFixture _storage = new();
    private readonly RegistrySimulatorFixture _registry = new();
    private readonly MailServer _mail = new();
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_storage.InitializeAsync(), _registry.InitializeAsync());
        _host = InProcessHosts.Create(_storage, _registry, configure: host =>
        {
            host.UseSetting("Lifecycle:Commands:RetryDelay", "00:00:00.200");
            host.ConfigureTestServices(services => services.RemoveAll<IMailSender>().AddSingleton<IMailSender>(_mail));
        });
        _host.CreateClient().Dispose();
    }

    [Fact]
    public async Task A_notice_sent_after_the_mail_server_came_back_is_logged_as_sent_KZ_2_6()
    {
        var customer = "outage-" + Guid.NewGuid().ToString("N")[..8];
        var registrationId = await PaidOrderAsync(customer);
        using var operations = Client(ProductFixture.OperationsKey);
        await EventuallyAsync(async () => (await operations.GetFromJsonAsync<JsonElement>("api/ops/review")).EnumerateArray()
            .Any(i => i.GetProperty("subject").GetString() == registrationId && i.GetProperty("explanation").GetString()!.Contains("SendNotice")),
            flagged => flagged, Patience);

        _mail.ComeBack();
        var advanced = await operations.PostAsJsonAsync("ops/clock/advance", new { by = "01:01:00" });
        Assert.True(advanced.IsSuccessStatusCode, await advanced.Content.ReadAsStringAsync());

        var welcome = await EventuallyAsync(async () => (await operations.GetFromJsonAsync<JsonElement>($"api/ops/registrations/{registrationId}/notices"))
            .EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "Registered"),
            n => n.GetProperty("sentAt").ValueKind == JsonValueKind.String, Patience);
        var noticeId = welcome.GetProperty("noticeId").GetString()!;
        Assert.Single(_mail.Delivered, m => m.NoticeId == noticeId);
        // A notice logged as sent is one operations can send again.
        var resent = await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId}/notices/{noticeId}/resend",
            new { reason = "The customer's spam filter ate it." });
        Assert.Equal(202, (int)resent.StatusCode);
    }

    private async Task<string> PaidOrderAsync(string customer)
    {
        using var storefront = Client(ProductFixture.StorefrontKey, customer);
        var placed = await storefront.PostAsJsonAsync("api/orders", RegisteredDomains.Body(customer, $"{customer}.kz"));
        Assert.True((int)placed.StatusCode == 201, await placed.Content.ReadAsStringAsync());
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        // camt.054 times are whole seconds, and a credit booked before its invoice was issued is held for operations.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var invoice = order.GetProperty("invoice");
        var camt = BankMessages.Camt054Credit(invoice.GetProperty("number").GetString()!,
            invoice.GetProperty("total").GetProperty("amount").GetString()!, "KZT", DateTimeOffset.Now, BankMessages.NewReference());
        using var bank = Client(null);
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt));
        AssertRecorded(await bank.PostAsync("api/banks/halyk/camt054", content));
        return order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
    }

    private HttpClient Client(string? apiKey, string? customer = null)
    {
        var client = _host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        if (customer is not null) client.DefaultRequestHeaders.Add("X-Customer-Id", customer);
        return client;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await Task.WhenAll(_storage.DisposeAsync(), _registry.DisposeAsync());
    }

    /// <summary>The mail server: down (each send refused, as SMTP's "Connection refused") until it is back.</summary>
    private sealed class MailServer : IMailSender
    {
        private readonly ConcurrentQueue<MailMessage> _delivered = new();

        private volatile bool _down = true;

        public IReadOnlyCollection<MailMessage> Delivered => _delivered;

        public void ComeBack() => _down = false;

        public Task SendAsync(MailMessage message, CancellationToken cancellationToken)
        {
            if (_down) throw new IOException("Connection refused");
            _delivered.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
