using System.Security;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Registrar.Payments.Notifications;

/// <summary>
/// UA-Pre-6: a bank message's body with a payer's name and account replaced by a marker wherever they are written, as
/// the text, as XML (camt.054) or as JSON escapes them, and the purpose the payer wrote by the marker and the invoice numbers
/// it named (a payer may write a name or a phone there); amounts and references stay as the bank wrote them.
/// The body keeps its encoding and byte order mark, whichever <see cref="BodyEncoding"/> finds (a code page its media type
/// or an XML declaration names included).
/// </summary>
public static class ErasedPayerData
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="charset">The charset the body's media type named, if any.</param>
    /// <param name="purposes">The purposes to replace: only where one is a whole purpose element's text or JSON string, as a short
    /// purpose ("1") may be written elsewhere in the message too.</param>
    public static byte[] Replace(ReadOnlySpan<byte> body, string? charset, IEnumerable<string> values, string marker, IEnumerable<string>? purposes = null)
    {
        var (encoding, preamble) = BodyEncoding.Of(body, charset);
        var replacements = values.Where(v => !string.IsNullOrWhiteSpace(v) && v != marker).SelectMany(v => Written(v).Select(w => (w, marker)))
            .Concat((purposes ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).SelectMany(p => WrittenWhole(p).Zip(WrittenWhole(PurposeAfterErasure(p, marker)))));
        return [.. body[..preamble], .. encoding.GetBytes(Replace(encoding.GetString(body[preamble..]), replacements))];
    }

    /// <summary>A text with the values replaced by the marker, however it escapes them; the longest first, so a value
    /// containing another goes whole.</summary>
    public static string Replace(string text, IEnumerable<string> values, string marker) =>
        Replace(text, values.Where(v => !string.IsNullOrWhiteSpace(v) && v != marker).SelectMany(v => Written(v).Select(w => (w, marker))));

    private static string Replace(string text, IEnumerable<(string Written, string Marker)> replacements)
    {
        foreach (var (value, marker) in replacements.DistinctBy(r => r.Written).OrderByDescending(r => r.Written.Length))
            text = text.Replace(value, marker, StringComparison.Ordinal);
        return text;
    }

    /// <summary>UA-Pre-6: what a purpose the payer wrote becomes: the marker and the invoice numbers it named, which the
    /// accounts still need to read.</summary>
    public static string PurposeAfterErasure(string purpose, string marker) =>
        string.Join(' ', [marker, .. Invoices.InvoiceNumber.FindIn(purpose).Select(number => number.ToString())]);

    /// <summary>The ISO 20022 elements a camt.054 purpose is read from (Camt054MessageReader).</summary>
    private static readonly string[] PurposeElements = ["Ustrd", "AddtlRmtInf", "AddtlTxInf", "AddtlNtryInf"];

    /// <summary>A purpose as a whole element's text in camt.054, or a whole JSON string.</summary>
    private static IEnumerable<string> WrittenWhole(string value) =>
    [
        .. PurposeElements.SelectMany(element => new[] { $"<{element}>{value}</{element}>", $"<{element}>{SecurityElement.Escape(value)}</{element}>" }),
        JsonSerializer.Serialize(value),
        JsonSerializer.Serialize(value, Relaxed),
    ];

    private static IEnumerable<string> Written(string value) =>
    [
        value,
        SecurityElement.Escape(value),
        JsonSerializer.Serialize(value)[1..^1],
        JsonSerializer.Serialize(value, Relaxed)[1..^1],
    ];
}
