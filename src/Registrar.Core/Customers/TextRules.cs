using System.Globalization;

namespace Registrar.Core.Customers;

/// <summary>
/// Every string an order keeps is bounded and on one line, checked before anything is stored or
/// numbered: a table property holds at most 32 K UTF-16 characters, and a line break in a name or
/// address would split a mail header, an EPP postal line or a log line.
/// </summary>
public static class TextRules
{
    /// <summary>RFC 5321 4.5.3.1.1: the local part of an address is at most 64 octets.</summary>
    public const int MaxEmailLocalPart = 64;

    /// <summary>RFC 5321 4.5.3.1.3: a forward path is at most 256 octets, so an address at most 254.</summary>
    public const int MaxEmail = 254;

    /// <returns>Why <paramref name="value"/> cannot be kept, or null when it can (null values are judged elsewhere).</returns>
    public static string? Refusal(string? value, int maxLength) => value switch
    {
        null => null,
        { Length: var length } when length > maxLength => $"At most {maxLength} characters.",
        _ when value.Any(c => char.IsControl(c) || IsSeparatorOrBidiControl(c)) => "Line breaks and other control characters are not allowed.",
        _ => null,
    };

    /// <summary>
    /// Not control characters to .NET, yet U+2028 and U+2029 break a line (UAX #14) and the bidirectional controls
    /// (UAX #9) make a name or address read otherwise than it is stored.
    /// </summary>
    private static bool IsSeparatorOrBidiControl(char c) =>
        c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>A single address as the registry and the mail server take it (RFC 5321 limits, ASCII or UTF-8 mailbox).</summary>
    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxEmail && Refusal(value, MaxEmail) is null
        // An invisible character (a zero-width space pasted with the address) is no part of any mailbox a person can read
        // out: the mail server refused every notice to one, so a paid customer never heard of their domain (UA-2.1.2).
        && !value.Any(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
        && value.LastIndexOf('@') is var at and > 0 and <= MaxEmailLocalPart
        && IsMailDomain(value[(at + 1)..])
        && System.Net.Mail.MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;

    /// <summary>RFC 5321 2.3.5: a fully qualified host name, at least two labels, none empty ("a@b" reaches no one), each a
    /// letter-digit-hyphen label or an IDN one (RFC 5890); an address literal is no customer's mailbox.</summary>
    private static bool IsMailDomain(string domain)
    {
        try
        {
            // An IdnMapping of its own: its instance members are not documented as thread-safe, and orders are checked in parallel.
            return new IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain).Split('.') is { Length: >= 2 } labels && !labels.Contains("");
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
