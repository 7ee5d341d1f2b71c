using System.Security;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Registrar.Payments.Notifications;

/// <summary>
/// UA-Pre-6: a bank message's body with a payer's name and account replaced by a marker wherever they are written, as
/// the text, as XML (camt.054) or as JSON escapes them; amounts, references and purposes stay as the bank wrote them.
/// The body keeps its encoding and byte order mark, whichever <see cref="BodyEncoding"/> finds (a code page its media type
/// or an XML declaration names included).
/// </summary>
public static class ErasedPayerData
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="charset">The charset the body's media type named, if any.</param>
    public static byte[] Replace(ReadOnlySpan<byte> body, string? charset, IEnumerable<string> values, string marker)
    {
        var (encoding, preamble) = BodyEncoding.Of(body, charset);
        return [.. body[..preamble], .. encoding.GetBytes(Replace(encoding.GetString(body[preamble..]), values, marker))];
    }

    /// <summary>A text with the values replaced by the marker, however it escapes them; the longest first, so a value
    /// containing another goes whole.</summary>
    public static string Replace(string text, IEnumerable<string> values, string marker)
    {
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v) && v != marker).SelectMany(Written).Distinct().OrderByDescending(v => v.Length))
            text = text.Replace(value, marker, StringComparison.Ordinal);
        return text;
    }

    private static IEnumerable<string> Written(string value) =>
    [
        value,
        SecurityElement.Escape(value),
        JsonSerializer.Serialize(value)[1..^1],
        JsonSerializer.Serialize(value, Relaxed)[1..^1],
    ];
}
