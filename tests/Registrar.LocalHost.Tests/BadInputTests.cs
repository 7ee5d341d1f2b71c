using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Testing;

namespace Registrar.LocalHost.Tests;

/// <summary>Bad input always gets an RFC 9457 problem with a 4xx status, and changes nothing.</summary>
[Collection(ProductCollection.Name)]
public sealed class BadInputTests(ProductFixture product)
{
    public static TheoryData<string> Corpus() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "BadRequests")).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_malformed_or_invalid_storefront_request_is_a_problem_and_stores_nothing(string file)
    {
        // File names say what they are: "{endpoint}.{status}.{what is wrong}.json".
        var parts = file.Split('.');
        var (endpoint, status) = (parts[0], int.Parse(parts[1]));
        using var storefront = product.Storefront("bad-input");
        var before = await CountRowsAsync();

        var response = await storefront.PostAsync($"api/{endpoint}",
            new StringContent(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "BadRequests", file)), Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, status);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task An_order_refusal_names_every_offending_field()
    {
        using var storefront = product.Storefront("bad-input");

        var response = await storefront.PostAsync("api/orders", Json("""
            {"items":[{"name":"nic.kz","termYears":11,"trademark":null},{"name":"ok-name.kz","termYears":1,"trademark":null}],
             "contactEmail":"not-an-email","registrant":{"nicHandle":null,"data":null},"technicalContact":null,"acceptance":null}
            """));

        var problem = await AssertProblemAsync(response, 400);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["acceptance", "contactEmail", "items[0].name", "registrant"], errors.Order());
    }

    [Fact]
    public async Task An_if_match_naming_tags_is_a_412_that_changes_nothing_as_no_representation_here_has_one_RFC_9110_13_1_1()
    {
        using var storefront = product.Storefront("bad-input");
        var before = await CountRowsAsync();
        using var guarded = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = Json("""{"items":[]}""") };
        guarded.Headers.TryAddWithoutValidation("If-Match", "\"stale\"");
        using var any = new HttpRequestMessage(HttpMethod.Post, "api/quotes") { Content = Json("""{"names":["shop.kz"],"termYears":1}""") };
        any.Headers.TryAddWithoutValidation("If-Match", "*");

        var refused = await AssertProblemAsync(await storefront.SendAsync(guarded), 412);
        var taken = await storefront.SendAsync(any);

        Assert.Equal("/problems/precondition-failed", refused.GetProperty("type").GetString());
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal(200, (int)taken.StatusCode);
    }

    [Theory]
    [InlineData("api/ops/registrations?phse=Stalled", "phse")]
    [InlineData("api/ops/audit?actr=someone", "actr")]
    public async Task A_misspelt_filter_of_an_operations_list_is_a_400_naming_it_not_the_whole_list(string path, string named)
    {
        using var operations = product.Operations();

        var problem = await AssertProblemAsync(await operations.GetAsync(path), 400);

        Assert.Equal([named], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(200, (int)(await operations.GetAsync(path.Split('?')[0] + "?pageSize=5")).StatusCode);
    }

    [Fact]
    public async Task A_null_among_a_quotes_names_is_named_by_its_place_in_the_list()
    {
        using var storefront = product.Storefront("bad-input");

        var problem = await AssertProblemAsync(await storefront.PostAsync("api/quotes", Json("""{"names":["shop.kz",null],"termYears":1}""")), 400);

        Assert.Equal(["names[1]"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_name_whose_ligature_moves_its_hyphens_into_the_3rd_and_4th_positions_is_a_400_not_a_500_RFC_5891_4_2_3_1()
    {
        using var storefront = product.Storefront("bad-input");
        using var anonymous = product.Anonymous();

        var quote = await storefront.PostAsync("api/quotes", Json("""{"names":["shop.kz","\uFB00--x.kz"],"termYears":1}"""));
        var rdap = await anonymous.GetAsync("api/rdap/domain/%EF%AC%80--x.kz");

        Assert.Equal(200, (int)quote.StatusCode);
        Assert.Contains("3rd and 4th positions", await quote.Content.ReadAsStringAsync());
        Assert.Equal(400, (int)rdap.StatusCode);
    }

    [Theory]
    [InlineData("shop.kz", "(KZ-1.1)")]
    [InlineData("shop.com.ua", "(UA-1.6)")]
    [InlineData("bad..name", "(KZ-1.1, UA-1.6)")]
    public async Task A_quote_for_a_term_under_a_year_cites_the_offer_of_the_names_zone_KZ_1_1_UA_1_6(string name, string cited)
    {
        using var storefront = product.Storefront("bad-input");

        var problem = await AssertProblemAsync(await storefront.PostAsync("api/quotes", Json($$"""{"names":["{{name}}"],"termYears":0}""")), 400);

        Assert.EndsWith(cited + ".", problem.GetProperty("errors").GetProperty("termYears")[0].GetString());
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("br", false)]
    [InlineData("identity, gzip", true)]
    public async Task A_body_in_a_content_coding_not_decoded_here_is_a_415_naming_identity_and_is_never_read_as_identity_RFC_9110_8_4(
        string coding, bool compressed)
    {
        using var storefront = product.Storefront("bad-input");
        var json = Encoding.UTF8.GetBytes("""{"names":["coded-body.kz"],"termYears":1}""");
        using var gzipped = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Fastest)) zip.Write(json);
        var content = new ByteArrayContent(compressed ? gzipped.ToArray() : json);
        content.Headers.ContentType = new("application/json");
        content.Headers.TryAddWithoutValidation("Content-Encoding", coding);

        var response = await storefront.PostAsync("api/quotes", content);

        var problem = await AssertProblemAsync(response, 415);
        Assert.Equal("/problems/unsupported-media-type", problem.GetProperty("type").GetString());
        Assert.Equal(["identity"], response.Headers.TryGetValues("Accept-Encoding", out var accepted) ? accepted : []);
        Assert.Equal(200, (int)(await storefront.PostAsync("api/quotes", Json("""{"names":["coded-body.kz"],"termYears":1}"""))).StatusCode);
    }

    [Fact]
    public async Task A_body_in_a_transfer_coding_other_than_chunked_is_a_501_and_is_never_read_as_the_request_RFC_9112_6_1()
    {
        var json = Encoding.UTF8.GetBytes("""{"names":["coded-transfer.kz"],"termYears":1}""");
        using var gzipped = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Fastest)) zip.Write(json);
        var coded = gzipped.ToArray();
        using var connection = new System.Net.Sockets.TcpClient();
        await connection.ConnectAsync(product.BaseAddress.Host, product.BaseAddress.Port);
        var stream = connection.GetStream();
        var head = $"POST /api/quotes HTTP/1.1\r\nHost: {product.BaseAddress.Authority}\r\nX-Api-Key: {ProductFixture.StorefrontKey}\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n"
            + $"{coded.Length:X}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(coded);
        await stream.WriteAsync("\r\n0\r\n\r\n"u8.ToArray());

        var answer = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 501", answer);
        Assert.Contains("/problems/transfer-coding-not-implemented", answer);
    }

    [Fact]
    public async Task Requests_without_a_valid_client_key_are_refused_and_a_customer_sees_only_their_own_orders()
    {
        using var anonymous = product.Anonymous();
        await AssertProblemAsync(await anonymous.PostAsync("api/quotes", Json("""{"names":["shop.kz"],"termYears":1}""")), 401);

        using var operationsAsStorefront = product.Operations();
        operationsAsStorefront.DefaultRequestHeaders.Add("X-Customer-Id", "someone");
        await AssertProblemAsync(await operationsAsStorefront.GetAsync("api/orders/O1"), 403);

        using var stranger = product.Storefront("stranger");
        await AssertProblemAsync(await stranger.GetAsync("api/orders/Odoesnotexist"), 404);
    }

    [Theory]
    [InlineData("dtd", 400)]
    [InlineData("not-well-formed", 400)]
    [InlineData("bad-signature", 401)]
    [InlineData("stale-timestamp", 401)]
    [InlineData("unknown-bank", 401)]
    [InlineData("wrong-media-type", 415)]
    [InlineData("oversized", 413)]
    public async Task A_bad_bank_notification_is_a_problem_and_applies_nothing(string defect, int status)
    {
        var camt = BankMessages.Camt054Credit("KZ-2611-00001-3", "100.00", "KZT", DateTimeOffset.Now, BankMessages.NewReference());
        var (bank, mediaType, signatureSecondsAgo) = ("halyk", "application/xml", 0);
        switch (defect)
        {
            case "dtd": camt = camt.Replace("<Document", "<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Document"); break;
            case "not-well-formed": camt = camt.Replace("</Document>", ""); break;
            case "stale-timestamp": signatureSecondsAgo = 3600; break;
            case "unknown-bank": bank = "nobank"; break;
            case "wrong-media-type": mediaType = "text/plain"; break;
            case "oversized": camt += new string(' ', 11 * 1024 * 1024); break;
        }
        var signature = BankMessages.Sign(ProductFixture.HalykSecret, camt, signatureSecondsAgo);
        if (defect == "bad-signature") signature = signature[..^4] + "0000";
        var before = await CountRowsAsync();
        using var client = product.Anonymous();
        var content = new StringContent(camt, Encoding.UTF8, mediaType);
        content.Headers.Add("X-Signature", signature);

        await AssertProblemAsync(await client.PostAsync($"api/banks/{bank}/camt054", content), status);
        // UA-3.2: the bank's own file that cannot be read is kept as sent and one review item tells operations; nothing else changes.
        var authenticButUnreadable = defect is "dtd" or "not-well-formed";
        Assert.Equal(before + (authenticButUnreadable ? 1 : 0), await CountRowsAsync());
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/xml; charset=utf-8")]
    public async Task A_camt054_is_taken_under_either_XML_media_type_of_RFC_7303(string mediaType)
    {
        var camt = BankMessages.Camt054Credit("KZ-2611-00001-3", "100.00", "KZT", DateTimeOffset.Now, BankMessages.NewReference());
        using var client = product.Anonymous();
        var content = new StringContent(camt);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt));

        TestSupport.AssertRecorded(await client.PostAsync("api/banks/halyk/camt054", content));
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        using var client = product.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/orders", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/banks/{bankId}/camt054", out _));
        // A number is documented as the parser takes it: a number, not also a string the parser refuses.
        var termYears = document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Select(s => s.Value.TryGetProperty("properties", out var p) && p.TryGetProperty("termYears", out var t) ? t : (JsonElement?)null)
            .OfType<JsonElement>().ToList();
        Assert.NotEmpty(termYears);
        Assert.All(termYears, t => Assert.Equal("integer", t.GetProperty("type").ToString()));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_rdap_catch_all_as_the_lookup_it_is_not_the_methods_it_refuses()
    {
        using var client = product.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        var operations = document.GetProperty("paths").GetProperty("/api/rdap/{path}").EnumerateObject().Select(o => o.Name)
            .Where(name => name != "parameters");
        Assert.Equal(["get"], operations);
    }

    [Theory]
    [InlineData("/api/orders", "post", "X-Customer-Id", true)]
    [InlineData("/api/orders", "post", "Idempotency-Key", false)]
    [InlineData("/api/invoices", "get", "X-Customer-Id", true)]
    [InlineData("/api/ops/registrations/{registrationId}/refunds", "post", "Idempotency-Key", false)]
    [InlineData("/api/ops/force-majeure", "post", "Idempotency-Key", false)]
    public async Task The_openapi_document_lists_the_header_fields_an_operation_reads_and_whether_it_requires_them(
        string path, string method, string header, bool required)
    {
        using var client = product.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        var parameter = Assert.Single(document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == header);
        Assert.Equal("header", parameter.GetProperty("in").GetString());
        Assert.Equal(required, parameter.TryGetProperty("required", out var r) && r.GetBoolean());
    }

    [Theory]
    [InlineData("/api/quotes", "post", new[] { "200", "400", "401", "413", "415" })]
    [InlineData("/api/orders", "post", new[] { "201", "400", "401", "409", "413", "415", "422" })]
    [InlineData("/api/registrations/{registrationId}/choice", "post", new[] { "202", "400", "404", "409" })]
    public async Task The_openapi_document_lists_the_statuses_an_operation_answers(string path, string method, string[] statuses)
    {
        using var client = product.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        var documented = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(r => r.Name);
        Assert.Subset(documented.ToHashSet(), statuses.ToHashSet());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()), body);
        return problem;
    }

    /// <summary>Rows in every table that holds business data: what "changes nothing" is measured by.</summary>
    private async Task<int> CountRowsAsync()
    {
        var count = 0;
        foreach (var table in new[] { "orders", "invoices", "payments", "review", "invoicesequences" })
        {
            var client = product.Storage.Tables.GetTableClient(table);
            await client.CreateIfNotExistsAsync();
            await foreach (var _ in client.QueryAsync<TableEntity>(select: ["PartitionKey"])) count++;
        }
        return count;
    }
}
