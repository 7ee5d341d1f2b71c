using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Whois;
using Registrar.Core.Names;
using Registrar.Core.Whois;
using Registrar.Core.Zones;
using static Registrar.Api.Tests.Whois.WhoisSamples;

namespace Registrar.Api.Tests.Whois;

/// <summary>GET /api/rdap/domain/{name} and GET /api/whois/{name} as both hosts run them.</summary>
public sealed class PublicLookupHandlersTests
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();

    private readonly PublicLookupHandlers handlers = new(new DomainNameParser(Zones, RefusalList.LoadEmbedded()),
        new HeldDomains(Held("xn--e1afmkfd.xn--80ao21a", "пример.қаз", "қаз", Company()), Held("shop.com.ua", "shop.com.ua", "com.ua", Person("UA")),
            Held("suspended.kyiv.ua", "suspended.kyiv.ua", "kyiv.ua", null, registryStatuses: ["clientHold"]),
            Held("undelegated.kz", "undelegated.kz", "kz", null, registryStatuses: ["inactive"]),
            Held("delegated.com.ua", "delegated.com.ua", "com.ua", null, nameServers: ["ns1.example.net", "ns2.example.net"])),
        new WhoisPublication(Zones), Zones,
        Options.Create(new WhoisOptions { RegistrarNames = { ["kaznic"] = "KZ Test Registrar", ["hostmaster"] = "UA Test Registrar" } }),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero)));

    private static HttpContext Request(string? accept = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("registrar.example");
        if (accept is not null) context.Request.Headers.Accept = accept;
        return context;
    }

    [Theory]
    [InlineData("пример.қаз")]
    [InlineData("ПРИМЕР.ҚАЗ.")]
    [InlineData("xn--e1afmkfd.xn--80ao21a")]
    public async Task A_name_typed_in_unicode_or_as_a_label_is_answered_as_rdap_json_with_a_self_link_in_a_label_form(string typed)
    {
        var context = Request();

        var (status, headers, body) = await RunAsync(await handlers.RdapDomainAsync(context.Request, typed, default), context);

        Assert.Equal(200, status);
        Assert.Equal("application/rdap+json", headers.ContentType);
        Assert.Equal("*", headers.AccessControlAllowOrigin);
        var answer = JsonDocument.Parse(body).RootElement;
        RdapShape.AssertDomainResponse(answer);
        Assert.Equal("https://registrar.example/api/rdap/domain/xn--e1afmkfd.xn--80ao21a", answer.GetProperty("links")[0].GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("free-name.kz", 404)]
    [InlineData("example.com", 404)]
    [InlineData("bad..name.kz", 400)]
    [InlineData("has space.kz", 400)]
    public async Task A_name_not_held_here_is_a_404_and_a_malformed_one_a_400_each_an_rdap_error_for_an_rdap_client(string typed, int expected)
    {
        var context = Request("application/rdap+json");

        var (status, headers, body) = await RunAsync(await handlers.RdapDomainAsync(context.Request, typed, default), context);

        Assert.Equal(expected, status);
        Assert.Equal("application/rdap+json", headers.ContentType);
        var error = JsonDocument.Parse(body).RootElement;
        RdapShape.AssertErrorResponse(error, expected);
        Assert.Equal(expected, error.GetProperty("status").GetInt32());
        Assert.StartsWith("/problems/", error.GetProperty("type").GetString());
        Assert.Equal(expected == 400, error.TryGetProperty("errors", out var errors) && errors.TryGetProperty("name", out _));
    }

    [Theory]
    [InlineData("undelegated.kz\n")]
    [InlineData("\tundelegated.kz")]
    [InlineData(" undelegated.kz")]
    [InlineData("undelegated.kz\u00A0")]
    [InlineData("\r\nundelegated.kz")]
    public async Task A_held_name_with_whitespace_or_control_characters_around_it_is_no_domain_name_and_a_400_RFC_7480_section_5_4(string typed)
    {
        var context = Request("application/rdap+json");

        var (status, _, body) = await RunAsync(await handlers.RdapDomainAsync(context.Request, typed, default), context);
        var (whoisStatus, _, _) = await RunAsync(await handlers.WhoisAsync(Request().Request, typed, default));

        Assert.Equal((400, 400), (status, whoisStatus));
        RdapShape.AssertErrorResponse(JsonDocument.Parse(body).RootElement, 400);
    }

    [Fact]
    public async Task A_query_longer_than_any_domain_name_is_a_400_that_does_not_quote_it_back()
    {
        var context = Request("application/rdap+json");
        var typed = new string('a', 5000) + ".kz";

        var (status, _, body) = await RunAsync(await handlers.RdapDomainAsync(context.Request, typed, default), context);

        Assert.Equal(400, status);
        Assert.DoesNotContain(new string('a', 100), body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/json, application/problem+json;q=0")]
    public async Task An_rdap_error_is_rdap_json_for_a_client_that_accepts_generic_json_or_anything_RFC_7480_section_4_2(string? accept)
    {
        var context = Request(accept);

        var (status, headers, body) = await RunAsync(await handlers.RdapDomainAsync(context.Request, "free-name.kz", default), context);

        Assert.Equal(404, status);
        Assert.Equal("application/rdap+json", headers.ContentType);
        RdapShape.AssertErrorResponse(JsonDocument.Parse(body).RootElement, 404);
    }

    [Theory]
    [InlineData("application/problem+json")]
    [InlineData("application/problem+json, application/json;q=0.5")]
    public async Task A_caller_that_asks_for_a_problem_and_not_for_rdap_json_gets_the_same_error_as_an_rfc_9457_problem(string accept)
    {
        var context = Request(accept);

        var (status, headers, body) = await RunAsync(await handlers.RdapDomainAsync(context.Request, "free-name.kz", default), context);

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", headers.ContentType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("/problems/not-found", 404), (problem.GetProperty("type").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.Contains("free-name.kz", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("free-name.kz", 404, null)]
    [InlineData("bad..name.kz", 400, null)]
    [InlineData("free-name.kz", 404, "application/rdap+json")]
    public async Task An_rdap_error_names_the_requests_trace_as_every_problem_does_RFC_9083_section_6(string typed, int expected, string? accept)
    {
        var context = Request(accept);

        var (status, _, body) = await RunAsync(await handlers.RdapDomainAsync(context.Request, typed, default), context);

        Assert.Equal(expected, status);
        Assert.Equal(context.TraceIdentifier, JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString());
    }

    [Theory]
    [InlineData("free-name.kz", 404, "/problems/not-found")]
    [InlineData("bad..name.kz", 400, "/problems/validation")]
    public async Task A_whois_error_is_an_rfc_9457_problem_alone_with_its_trace_and_no_rdap_members(string typed, int expected, string type)
    {
        var context = Request("application/rdap+json");

        var (status, headers, body) = await RunAsync(await handlers.WhoisAsync(context.Request, typed, default), context);

        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", headers.ContentType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((type, expected), (problem.GetProperty("type").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.Equal(context.TraceIdentifier, problem.GetProperty("traceId").GetString());
        Assert.False(problem.TryGetProperty("rdapConformance", out _) || problem.TryGetProperty("errorCode", out _));
    }

    [Theory]
    [InlineData("free-name.kz")]
    [InlineData("bad..name.kz")]
    public async Task An_error_whose_media_type_follows_Accept_says_so_in_Vary_so_no_cache_hands_it_to_the_other_caller_RFC_9110_section_12_5_5(
        string typed)
    {
        foreach (var accept in new[] { "application/problem+json", null })
        {
            var context = Request(accept);

            var (_, headers, _) = await RunAsync(await handlers.RdapDomainAsync(context.Request, typed, default), context);

            Assert.Contains("Accept", headers.Vary.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("пример.қаз", "KZ Test Registrar")]
    [InlineData("shop.com.ua", "UA Test Registrar")]
    public async Task Each_domain_names_the_registrar_of_its_registry_as_its_sponsor_RFC_9083_section_5_3(string name, string registrar)
    {
        var context = Request();

        var (_, _, body) = await RunAsync(await handlers.RdapDomainAsync(context.Request, name, default), context);
        var (_, _, text) = await RunAsync(await handlers.WhoisAsync(Request().Request, name, default));

        var sponsor = JsonDocument.Parse(body).RootElement.GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("roles")[0].GetString() == "registrar");
        Assert.Equal(registrar, sponsor.GetProperty("vcardArray")[1][1][3].GetString());
        Assert.Contains($"Registrar: {registrar}", text.Split('\n'));
    }

    [Fact]
    public async Task The_whois_text_answer_shows_what_the_kz_policy_publishes_and_marks_the_rest_redacted_KZ_App_10_3()
    {
        var (status, headers, body) = await RunAsync(await handlers.WhoisAsync(Request().Request, "пример.қаз", default));

        Assert.Equal(200, status);
        Assert.StartsWith("text/plain", headers.ContentType);
        var lines = body.Split('\n');
        Assert.Contains("Domain Name: xn--e1afmkfd.xn--80ao21a", lines);
        Assert.Contains("Internationalized Domain Name: пример.қаз", lines);
        Assert.Contains("Registrar: KZ Test Registrar", lines);
        Assert.Contains("Domain Status: ok", lines);
        Assert.Contains("Expiration Date: 2027-11-24T10:00:00Z", lines);
        Assert.Contains("Registrant Organization: Company LLP", lines);
        Assert.Contains("Registrant Country: KZ", lines);
        Assert.Contains("Registrant Email: REDACTED (KZ-App-10.3)", lines);
        Assert.Contains("Registrant Address: REDACTED (KZ-App-10.3)", lines);
    }

    [Fact]
    public async Task The_whois_text_answer_for_a_ua_name_shows_no_registrant_data_UA_1_15()
    {
        var (_, _, body) = await RunAsync(await handlers.WhoisAsync(Request().Request, "shop.com.ua", default));

        var lines = body.Split('\n');
        Assert.Contains("Registrant Name: REDACTED (UA-1.15)", lines);
        Assert.Contains("Registrant Phone: REDACTED (UA-1.15)", lines);
        foreach (var secret in new[] { "Aigerim", "aigerim@mail.example", "7012345678", "Abay", "050000" })
            Assert.DoesNotContain(secret, body);
    }

    [Fact]
    public async Task A_suspended_domain_shows_client_hold_in_RDAP_and_WHOIS_RFC_8056()
    {
        var (_, _, rdap) = await RunAsync(await handlers.RdapDomainAsync(Request().Request, "suspended.kyiv.ua", default));
        var (_, _, whois) = await RunAsync(await handlers.WhoisAsync(Request().Request, "suspended.kyiv.ua", default));

        Assert.Equal(["client hold"], JsonDocument.Parse(rdap).RootElement.GetProperty("status").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["Domain Status: clientHold"], whois.Split('\n').Where(l => l.StartsWith("Domain Status:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_domain_the_registry_reports_inactive_shows_inactive_in_RDAP_and_WHOIS_RFC_8056()
    {
        var (_, _, rdap) = await RunAsync(await handlers.RdapDomainAsync(Request().Request, "undelegated.kz", default));
        var (_, _, whois) = await RunAsync(await handlers.WhoisAsync(Request().Request, "undelegated.kz", default));

        Assert.Equal(["inactive"], JsonDocument.Parse(rdap).RootElement.GetProperty("status").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["Domain Status: inactive"], whois.Split('\n').Where(l => l.StartsWith("Domain Status:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_whois_text_answer_lists_the_name_servers_set_at_the_registry_where_the_zone_publishes_them_UA_1_15()
    {
        var (_, _, body) = await RunAsync(await handlers.WhoisAsync(Request().Request, "delegated.com.ua", default));

        Assert.Equal(["Name Server: ns1.example.net", "Name Server: ns2.example.net"],
            body.Split('\n').Where(l => l.StartsWith("Name Server:", StringComparison.Ordinal)));
    }
}
