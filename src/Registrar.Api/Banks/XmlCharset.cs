using Microsoft.Net.Http.Headers;
using Registrar.Payments.Notifications;

namespace Registrar.Api.Banks;

/// <summary>
/// The <c>charset</c> a bank's XML media type names. RFC 7303 section 3.2: when given, it is the body's encoding, ahead of
/// the XML declaration's, so it is kept with the message's bytes and read with them each time (the recovery pass too).
/// </summary>
public static class XmlCharset
{
    /// <summary>Longer than any registered charset name (RFC 2978 allows 40 characters).</summary>
    public const int MaxLength = 40;

    /// <returns>The charset, lower-cased and unquoted (RFC 9110 section 5.6.6), or null when the media type names none.</returns>
    public static string? Of(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.Charset.HasValue
            ? HeaderUtilities.RemoveQuotes(media.Charset).Value!.Trim().ToLowerInvariant()
            : null;

    /// <summary>Whether a body in <paramref name="charset"/> can be read and kept.</summary>
    public static bool IsReadable(string charset) => charset.Length <= MaxLength && BodyEncoding.CanRead(charset);

    /// <summary>The charset as a problem may quote it: no longer than a charset can be.</summary>
    public static string Shown(string charset) => charset.Length <= MaxLength ? charset : charset[..MaxLength] + "…";
}
