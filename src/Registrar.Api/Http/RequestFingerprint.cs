using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>
/// What an Idempotency-Key is bound to (draft-ietf-httpapi-idempotency-key-header section 2.4): the method, the resource and the
/// body. A JSON body counts by what it says, not how it is spelled: a client that serializes again on retry (members in
/// another order, other whitespace, <c>\u0410</c> for А) sends the same request. Any other body counts byte for byte.
/// </summary>
public readonly record struct RequestFingerprint(string Hash, string BytesHash)
{
    public static RequestFingerprint Of(HttpRequest request, byte[] body)
    {
        var bytes = HashOf(request, body);
        return new(CanonicalJson(body) is { } canonical ? HashOf(request, canonical) : bytes, bytes);
    }

    /// <summary>Whether <paramref name="stored"/> was taken of the same request; one stored before JSON bodies counted by what they
    /// say is the hash of their bytes.</summary>
    public bool Matches(string stored) => stored == Hash || stored == BytesHash;

    private static string HashOf(HttpRequest request, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        sha.AppendData(body);
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <returns>The body written again with its members in ordinal order and no whitespace; null when it is not JSON, or holds text
    /// no string is (the body is then refused by its reader, and its bytes are what counts).</returns>
    private static byte[]? CanonicalJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer)) Write(writer, document.RootElement);
            return buffer.ToArray();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                writer.WriteRawValue(element.GetRawText());
                break;
        }
    }
}
