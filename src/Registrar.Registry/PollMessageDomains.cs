using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Registrar.Epp.Commands;

namespace Registrar.Registry;

/// <summary>The domain names a registry poll message is about, in A-label form: the name in its domain
/// resData (RFC 5731 trnData, panData, renData, infData) when it has one, else the names its text mentions.</summary>
public static partial class PollMessageDomains
{
    /// <summary>A text rarely names more than the domain and a host or two; more lookups would only be misses.</summary>
    public const int MaxNamesFromText = 3;

    private static readonly string[] DataNamingADomain = ["trnData", "panData", "renData", "infData"];
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    public static IReadOnlyList<string> Of(PollMessage message, string domainNamespace)
    {
        XNamespace domain = domainNamespace;
        if (message.Data is { } data && data.Name.Namespace == domain && DataNamingADomain.Contains(data.Name.LocalName)
            && ALabel(data.Element(domain + "name")?.Value) is { } named)
            return [named];
        return message.Text is null ? []
            : NameInText().Matches(message.Text).Select(m => ALabel(m.Value)).OfType<string>().Distinct().Take(MaxNamesFromText).ToList();
    }

    private static string? ALabel(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            return Idn.GetAscii(name.Trim().TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Dot-separated labels ending in a label that starts with a letter (a TLD: "kz", "қаз", "xn--80ao21a"),
    /// so dates, amounts and version numbers in the text are not taken for names; neither half of an e-mail address
    /// ("ivan.petrov@example.kz") is one, and a name is taken whole, never a piece of a longer word.</summary>
    [GeneratedRegex(@"(?<![@\p{L}\p{N}.-])(?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+\p{L}[\p{L}\p{N}-]*[\p{L}\p{N}](?![@\p{L}\p{N}-])")]
    private static partial Regex NameInText();
}
