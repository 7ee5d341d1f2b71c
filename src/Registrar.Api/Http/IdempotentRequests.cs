using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Http;

/// <summary>
/// The Idempotency-Key header: a retried request with the same key and body gets the first
/// answer; the same key with another body is refused. Handlers run under it must themselves be
/// idempotent for the key (a first attempt may have crashed half-way and left no answer).
/// </summary>
public sealed class IdempotentRequests(IIdempotencyKeyStore store, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";

    public async Task<IResult> RunAsync(HttpRequest request, string scope, byte[] body, CancellationToken ct,
        Func<string?, Task<IResult>> handle)
    {
        var key = request.Headers[Header].ToString();
        if (key.Length == 0) return await handle(null);
        if (key.Length > 255 || key.Any(c => c < 0x21 || c > 0x7e))
            return Problems.Validation(Header, "An Idempotency-Key is 1 to 255 visible ASCII characters, e.g. a UUID.");

        var hash = RequestHash(request, body);
        var claim = await store.ClaimAsync(scope, key, hash, clock.GetUtcNow(), ct);
        var earlier = claim.Response.Document;
        if (!claim.IsFirst && earlier.RequestHash != hash) return Problems.IdempotencyKeyReused();
        if (!claim.IsFirst && earlier.IsComplete)
            return new RecordedResponse(earlier.StatusCode!.Value, earlier.ContentType!, earlier.Body!);

        var result = await handle(key);
        var response = await RecordedResponse.CaptureAsync(result, request.HttpContext);
        if (response.StatusCode < 500) await CompleteAsync(claim.Response, response, ct);
        return response;
    }

    private async Task CompleteAsync(Stored<IdempotentResponse> claimed, RecordedResponse response, CancellationToken ct)
    {
        try
        {
            await store.CompleteAsync(claimed, response.StatusCode, response.ContentType, response.Body, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // A concurrent request with the same key completed it first, with the same answer:
            // the handler is idempotent for the key.
        }
    }

    private static string RequestHash(HttpRequest request, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        sha.AppendData(body);
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}

/// <summary>A response as status, media type and body: what an idempotent request replays.</summary>
public sealed class RecordedResponse(int statusCode, string contentType, string body) : IResult
{
    public int StatusCode { get; } = statusCode;
    public string ContentType { get; } = contentType;
    public string Body { get; } = body;

    public static async Task<RecordedResponse> CaptureAsync(IResult result, HttpContext original)
    {
        var context = new DefaultHttpContext { RequestServices = original.RequestServices };
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await result.ExecuteAsync(context);
        return new RecordedResponse(context.Response.StatusCode, context.Response.ContentType ?? "application/json",
            Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = ContentType;
        return httpContext.Response.WriteAsync(Body);
    }
}
