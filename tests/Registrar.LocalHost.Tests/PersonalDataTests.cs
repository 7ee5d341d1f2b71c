using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>
/// The local host in this process, with Azurite, the registry simulator and MailDev, capturing every log line (at
/// Trace) and every span. A registrant's personal data go from the order to the registry and to an authority that
/// asked (UA-1.16), never to the public answer where the zone withholds them (KZ-App-10.3, UA-1.15), and never to a
/// log line or a span on the way.
/// </summary>
public sealed class PersonalDataTests(CapturingHost capturing) : IClassFixture<CapturingHost>
{
    private const int LookupsPerWindow = CapturingHost.LookupsPerWindow;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly MailSinkFixture _mail = capturing.Mail;
    private readonly CapturedSpans _spans = capturing.Spans;
    private readonly CapturedLogs _logs = capturing.Logs;
    private readonly WebApplicationFactory<Program> _host = capturing.Host;

    [Fact]
    public async Task No_log_line_or_span_carries_the_registrants_personal_data_from_the_order_to_the_registry_the_public_answer_and_a_disclosure()
    {
        var person = Registrant.Unique("KZ", "+7.70");
        var domain = $"pd-{Hex(4)}.kz";
        var order = await PlaceOrderAsync(domain, person);
        await PayAsync(order, "KZT", "halyk", ProductFixture.HalykSecret);
        await _mail.WaitForMailAsync(person.Email, m => m.Text?.Contains("set-password?token=") == true, Patience);
        await RegisteredAsync(order, domain);

        var rdap = await LookUpAsync($"/api/rdap/domain/{domain}", "198.51.100.1", "application/rdap+json");
        var whois = await LookUpAsync($"/api/whois/{domain}", "198.51.100.1");
        var disclosed = await DiscloseAsync(domain, ["RegistrantName", "RegistrantAddress", "RegistrantEmail", "RegistrantPhone"]);

        Assert.Equal(200, rdap.Status);
        Assert.Equal(200, whois.Status);
        foreach (var secret in person.Secrets)
        {
            Assert.DoesNotContain(secret, rdap.Body);
            Assert.DoesNotContain(secret, whois.Body);
        }
        // The data are there to be disclosed: what the scan below looks for is really in the system.
        Assert.Contains(person.NameToken, disclosed.GetProperty("data").GetProperty("RegistrantName").GetString());
        Assert.Contains(person.StreetToken, disclosed.GetProperty("data").GetProperty("RegistrantAddress").GetString());
        Assert.Equal(person.Email, disclosed.GetProperty("data").GetProperty("RegistrantEmail").GetString());
        Assert.Contains(_spans, s => s.DisplayName == "EPP contact:create");
        Assert.Contains(_logs.Lines, l => l.Contains("Mailed notice"));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Debug Registrar.Epp", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Trace Microsoft.AspNetCore", StringComparison.Ordinal));
        var leaks = _logs.Lines.Select(l => ("log", l)).Concat(_spans.ToList().Select(s => ("span", CapturedSpans.Describe(s))))
            .SelectMany(item => person.Secrets.Where(secret => item.Item2.Contains(secret, StringComparison.OrdinalIgnoreCase))
                .Select(secret => $"{item.Item1} carries '{secret}': {item.Item2[..Math.Min(item.Item2.Length, 300)]}"))
            .ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(10)));
    }

    [Fact]
    public async Task No_log_line_or_span_carries_the_address_a_public_lookup_came_from()
    {
        var address = $"198.51.100.{RandomNumberGenerator.GetInt32(100, 200)}";

        var found = await LookUpAsync($"/api/rdap/domain/nobody-{Hex(4)}.kz", address);
        var malformed = await LookUpAsync("/api/whois/a..kz", address);

        Assert.Equal((404, 400), (found.Status, malformed.Status));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Trace Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.True(await ServerSpanCapturedAsync("a..kz"), "The lookup's server span was not captured.");
        var leaks = _logs.Lines.Concat(_spans.ToList().Select(CapturedSpans.Describe)).Where(l => l.Contains(address)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(5)));
    }

    [Fact]
    public async Task A_kz_domains_rdap_answer_shows_the_country_and_withholds_the_natural_persons_name_address_email_and_phone_KZ_App_10_3()
    {
        var person = Registrant.Unique("KZ", "+7.70");
        var domain = $"kz-{Hex(4)}.kz";
        var order = await PlaceOrderAsync(domain, person);
        await PayAsync(order, "KZT", "halyk", ProductFixture.HalykSecret);
        await RegisteredAsync(order, domain);

        var (status, contentType, _, body) = await LookUpAsync($"/api/rdap/domain/{domain.ToUpperInvariant()}", "198.51.100.2", "application/rdap+json");

        Assert.Equal((200, "application/rdap+json"), (status, contentType));
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["rdap_level_0", "redacted"], answer.GetProperty("rdapConformance").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(("domain", domain), (answer.GetProperty("objectClassName").GetString(), answer.GetProperty("ldhName").GetString()));
        // Created without name servers: RFC 5731 section 2.3's inactive, which RFC 8056 maps as it is.
        Assert.Equal("inactive", answer.GetProperty("status")[0].GetString());
        var registrant = answer.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("roles")[0].GetString() == "registrant");
        var card = registrant.GetProperty("vcardArray")[1].EnumerateArray().ToDictionary(p => p[0].GetString()!);
        Assert.Equal("", card["fn"][3].GetString());
        Assert.Equal("KZ", card["adr"][1].GetProperty("cc").GetString());
        Assert.False(card.ContainsKey("email") || card.ContainsKey("tel"));
        var redacted = answer.GetProperty("redacted").EnumerateArray().ToList();
        Assert.Contains(redacted, r => RedactedName(r) == "Registrant Name" && r.GetProperty("method").GetString() == "emptyValue");
        Assert.All(redacted, r => Assert.StartsWith("KZ-App-10.3: ", r.GetProperty("reason").GetProperty("description").GetString()));
    }

    [Fact]
    public async Task A_ua_domains_rdap_and_whois_answers_show_no_registrant_data_whether_or_not_the_registrant_asked_UA_1_15()
    {
        var person = Registrant.Unique("UA", "+380.44");
        var domain = $"ua-{Hex(4)}.com.ua";
        var order = await PlaceOrderAsync(domain, person);
        await PayAsync(order, "UAH", "privatbank", "development-only-privatbank-secret");
        await RegisteredAsync(order, domain);

        var rdap = await LookUpAsync($"/api/rdap/domain/{domain}", "198.51.100.3", "application/rdap+json");
        var whois = await LookUpAsync($"/api/whois/{domain}", "198.51.100.3");

        Assert.True(rdap.Status == 200, rdap.Body);
        var answer = JsonDocument.Parse(rdap.Body).RootElement;
        Assert.DoesNotContain(answer.GetProperty("entities").EnumerateArray(), e => e.GetProperty("roles")[0].GetString() == "registrant");
        Assert.Contains(answer.GetProperty("redacted").EnumerateArray(), r =>
            RedactedName(r) == "Registrant Email"
            && r.GetProperty("reason").GetProperty("description").GetString()!.StartsWith("UA-1.15: "));
        Assert.Contains("Registrant Name: REDACTED (UA-1.15)", whois.Body.Split('\n'));
        foreach (var secret in person.Secrets)
        {
            Assert.DoesNotContain(secret, rdap.Body);
            Assert.DoesNotContain(secret, whois.Body);
        }
    }

    [Fact]
    public async Task A_client_over_its_lookup_limit_gets_a_429_problem_with_retry_after_while_another_address_is_still_answered()
    {
        var address = $"203.0.113.{RandomNumberGenerator.GetInt32(1, 255)}";
        for (var i = 0; i < LookupsPerWindow; i++)
            Assert.Equal(404, (await LookUpAsync($"/api/{(i % 2 == 0 ? "rdap/domain" : "whois")}/free-{i}.kz", address)).Status);

        var refused = await LookUpAsync("/api/rdap/domain/free.kz", address);
        var other = await LookUpAsync("/api/rdap/domain/free.kz", "192.0.2.77");

        Assert.Equal((429, "application/rdap+json"), (refused.Status, refused.ContentType));
        Assert.InRange(int.Parse(refused.RetryAfter!), 1, 60);
        var problem = JsonDocument.Parse(refused.Body).RootElement;
        Assert.Equal(("/problems/too-many-requests", 429), (problem.GetProperty("type").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.Equal(404, other.Status);
    }

    [Fact]
    public async Task A_cors_preflight_spends_no_lookup_and_a_429_lets_a_pages_script_read_its_retry_after_RFC_7480_5_6()
    {
        var address = IPAddress.Parse($"203.0.113.{RandomNumberGenerator.GetInt32(1, 255)}");
        async Task<Microsoft.AspNetCore.Http.HttpContext> SendAsync(string method) => await _host.Server.SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Path = "/api/rdap/domain/free.kz";
            http.Connection.RemoteIpAddress = address;
        });

        for (var i = 0; i < LookupsPerWindow + 5; i++) Assert.Equal(204, (await SendAsync("OPTIONS")).Response.StatusCode);
        for (var i = 0; i < LookupsPerWindow; i++) Assert.Equal(404, (await SendAsync("GET")).Response.StatusCode);
        var refused = (await SendAsync("GET")).Response;

        Assert.Equal((429, "Retry-After"), (refused.StatusCode, refused.Headers.AccessControlExposeHeaders.ToString()));
    }

    [Fact]
    public async Task The_public_lookups_and_the_disclosure_routes_are_in_the_openapi_document()
    {
        using var client = _host.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[] { "/api/rdap/domain/{name}", "/api/whois/{name}", "/api/ops/disclosures", "/api/ops/disclosures/{requestId}/disclosure" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    /// <summary>The order and the customer it was placed for.</summary>
    /// <summary>A server span ends once its response is sent, which the client may read first (a CI run saw the assertion
    /// come before the span).</summary>
    private async Task<bool> ServerSpanCapturedAsync(string tagged)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(20))
        {
            if (_spans.ToList().Any(s => s.Kind == System.Diagnostics.ActivityKind.Server && s.TagObjects.Any(t => $"{t.Value}".Contains(tagged))))
                return true;
        }
        return false;
    }

    private async Task<Placed> PlaceOrderAsync(string domain, Registrant person)
    {
        var customer = "pd-" + Hex(4);
        using var storefront = Storefront(customer);
        var response = await storefront.PostAsJsonAsync("api/orders", new
        {
            items = new[] { new { name = domain, termYears = 1 } },
            contactEmail = person.Email,
            registrant = new
            {
                data = new
                {
                    kind = "NaturalPerson", fullName = person.FullName,
                    address = new { country = person.Country, postalCode = "050000", region = "Region", city = "City", street = person.Street, building = "7", office = "12" },
                    email = person.Email, phone = person.Phone,
                },
            },
            acceptance = new { offerVersion = "2025-01", acceptedAt = DateTimeOffset.UtcNow, personalDataConsent = true },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new Placed(await response.Content.ReadFromJsonAsync<JsonElement>(), customer);
    }

    private HttpClient Storefront(string customerId)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ProductFixture.StorefrontKey);
        client.DefaultRequestHeaders.Add("X-Customer-Id", customerId);
        return client;
    }

    private async Task PayAsync(Placed placed, string currency, string bank, string secret)
    {
        var invoice = placed.Order.GetProperty("invoice");
        var camt = BankMessages.Camt054Credit(invoice.GetProperty("number").GetString()!,
            invoice.GetProperty("total").GetProperty("amount").GetString()!, currency, DateTimeOffset.Now, BankMessages.NewReference());
        using var client = _host.CreateClient();
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(secret, camt));
        var posted = await client.PostAsync($"api/banks/{bank}/camt054", content);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
    }

    /// <summary>Until the customer's view says the registry registered it: the public lookups answer from that view
    /// (and are rate limited; the storefront is not).</summary>
    /// <summary>Registered as the customer sees it, and held in the public lookup, which the view store keeps just after the view.</summary>
    private async Task RegisteredAsync(Placed placed, string domain)
    {
        var registrationId = placed.Order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        using var storefront = Storefront(placed.CustomerId);
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            views => views.EnumerateArray().Any(v => v.GetProperty("registrationId").GetString() == registrationId
                                                     && v.GetProperty("phase").GetString() == "Registered"),
            Patience);
        // An address of its own, so waiting spends none of the lookups the test's addresses are allowed.
        await EventuallyAsync(() => LookUpAsync($"/api/whois/{domain}", "203.0.113.250"), answer => answer.Status == 200, Patience);
    }

    private async Task<JsonElement> DiscloseAsync(string domain, string[] fields)
    {
        using var operations = _host.CreateClient();
        operations.DefaultRequestHeaders.Add("X-Api-Key", ProductFixture.OperationsKey);
        var recorded = await operations.PostAsJsonAsync("api/ops/disclosures", new
        {
            domain, requester = "Financial Monitoring Agency", legalBasis = "Law on AML/CFT, art. 12", documentReference = "No. 77 of 2026-11-20",
            requestedFields = fields, recordedBy = "Aliya Nurlanovna",
        });
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("requestId").GetString();
        var approved = await operations.PostAsJsonAsync($"api/ops/disclosures/{id}/approval", new { approvedBy = "Yerlan Bekov" });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        var disclosed = await operations.PostAsJsonAsync($"api/ops/disclosures/{id}/disclosure", new { disclosedBy = "Yerlan Bekov" });
        Assert.True(disclosed.IsSuccessStatusCode, await disclosed.Content.ReadAsStringAsync());
        return await disclosed.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A public lookup from <paramref name="address"/>: the test server lets the test say where a request comes from.</summary>
    private async Task<(int Status, string? ContentType, string? RetryAfter, string Body)> LookUpAsync(string path, string address, string? accept = null)
    {
        var context = await _host.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (accept is not null) http.Request.Headers.Accept = accept;
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var mediaType = context.Response.ContentType?.Split(';')[0];
        return (context.Response.StatusCode, mediaType, context.Response.Headers.RetryAfter.FirstOrDefault(), body);
    }

    /// <summary>RFC 9537: a redacted field is named by a registered type or, lacking one, described.</summary>
    private static string? RedactedName(JsonElement redaction) => redaction.GetProperty("name").EnumerateObject().Single().Value.GetString();

    private static string Hex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    private sealed record Placed(JsonElement Order, string CustomerId);

    /// <summary>A registrant whose every personal field holds a token found nowhere else, so any copy of it is found.</summary>
    private sealed record Registrant(string Country, string NameToken, string StreetToken, string Email, string Phone)
    {
        public string FullName => $"Aigerim {NameToken}";

        public string Street => $"{StreetToken} Street";

        /// <summary>The phone's digits: a copy reformatted without the "+CC." form is found too.</summary>
        public IReadOnlyList<string> Secrets => [NameToken, StreetToken, Email, Email.Split('@')[0], Phone, Phone.Split('.')[1]];

        public static Registrant Unique(string country, string phonePrefix) => new(country, "Nm" + Hex(5), "St" + Hex(5), $"em{Hex(5)}@mail.example.org",
            $"{phonePrefix}{RandomNumberGenerator.GetInt32(10_000_000, 99_999_999)}");
    }
}

/// <summary>The local host in this process as TraceTests runs it, with every log line (at Trace) and every span captured,
/// public lookups limited to <see cref="LookupsPerWindow"/> a minute per address. One per test class.</summary>
public sealed class CapturingHost : IAsyncLifetime
{
    public const int LookupsPerWindow = 20;

    private readonly RegistrySimulatorFixture _registry = new();

    public AzuriteFixture Storage { get; } = new();
    public MailSinkFixture Mail { get; } = new();
    public CapturedSpans Spans { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Storage.InitializeAsync(), _registry.InitializeAsync(), Mail.InitializeAsync());
        Host = InProcessHosts.Create(Storage, _registry, Mail.SmtpPort, host =>
        {
            host.UseSetting("Whois:RegistrarNames:kaznic", "KZ Test Registrar");
            host.UseSetting("Whois:PermitLimit", LookupsPerWindow.ToString());
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "System", "Azure" })
                host.UseSetting($"Logging:LogLevel:{category}", "Trace");
            host.ConfigureLogging(logging => logging.AddProvider(Logs));
            host.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
        });
        Host.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Task.WhenAll(Storage.DisposeAsync(), _registry.DisposeAsync(), Mail.DisposeAsync());
    }
}
