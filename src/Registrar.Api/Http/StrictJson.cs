using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Registrar.Api.Http;

/// <summary>
/// Reads a JSON request body strictly: a size limit, the right media type, no unknown fields,
/// required properties present, nulls only where the contract allows them. Anything else is a
/// problem result naming what was wrong, and nothing has been changed.
/// </summary>
public static class StrictJson
{
    public const long DefaultBodyLimit = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken,
        long limit = DefaultBodyLimit)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return BodyRead<T>.Failed(Problems.UnsupportedMediaType("application/json"));

        var body = await RawBody.ReadAsync(request, limit, cancellationToken);
        return body is null ? BodyRead<T>.Failed(Problems.BodyTooLarge(limit)) : Deserialize<T>(request.ContentType, body);
    }

    /// <summary>A body already read (for example to hash or verify it first).</summary>
    public static BodyRead<T> Deserialize<T>(string? contentType, byte[] body)
    {
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return BodyRead<T>.Failed(Problems.UnsupportedMediaType("application/json"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            return value is null
                ? BodyRead<T>.Failed(Problems.MalformedBody("The body is JSON null; an object is expected."))
                : BodyRead<T>.Read(value);
        }
        catch (JsonException e)
        {
            return BodyRead<T>.Failed(Problems.MalformedBody(Describe(e)));
        }
    }

    private static string Describe(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"At {path}: {e.Message}" : e.Message;
}

/// <summary>Either the body as <typeparamref name="T"/> or the problem to answer with.</summary>
public readonly record struct BodyRead<T>(T? Value, ProblemHttpResult? Problem)
{
    public static BodyRead<T> Read(T value) => new(value, null);
    public static BodyRead<T> Failed(ProblemHttpResult problem) => new(default, problem);
}
