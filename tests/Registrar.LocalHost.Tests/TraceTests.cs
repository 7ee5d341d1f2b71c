using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Registrar.Testing;

namespace Registrar.LocalHost.Tests;

/// <summary>
/// The local host in this process (its own Program, with Azurite, the registry simulator and MailDev as
/// for every end-to-end test) with OpenTelemetry's in-memory exporter added: one trace runs from the
/// bank's notification through the lifecycle decisions and the batches carried out in process to the EPP commands and the
/// welcome mail, and no span carries the customer's personal data.
/// </summary>
public sealed class TraceTests : IAsyncLifetime
{
    private readonly AzuriteFixture _storage = new();
    private readonly RegistrySimulatorFixture _registry = new();
    private readonly MailSinkFixture _mail = new();
    private readonly ExportedSpans _spans = new();
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_storage.InitializeAsync(), _registry.InitializeAsync(), _mail.InitializeAsync());
        _host = InProcessHosts.Create(_storage, _registry, _mail.SmtpPort, host =>
            host.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans))));
        _host.CreateClient().Dispose();
    }

    [Fact]
    public async Task One_trace_follows_a_bank_notification_to_the_EPP_create_and_the_welcome_mail()
    {
        var customer = "trace-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{customer}@mail.example.org";
        var name = $"{customer}.kz";
        using var storefront = Client();
        storefront.DefaultRequestHeaders.Add("X-Api-Key", ProductFixture.StorefrontKey);
        storefront.DefaultRequestHeaders.Add("X-Customer-Id", customer);
        var ordered = await storefront.PostAsJsonAsync("api/orders", new
        {
            items = new[] { new { name, termYears = 1 } },
            contactEmail = email,
            registrant = new
            {
                data = new
                {
                    kind = "NaturalPerson", fullName = "Иванов Иван Иванович",
                    address = new { country = "KZ", postalCode = "050000", region = "Алматы", city = "Алматы", street = "пр. Абая", building = "10" },
                    email, phone = "+7.7012345678",
                },
            },
            acceptance = new { offerVersion = "2025-01", acceptedAt = DateTimeOffset.UtcNow, personalDataConsent = true },
        });
        Assert.True(ordered.IsSuccessStatusCode, await ordered.Content.ReadAsStringAsync());
        var invoice = (await ordered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoice");

        var camt = BankMessages.Camt054Credit(invoice.GetProperty("number").GetString()!,
            invoice.GetProperty("total").GetProperty("amount").GetString()!, "KZT", DateTimeOffset.Now, BankMessages.NewReference());
        using var bank = Client();
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt));
        var posted = await bank.PostAsync("api/banks/halyk/camt054", content);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        await _mail.WaitForMailAsync(email, m => m.Text?.Contains("set-password?token=") == true, TimeSpan.FromSeconds(60));
        // The payment is applied in process and its commands are carried out by a background runner of the same process,
        // the registry's answers and the steps they lead to (the welcome mail among them) following in that runner: all
        // in the bank post's trace, each span exported when it ends. A notice of another trace (one a timer's decision sent,
        // traced from the sweep) may be exported first: the welcome mail's is the one whose trace holds the EPP create.
        var notice = await Eventually(() => _spans.FirstOrDefault(mail => mail.Source.Name == "Registrar.Mail"
            && _spans.Any(s => s.TraceId == mail.TraceId && s.DisplayName == "EPP domain:create")));

        var trace = _spans.Where(s => s.TraceId == notice.TraceId).ToList();
        var root = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal("/api/banks/{bankId}/camt054", root.GetTagItem("http.route"));
        Assert.Contains(trace, s => s.DisplayName == "EPP contact:create");
        Assert.Contains(trace, s => s.DisplayName == "EPP domain:create");
        Assert.True(trace.Count(s => s.Source.Name == "Registrar.Lifecycle") >= 3, "payment, contact answer, domain answer");
        Assert.DoesNotContain(_spans, s => Tags(s).Contains(email, StringComparison.Ordinal) || Tags(s).Contains("Иванов", StringComparison.Ordinal));
    }

    private static string Tags(Activity span) => string.Join("|", span.TagObjects.Select(t => t.Value?.ToString()));

    private HttpClient Client()
    {
        var client = _host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }

    private static async Task<T> Eventually<T>(Func<T?> read) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (read() is not { } value)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Not traced within 30 s.");
            await Task.Delay(100);
        }
        return read()!;
    }

    /// <summary>What the in-memory exporter writes from the export thread while the test reads it.</summary>
    private sealed class ExportedSpans : ICollection<Activity>
    {
        private readonly ConcurrentQueue<Activity> _spans = new();

        public int Count => _spans.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => _spans.Enqueue(item);

        public void Clear() => _spans.Clear();

        public bool Contains(Activity item) => _spans.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => _spans.CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException("Exported spans are only added.");

        public IEnumerator<Activity> GetEnumerator() => _spans.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await Task.WhenAll(_storage.DisposeAsync(), _registry.DisposeAsync(), _mail.DisposeAsync());
    }
}
