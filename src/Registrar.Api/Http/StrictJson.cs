using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Registrar.Api.Http;

/// <summary>
/// Reads a JSON request body strictly: a size limit, the right media type in UTF-8 (RFC 8259 8.1),
/// no unknown or repeated fields, required properties present, nulls only where the contract allows them.
/// Anything else is a problem result naming what was wrong, and nothing has been changed.
/// </summary>
public static class StrictJson
{
    public const long DefaultBodyLimit = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // DuplicateMembers (RFC 8259 section 4): a body that says two things is refused, the names matched as the
        // case-insensitive binding matches them ("termYears" and "TermYears").
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new EnumNames() },
    };

    public static async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken,
        long limit = DefaultBodyLimit)
    {
        if (MediaTypeProblem(request.ContentType) is { } wrongType) return BodyRead<T>.Failed(wrongType);

        var body = await RawBody.ReadAsync(request, limit, cancellationToken);
        return body is null ? BodyRead<T>.Failed(Problems.BodyTooLarge(limit)) : Deserialize<T>(request.ContentType, body);
    }

    /// <summary>A body already read (for example to hash or verify it first).</summary>
    public static BodyRead<T> Deserialize<T>(string? contentType, byte[] body)
    {
        if (MediaTypeProblem(contentType) is { } wrongType) return BodyRead<T>.Failed(wrongType);
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            return value is null
                ? BodyRead<T>.Failed(Problems.MalformedBody("The body is JSON null; an object is expected."))
                : BodyRead<T>.Read(value);
        }
        catch (JsonException e)
        {
            return BodyRead<T>.Failed(Problems.MalformedBody(JsonErrors.Describe(e, typeof(T)), JsonErrors.Fields(e, typeof(T))));
        }
    }

    /// <summary>application/json, with no charset or UTF-8: a body declared in another charset would be read wrongly.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? MediaTypeProblem(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return Problems.UnsupportedMediaType("application/json");
        // RFC 9110 section 5.6.6: charset="utf-8" is charset=utf-8.
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).Value;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            ? null
            : Problems.UnsupportedMediaType("application/json in UTF-8 (RFC 8259 8.1); no other charset is read");
    }
}

/// <summary>Either the body as <typeparamref name="T"/> or the problem to answer with.</summary>
public readonly record struct BodyRead<T>(T? Value, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem)
{
    public static BodyRead<T> Read(T value) => new(value, null);
    public static BodyRead<T> Failed(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem) => new(default, problem);
}
