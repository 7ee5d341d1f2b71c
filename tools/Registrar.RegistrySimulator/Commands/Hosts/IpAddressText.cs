using System.Net;
using System.Text.RegularExpressions;

namespace Registrar.RegistrySimulator.Commands.Hosts;

/// <summary>RFC 5732 section 2.5: an IPv4 address is written as RFC 791 describes it, four decimal octets; an IPv6 one in the
/// text forms of RFC 4291 section 2.2. IPAddress.TryParse alone is looser (inet_aton's "1.2.3", "3221225985", "0xC0.0.2.1"
/// and octal "010.0.0.1", and a "%zone" index), and would store an address other than the one the client sent.</summary>
public static partial class IpAddressText
{
    // A decimal octet 0-255 without leading zeros, which inet_aton reads as octal.
    private const string Octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    [GeneratedRegex($@"^{Octet}(?:\.{Octet}){{3}}\z")]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^[0-9A-Fa-f]{1,4}\z")]
    private static partial Regex HexPiece();

    /// <summary>The address of &lt;host:addr ip="v4|v6"&gt; (ip "v4" when absent, the schema's default) in its canonical form,
    /// RFC 5952 for IPv6; null when the text is not one of the forms above, or not of that family.</summary>
    public static string? Parse(string ip, string text) =>
        (ip == "v6" ? IsV6(text) : DottedQuad().IsMatch(text)) ? IPAddress.Parse(text).ToString() : null;

    // RFC 4291 section 2.2: eight 1-4 digit hex pieces (form 1), "::" once standing for one or more zero pieces (form 2), the
    // last two pieces optionally written as a dotted quad (form 3). A zone index (RFC 4007 "%eth0") is local to one host.
    private static bool IsV6(string text)
    {
        var halves = text.Split("::");
        if (halves.Length > 2) return false;
        var pieces = halves.SelectMany(h => h.Length == 0 ? [] : h.Split(':')).ToList();
        var embeddedV4 = halves[^1].Length > 0 && DottedQuad().IsMatch(pieces[^1]);
        var hex = embeddedV4 ? pieces[..^1] : pieces;
        if (!hex.All(HexPiece().IsMatch)) return false;
        var count = hex.Count + (embeddedV4 ? 2 : 0);
        return halves.Length == 2 ? count <= 7 : count == 8;
    }
}
