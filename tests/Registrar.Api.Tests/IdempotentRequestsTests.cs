using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api.Http;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Tests;

public sealed class IdempotentRequestsTests
{
    private readonly InMemoryKeys _keys = new();
    private readonly IdempotentRequests _idempotency;

    public IdempotentRequestsTests() => _idempotency = new IdempotentRequests(_keys, TimeProvider.System);

    [Fact]
    public async Task A_request_refused_by_its_checks_does_not_own_its_key_and_its_retry_is_judged_again()
    {
        var executed = 0;
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created("/api/orders/O1", order)); }

        var refused = await RunAsync(() => Checked<string>.Refused(Problems.Validation("items[0].name", "No tariff in force yet.")), Execute);
        var afterTheDataWasFixed = await RunAsync(() => Checked<string>.Passed("order"), Execute);

        Assert.Equal(400, refused.StatusCode);
        Assert.Equal(201, afterTheDataWasFixed.StatusCode);
        Assert.Equal(1, executed);
    }

    [Fact]
    public async Task A_request_that_ran_owns_its_key_and_its_retry_gets_the_first_answer_with_its_location()
    {
        var executed = 0;
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created("/api/orders/O1", order)); }

        await RunAsync(() => Checked<string>.Passed("order"), Execute);
        var retry = await RunAsync(() => Checked<string>.Refused(Problems.Validation("items", "no longer valid")), Execute);

        Assert.Equal((201, "/api/orders/O1"), (retry.StatusCode, retry.Headers.Location.ToString()));
        Assert.Equal(1, executed);
    }

    [Fact]
    public async Task An_empty_Idempotency_Key_is_refused_rather_than_taken_for_no_key()
    {
        var executed = 0;
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created("/api/orders/O1", order)); }

        var empty = await RunAsync(() => Checked<string>.Passed("order"), Execute, key: "");
        var none = await RunAsync(() => Checked<string>.Passed("order"), Execute, key: null);

        Assert.Equal(400, empty.StatusCode);
        Assert.Equal(201, none.StatusCode);
        Assert.Equal(1, executed);
    }

    [Fact]
    public async Task Quoted_idempotency_key_is_the_same_key_as_the_bare_token()
    {
        var executed = 0;
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created($"/api/orders/{key}", order)); }

        var quoted = await RunAsync(() => Checked<string>.Passed("order"), Execute, key: "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
        var bare = await RunAsync(() => Checked<string>.Passed("order"), Execute, key: "8e03978e-40d5-43e8-bc93-6894a57f9324");
        var escaped = await RunAsync(() => Checked<string>.Passed("order"), Execute, key: "\"a\\\"b \\\\ c\"");

        Assert.Equal((201, 201), (quoted.StatusCode, bare.StatusCode));
        Assert.Equal("/api/orders/8e03978e-40d5-43e8-bc93-6894a57f9324", bare.Headers.Location.ToString());
        Assert.Equal("/api/orders/a\"b \\ c", escaped.Headers.Location.ToString());
        Assert.Equal(2, executed);
    }

    [Theory]
    [InlineData("k-dh-1", "k-dh-2")]
    [InlineData("k-dh-1,k-dh-2", null)]
    [InlineData("\"k-dh-1\"", "\"k-dh-2\"")]
    public async Task More_than_one_Idempotency_Key_on_one_line_or_several_is_a_400_problem_RFC_9110_section_5_3(string first, string? second)
    {
        string[] lines = second is null ? [first] : [first, second];
        var executed = 0;
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created("/api/orders/O1", order)); }

        var refused = await RunAsync(() => Checked<string>.Passed("order"), Execute, keyLines: lines);

        Assert.Equal((400, "application/problem+json"), (refused.StatusCode, refused.ContentType));
        Assert.Equal(0, executed);
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("\"two\" \"strings\"")]
    [InlineData("\"a\\n\"")]
    [InlineData("\"\"")]
    [InlineData("\"tab\there\"")]
    [InlineData("\"\u00e9t\u00e9\"")]
    public async Task A_malformed_structured_field_Idempotency_Key_is_a_400_problem_RFC_8941_section_4_2_5(string field)
    {
        var executed = 0;
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created("/api/orders/O1", order)); }

        var refused = await RunAsync(() => Checked<string>.Passed("order"), Execute, key: field);

        Assert.Equal((400, "application/problem+json"), (refused.StatusCode, refused.ContentType));
        Assert.Equal(0, executed);
    }

    [Fact]
    public async Task A_request_whose_key_a_first_request_still_holds_is_a_409_and_does_not_run_draft_idempotency_key_section_2_7()
    {
        var executed = 0;
        var firstMayFinish = new TaskCompletionSource();
        async Task<IResult> Execute(string order, string? key)
        {
            // Only the first waits: a second one run concurrently would otherwise wait for ever.
            if (++executed == 1) await firstMayFinish.Task;
            return TypedResults.Created("/api/orders/O1", order);
        }

        var first = RunAsync(() => Checked<string>.Passed("order"), Execute);
        var concurrent = await RunAsync(() => Checked<string>.Passed("order"), Execute);
        firstMayFinish.SetResult();

        Assert.Equal((409, 201), (concurrent.StatusCode, (await first).StatusCode));
        Assert.Equal(1, executed);
    }

    [Fact]
    public async Task A_key_whose_first_request_never_finished_is_taken_over_once_it_is_no_longer_in_flight()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var idempotency = new IdempotentRequests(_keys, clock);
        var executed = 0;
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created("/api/orders/O1", order)); }

        // The host died half-way: the first request never answers, and its claim stays, neither completed nor released.
        var diedHalfWay = new TaskCompletionSource<IResult>();
        _ = RunAsync(() => Checked<string>.Passed("order"), (_, _) => { executed++; return diedHalfWay.Task; }, idempotency: idempotency);
        var tooSoon = await RunAsync(() => Checked<string>.Passed("order"), Execute, idempotency: idempotency);
        clock.Advance(IdempotentRequests.InFlightFor);
        var retried = await RunAsync(() => Checked<string>.Passed("order"), Execute, idempotency: idempotency);

        Assert.Equal((409, 201), (tooSoon.StatusCode, retried.StatusCode));
        Assert.Equal(2, executed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_first_attempt_that_failed_with_a_5xx_releases_its_key_so_a_retry_at_once_is_carried_out_draft_idempotency_key_section_2_7(
        bool throws)
    {
        var executed = 0;
        Task<IResult> Fail(string order, string? key)
        {
            executed++;
            return throws ? throw new IOException("storage did not answer") : Task.FromResult<IResult>(Problems.RegistryUnavailable("The registry did not answer."));
        }
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created("/api/orders/O1", order)); }

        if (throws) await Assert.ThrowsAsync<IOException>(() => RunAsync(() => Checked<string>.Passed("order"), Fail));
        else Assert.Equal(503, (await RunAsync(() => Checked<string>.Passed("order"), Fail)).StatusCode);
        var retried = await RunAsync(() => Checked<string>.Passed("order"), Execute);

        Assert.Equal((201, "/api/orders/O1"), (retried.StatusCode, retried.Headers.Location.ToString()));
        Assert.Equal(2, executed);
    }

    [Theory]
    [InlineData("""{ "b" : "\u0410", "a" : [1, {"d":true,"c":null}] }""", 201)]
    [InlineData("""{"a":[1,{"c":null,"d":true}],"b":"А"}""", 201)]
    [InlineData("""{"a":[{"c":null,"d":true},1],"b":"А"}""", 422)]
    [InlineData("""{"a":[1,{"c":null,"d":true}],"b":"Б"}""", 422)]
    public async Task A_retry_is_the_same_request_when_its_JSON_says_the_same_however_it_is_spelled_draft_idempotency_key_2_4(string retried, int answer)
    {
        var executed = 0;
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created("/api/orders/O1", order)); }

        await RunAsync(() => Checked<string>.Passed("order"), Execute, body: """{"a":[1,{"c":null,"d":true}],"b":"А"}""");
        var retry = await RunAsync(() => Checked<string>.Passed("order"), Execute, body: retried);

        Assert.Equal((answer, 1), (retry.StatusCode, executed));
    }

    [Fact]
    public async Task A_key_stored_with_the_hash_of_its_bodys_bytes_before_JSON_counted_by_what_it_says_still_replays()
    {
        var executed = 0;
        Task<IResult> Execute(string order, string? key) { executed++; return Task.FromResult<IResult>(TypedResults.Created("/api/orders/O1", order)); }
        const string body = """{ "a" : 1 }""";
        var bytesHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("POST /api/orders\n" + body)));
        var claim = await _keys.ClaimAsync("cust-1", "key-1", bytesHash, DateTimeOffset.UtcNow, default);
        await _keys.CompleteAsync(claim.Response, 201, "application/json", "\"first\"", null, default);

        var retry = await RunAsync(() => Checked<string>.Passed("order"), Execute, body: body);

        Assert.Equal((201, 0), (retry.StatusCode, executed));
    }

    private async Task<HttpResponse> RunAsync(Func<Checked<string>> check, Func<string, string?, Task<IResult>> execute, string? key = "key-1",
        IdempotentRequests? idempotency = null, string[]? keyLines = null, string body = "{}")
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.Path = "/api/orders";
        if (key is not null) context.Request.Headers[IdempotentRequests.Header] = keyLines is null ? key : new Microsoft.Extensions.Primitives.StringValues(keyLines);
        context.Response.Body = new MemoryStream();
        var result = await (idempotency ?? _idempotency).RunAsync(context.Request, "cust-1", System.Text.Encoding.UTF8.GetBytes(body), () => Task.FromResult(check()), execute, default);
        await result.ExecuteAsync(context);
        return context.Response;
    }

    private sealed class InMemoryKeys : IIdempotencyKeyStore
    {
        private readonly Dictionary<string, Stored<IdempotentResponse>> _rows = new();

        public Task<Stored<IdempotentResponse>?> FindAsync(string clientId, string key, CancellationToken ct) =>
            Task.FromResult(_rows.GetValueOrDefault($"{clientId}|{key}"));

        public Task<IdempotencyClaim> ClaimAsync(string clientId, string key, string requestHash, DateTimeOffset now, CancellationToken ct)
        {
            var id = $"{clientId}|{key}";
            if (_rows.TryGetValue(id, out var existing)) return Task.FromResult(new IdempotencyClaim(existing, false));
            var claimed = new Stored<IdempotentResponse>(id, id, new IdempotentResponse(requestHash, now, null, null, null), new ETag("1"));
            _rows[id] = claimed;
            return Task.FromResult(new IdempotencyClaim(claimed, true));
        }

        public Task<Stored<IdempotentResponse>> CompleteAsync(Stored<IdempotentResponse> claimed, int statusCode, string contentType,
            string body, IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
        {
            var completed = claimed with { Document = claimed.Document with { StatusCode = statusCode, ContentType = contentType, Body = body, Headers = headers } };
            _rows[claimed.PartitionKey] = completed;
            return Task.FromResult(completed);
        }

        public Task ReleaseAsync(Stored<IdempotentResponse> claimed, CancellationToken ct)
        {
            if (_rows.TryGetValue(claimed.PartitionKey, out var current) && current.ETag == claimed.ETag) _rows.Remove(claimed.PartitionKey);
            return Task.CompletedTask;
        }

        public Task<int> EraseAnswersAsync(string clientId, string erasedBody, CancellationToken ct) =>
            throw new NotSupportedException("Not asked of in-memory keys.");
    }
}
