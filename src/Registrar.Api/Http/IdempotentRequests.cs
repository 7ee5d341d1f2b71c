using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Http;

/// <summary>
/// The Idempotency-Key header: a retried request with the same key and body gets the first
/// answer; the same key with another body is refused (422), and so is one sent while the first is still being handled
/// (409, until <see cref="InFlightFor"/> has passed, or until it failed: a 5xx gives the key up). Only a request that passed its checks and
/// began executing owns its key: a refusal is judged again on retry, so a request refused while
/// data was missing (a calendar year, say) succeeds once the data is fixed. Handlers run under it
/// must themselves be idempotent for the key (a first attempt may have crashed half-way).
/// </summary>
public sealed class IdempotentRequests(IIdempotencyKeyStore store, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";

    /// <summary>How long a first request holds its key. draft-ietf-httpapi-idempotency-key-header section 2.7: a request
    /// with a key a first request still holds is a 409, not run alongside it. A first request never takes this long, so
    /// a claim older than this is one that crashed half-way and never completes: a retry then carries the request out.</summary>
    public static readonly TimeSpan InFlightFor = TimeSpan.FromSeconds(30);

    /// <summary>The scope of one endpoint's keys for one principal. draft-ietf-httpapi-idempotency-key-header section 2.2: a key
    /// is unique to its client; the endpoint is named too, so a key a client also sent elsewhere names another request there.
    /// Orders keep the bare customer id their keys were first stored under: a customer id holds no ':'.</summary>
    public static string Scope(string endpoint, string principal) => $"{endpoint}:{principal}";

    /// <summary>UA-Pre-6: the scopes whose kept answers may quote what a customer sent: an order's registrant, a claim's text, a
    /// request's contact details.</summary>
    public static IEnumerable<string> CustomerScopes(string customerId) => [customerId, Scope("claims", customerId), Scope("requests", customerId)];

    /// <summary>UA-Pre-6: what a kept answer says once the personal data it quoted were erased.</summary>
    public const string ErasedAnswer = """{"erased":"UA-Pre-6: the personal data this answer held were erased."}""";

    /// <summary>The id of the record a request creates: "<paramref name="prefix"/>" and 16 hex digits. With a key, derived from
    /// the scope and the key, so a retry after a failure half-way finds the record the first attempt stored and carries on
    /// from it; without one, random, naming no stored record.</summary>
    public static string RecordId(char prefix, string scope, string? key) =>
        prefix + Convert.ToHexStringLower(key is null
            ? RandomNumberGenerator.GetBytes(8)
            : SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{key}")).AsSpan(0, 8));

    /// <summary>The request's key as <see cref="RunAsync"/> reads it; null when it has none, or one <see cref="RunAsync"/> refuses.</summary>
    public static string? KeyOf(HttpRequest request) => request.Headers.TryGetValue(Header, out var keys) ? ReadKey(keys) : null;

    /// <summary>Whether <paramref name="answer"/>, a 201's body, fits the one table property a key keeps it in: one that did not
    /// would fail every retry after the record was stored.</summary>
    public static bool CanKeep<TAnswer>(TAnswer answer, DateTimeOffset now) => DocumentLimits.Fits(
        new IdempotentResponse(new string('0', 64), now, 201, "application/json", JsonSerializer.Serialize(answer, DocumentTable.Json)));

    public async Task<IResult> RunAsync<TChecked>(HttpRequest request, string scope, byte[] body,
        Func<Task<Checked<TChecked>>> check, Func<TChecked, string?, Task<IResult>> execute, CancellationToken ct)
    {
        if (!request.Headers.TryGetValue(Header, out var keys))
        {
            var unkeyed = await check();
            return unkeyed.Problem ?? await execute(unkeyed.Value!, null);
        }
        // A header sent empty is a key the client meant to give: taken for none, each retry would place another order.
        if (ReadKey(keys) is not { } key)
            return Problems.Validation(Header,
                "An Idempotency-Key is one structured field string (RFC 8941 section 3.3.3) of 1 to 255 characters, e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\", "
                + "or those characters bare, if visible ASCII and no comma, on one header line.");

        var fingerprint = RequestFingerprint.Of(request, body);
        if (await store.FindAsync(scope, key, ct) is { } earlier && Replay(earlier.Document, fingerprint) is { } answered) return answered;
        var checkedRequest = await check();
        if (checkedRequest.Problem is not null) return checkedRequest.Problem;

        var claim = await store.ClaimAsync(scope, key, fingerprint.Hash, clock.GetUtcNow(), ct);
        if (!claim.IsFirst && Replay(claim.Response.Document, fingerprint) is { } raced) return raced;
        RecordedResponse response;
        try
        {
            response = await RecordedResponse.CaptureAsync(await execute(checkedRequest.Value!, key), request.HttpContext);
        }
        catch
        {
            await ReleaseAsync(claim.Response);
            throw;
        }
        if (response.StatusCode < 500) await CompleteAsync(claim.Response, response, ct);
        else await ReleaseAsync(claim.Response);
        return response;
    }

    /// <summary>draft-ietf-httpapi-idempotency-key-header section 2.7: a 409 is for a retry while the first request "is still being
    /// processed". One that failed (a 5xx, an exception answered as a 500 that tells the client to retry with the same key) is
    /// not, so it gives up its key and the retry is carried out, rather than refused until <see cref="InFlightFor"/> has passed.
    /// Only a host that died half-way leaves its claim to age.</summary>
    private async Task ReleaseAsync(Stored<IdempotentResponse> claimed)
    {
        try
        {
            // Not the request's token: a request the client abandoned is released all the same.
            await store.ReleaseAsync(claimed, CancellationToken.None);
        }
        catch (Exception)
        {
            // The claim then ages as a crashed one does; the request's own failure is what the client is told.
        }
    }

    /// <summary>
    /// draft-ietf-httpapi-idempotency-key-header section 2.1: the field is an Item Structured Field whose value is a String,
    /// <c>"8e03978e-…"</c>, read as RFC 8941 section 4.2.5 reads one (escapes <c>\"</c> and <c>\\</c> only, printable ASCII,
    /// nothing after the closing quote). The key is the string's content, so the quoted form and the bare token clients sent
    /// before (1 to 255 visible ASCII characters) are the same key.
    /// </summary>
    /// <returns>The key, or null when the field is malformed.</returns>
    /// <summary>RFC 9110 section 5.3: two header lines mean the same as one joined by a comma, a list of keys: a request has one.</summary>
    private static string? ReadKey(StringValues lines) => lines.Count == 1 ? ReadKey(lines[0]!) : null;

    private static string? ReadKey(string field)
    {
        if (!field.StartsWith('"'))
            return field.Length is 0 or > 255 || field.Any(c => c < 0x21 || c > 0x7e || c == ',') ? null : field;
        var key = new StringBuilder();
        for (var i = 1; i < field.Length; i++)
        {
            var c = field[i];
            if (c == '"') return i == field.Length - 1 && key.Length is > 0 and <= 255 ? key.ToString() : null;
            if (c == '\\')
            {
                if (++i == field.Length || field[i] is not ('"' or '\\')) return null;
                c = field[i];
            }
            else if (c < 0x20 || c > 0x7e) return null;
            key.Append(c);
        }
        return null;
    }

    /// <returns>The answer an earlier request with this key already settled or still holds, or null when this one must run.</returns>
    private IResult? Replay(IdempotentResponse earlier, RequestFingerprint fingerprint) =>
        !fingerprint.Matches(earlier.RequestHash) ? Problems.IdempotencyKeyReused()
        : earlier.IsComplete ? new RecordedResponse(earlier.StatusCode!.Value, earlier.ContentType!, earlier.Body!, earlier.Headers)
        : clock.GetUtcNow() - earlier.StartedAt < InFlightFor ? Problems.IdempotencyKeyInUse()
        : null;

    private async Task CompleteAsync(Stored<IdempotentResponse> claimed, RecordedResponse response, CancellationToken ct)
    {
        try
        {
            await store.CompleteAsync(claimed, response.StatusCode, response.ContentType, response.Body, response.Headers, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // A concurrent request with the same key completed it first, with the same answer:
            // the handler is idempotent for the key.
        }
    }
}

/// <summary>Either the request, checked and ready to execute, or the problem it is refused with.</summary>
public readonly record struct Checked<T>(T? Value, IResult? Problem)
{
    public static Checked<T> Passed(T value) => new(value, null);
    public static Checked<T> Refused(IResult problem) => new(default, problem);
}

/// <summary>A response as status, media type, body and the headers a client acts on: what an idempotent request replays.</summary>
public sealed class RecordedResponse(int statusCode, string contentType, string body, IReadOnlyDictionary<string, string>? headers) : IResult
{
    /// <summary>Where the created resource is, and whether a cache may keep the answer.</summary>
    private static readonly string[] KeptHeaders = ["Location", "Cache-Control"];

    public int StatusCode { get; } = statusCode;
    public string ContentType { get; } = contentType;
    public string Body { get; } = body;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();

    public static async Task<RecordedResponse> CaptureAsync(IResult result, HttpContext original)
    {
        var context = new DefaultHttpContext { RequestServices = original.RequestServices };
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await result.ExecuteAsync(context);
        var headers = KeptHeaders.Where(h => context.Response.Headers.ContainsKey(h))
            .ToDictionary(h => h, h => context.Response.Headers[h].ToString());
        return new RecordedResponse(context.Response.StatusCode, context.Response.ContentType ?? "application/json",
            Encoding.UTF8.GetString(buffer.ToArray()), headers);
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers) httpContext.Response.Headers[name] = value;
        // RFC 9110 section 15.3.5: a 204 has no content, so neither a media type nor a body to write.
        if (StatusCode == StatusCodes.Status204NoContent) return Task.CompletedTask;
        httpContext.Response.ContentType = ContentType;
        return httpContext.Response.WriteAsync(Body);
    }
}
