using System.Text;
using System.Text.RegularExpressions;

namespace Registrar.Payments.Notifications;

/// <summary>
/// The encoding a bank message's body is written in, found as an XML parser finds it (XML 1.0, appendix F): a byte order
/// mark, else UTF-16 by its opening '&lt;', else the charset its media type names (RFC 7303 section 3.2: it comes before the
/// document's own declaration), else the XML declaration's <c>encoding</c> (a camt.054 may be windows-1251 or ISO-8859-1),
/// else UTF-8, which JSON always is (RFC 8259). Strict both ways: bytes that are not in that encoding, or a
/// character it cannot write, throw instead of becoming a replacement character, so a kept message is never garbled.
/// </summary>
public static partial class BodyEncoding
{
    // Only the prolog is looked at: the declaration must open the document.
    private const int DeclarationSearchLength = 256;

    /// <param name="charset">The <c>charset</c> parameter of the body's media type, when the sender gave one.</param>
    /// <returns>The encoding and how many bytes of byte order mark come before the text.</returns>
    /// <exception cref="NotSupportedException">The charset or the declaration names an encoding this system cannot read.</exception>
    public static (Encoding Encoding, int PreambleLength) Of(ReadOnlySpan<byte> body, string? charset = null)
    {
        // UTF-32's little-endian mark begins with UTF-16's, so it is looked for first.
        foreach (var withMark in new Encoding[]
        {
            new UTF8Encoding(true, true), new UTF32Encoding(false, true, true), new UnicodeEncoding(false, true, true), new UnicodeEncoding(true, true, true),
        })
            if (body.StartsWith(withMark.Preamble)) return (withMark, withMark.Preamble.Length);
        if (body.StartsWith("<\0"u8)) return (new UnicodeEncoding(false, false, true), 0);
        if (body.StartsWith("\0<"u8)) return (new UnicodeEncoding(true, false, true), 0);
        return ((charset ?? Declared(body)) is { } name ? Named(name) : new UTF8Encoding(false, true), 0);
    }

    /// <summary>Whether <paramref name="charset"/> names an encoding this system reads (<c>utf-8</c>, <c>windows-1251</c>).</summary>
    public static bool CanRead(string charset)
    {
        try
        {
            Named(charset);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private static string? Declared(ReadOnlySpan<byte> body)
    {
        var prolog = Encoding.Latin1.GetString(body[..Math.Min(body.Length, DeclarationSearchLength)]);
        var match = DeclarationPattern().Match(prolog);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>The code pages (windows-1251 and the like) are resolved without registering a process-wide provider.</summary>
    private static Encoding Named(string name)
    {
        var (encoder, decoder) = (EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return Encoding.GetEncoding(name, encoder, decoder);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name, encoder, decoder)
                ?? throw new NotSupportedException($"The body is declared in the encoding '{name}', which this system cannot read.");
        }
    }

    [GeneratedRegex("""^<\?xml\s[^>]*?\bencoding\s*=\s*["'](?<name>[A-Za-z][A-Za-z0-9._-]*)["']""")]
    private static partial Regex DeclarationPattern();
}
