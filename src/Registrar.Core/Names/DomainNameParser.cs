using System.Globalization;
using System.Text;
using Registrar.Core.Zones;

namespace Registrar.Core.Names;

/// <summary>
/// UA-2.1.1 / KZ-App-8: turns what a person typed into a <see cref="DomainName"/>, or a refusal
/// naming its reason. IDN per UTS #46 (IdnMapping with STD3 rules); LDH labels; a label at most
/// 63 and a name at most 253 octets in A-label form; the zone's own character repertoire.
/// </summary>
public sealed class DomainNameParser(ZoneCatalog zones, RefusalList refusals)
{
    private const int MaxLabelOctets = 63;
    private const int MaxNameOctets = 253;

    private readonly IdnMapping idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>Checks syntax, zone and repertoire: for names that exist or may exist (lookups).</summary>
    public NameParseResult Parse(string? input)
    {
        var typed = input ?? "";
        // UTS #46 section 4 (RFC 3490 section 3.1): the ideographic and full-width full stops separate labels as '.' does.
        var text = typed.Trim().Replace('\u3002', '.').Replace('\uFF0E', '.').Replace('\uFF61', '.');
        if (text.Length == 0)
            return NameParseResult.Refused(NameRefusalReason.Empty, typed, "Type a domain name, such as example.kz.");
        // A fully qualified name ends with the root's empty label: "example.kz." is "example.kz".
        if (text.EndsWith('.'))
            text = text[..^1];
        text = Normalized(text.ToLowerInvariant(), NormalizationForm.FormC);

        var asciiLabels = new List<string>();
        var unicodeLabels = new List<string>();
        foreach (var label in text.Split('.'))
        {
            var refusal = ToAsciiLabel(typed, label, out var asciiLabel, out var unicodeLabel);
            if (refusal is not null)
                return refusal;
            asciiLabels.Add(asciiLabel);
            unicodeLabels.Add(unicodeLabel);
        }
        var ascii = string.Join('.', asciiLabels);
        if (ascii.Length > MaxNameOctets)
            return NameParseResult.Refused(NameRefusalReason.NameTooLong, typed,
                $"The name is {ascii.Length} characters long in its ASCII form; a domain name has at most {MaxNameOctets}.");
        return InZone(typed, ascii, unicodeLabels);
    }

    /// <summary>
    /// <see cref="Parse"/>, then the registrar's refusal list (UA-2.1.1 / KZ-App-8): for names a
    /// customer orders, a transfer in included, as the registrar serves no listed name and may refuse any without a reason.
    /// A listed name is refused without saying which list it is on.
    /// </summary>
    public NameParseResult ParseForRegistration(string? input)
    {
        var result = Parse(input);
        if (result.IsValid && refusals.Refuses(result.Name))
            return NameParseResult.Refused(NameRefusalReason.RefusedByRegistrarPolicy, input ?? "",
                $"'{result.Name}' is refused by registrar policy; choose another name.");
        return result;
    }

    private string KnownZones => string.Join(", ", zones.All.Select(z => "." + z.Zone));

    private NameParseResult InZone(string typed, string ascii, List<string> unicodeLabels)
    {
        // A zone is checked for before the zone a name is in: "com.ua" is a zone this registrar serves, under its own
        // policy, and never a name registered under .ua, whatever the refusal list says.
        if (zones.TryFor(ascii, out var bare))
            return NameParseResult.Refused(NameRefusalReason.ZoneOnly, typed,
                $"'.{bare.Zone}' is a zone, not a name in it; type a name such as example.{bare.Zone}.");
        if (!zones.TryFindForDomain(ascii, out var zone))
            return NameParseResult.Refused(NameRefusalReason.UnknownZone, typed,
                $"'{typed.Trim()}' is not in a zone this registrar serves; the zones are: {KnownZones}.");
        var zoneLabelCount = zone.AsciiZone.Count(c => c == '.') + 1;
        if (unicodeLabels.Count > zoneLabelCount + 1)
        {
            var parent = string.Join('.', unicodeLabels.Skip(1));
            var example = string.Join('.', unicodeLabels[^(zoneLabelCount + 1)..]);
            return NameParseResult.Refused(NameRefusalReason.NotDirectlyUnderZone, typed,
                $"Names are registered directly under a zone, such as {example}; '.{parent}' is not a zone this registrar serves " +
                $"(the zones are: {KnownZones}).");
        }

        var unicode = string.Join('.', unicodeLabels);
        var label = unicodeLabels[0];
        // UA-2.1.1 / KZ-App-8: each zone has its own repertoire (Cyrillic with Kazakh letters for .қаз).
        var disallowed = zone.Names.FirstDisallowedCharacter(label);
        if (disallowed is not null)
            return NameParseResult.Refused(NameRefusalReason.OutsideZoneRepertoire, typed,
                // The code point tells a look-alike ('а' U+0430 in "pаypal") from the letter it imitates, and names a combining mark.
                $"{Describe(Rune.GetRuneAt(disallowed, 0))} cannot be used in .{zone.Zone} names, which use {zone.Names.Repertoire}.");
        return NameParseResult.Accepted(new DomainName(unicode, ascii, zone));
    }

    private NameParseResult? ToAsciiLabel(string typed, string label, out string ascii, out string unicode)
    {
        ascii = "";
        unicode = "";
        if (label.Length == 0)
            return NameParseResult.Refused(NameRefusalReason.EmptyLabel, typed,
                "The name has an empty label (two dots together, or a leading dot); remove the extra dot.");
        foreach (var rune in label.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune) && rune.Value != '-')
                return NameParseResult.Refused(NameRefusalReason.InvalidCharacter, typed,
                    $"{Describe(rune)} cannot appear in a domain name; use letters, digits and hyphens only.");
        }
        // Every code point takes at least one octet of the A-label, so a label of more than 63 is too long in either form.
        // It is refused before anything encodes it: measuring a long label's A-label takes time that grows with the square
        // of its length (20,000 letters, one request body, took 38 s).
        var codePoints = label.EnumerateRunes().Count();
        if (codePoints > MaxLabelOctets)
            return LabelTooLong(typed, label, codePoints, atLeast: !label.All(char.IsAscii));
        if (label.StartsWith('-') || label.EndsWith('-'))
            return NameParseResult.Refused(NameRefusalReason.HyphenAtLabelEdge, typed,
                $"'{label}' starts or ends with a hyphen; a hyphen may only appear inside a label.");
        if (Labels.HasReservedHyphens(label))
            return ReservedHyphens(typed, label);
        try
        {
            ascii = idn.GetAscii(label);
            // UTS #46 maps a label before it encodes it: 'ﬀ--x' is 'ff--x', whose hyphens are reserved all the same.
            if (Labels.HasReservedHyphens(ascii))
                return ReservedHyphens(typed, label);
            // An A-label is valid only if it decodes and encodes back to itself.
            unicode = idn.GetUnicode(ascii);
            if (label.StartsWith("xn--", StringComparison.Ordinal) && idn.GetAscii(unicode) != label)
                throw new ArgumentException("not the canonical A-label", nameof(label));
        }
        catch (ArgumentException)
        {
            // IdnMapping refuses an over-long label without saying so; measure it, as UTS #46 maps it ('ﬀ' is 'ff'), to tell the person.
            var length = PunycodeLength.OfALabel(Normalized(label, NormalizationForm.FormKC));
            return length > MaxLabelOctets
                ? LabelTooLong(typed, label, length)
                : NameParseResult.Refused(NameRefusalReason.InvalidIdn, typed,
                    $"'{label}' is not a valid internationalised label (UTS #46 / IDNA2008); check its spelling or type it in its Unicode form.");
        }
        if (ascii.Length > MaxLabelOctets)
            return LabelTooLong(typed, label, ascii.Length);
        return null;
    }

    /// <summary>UTS #46 section 4: a name is normalised to NFC before it is checked, so one typed decomposed
    /// ('и' and U+0306) is the name typed composed ('й'); NFKC maps compatibility characters ('ﬀ' is 'ff') near enough to
    /// measure a label IdnMapping refused.</summary>
    private static string Normalized(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            // Not valid UTF-16 (a lone surrogate): the character check refuses it as typed.
            return text;
        }
    }

    private static NameParseResult ReservedHyphens(string typed, string label) =>
        NameParseResult.Refused(NameRefusalReason.ReservedHyphens, typed,
            $"'{label}' has hyphens in the 3rd and 4th positions once written in ASCII, which are reserved for IDN labels (xn--); move or remove one.");

    private static NameParseResult LabelTooLong(string typed, string label, int asciiLength, bool atLeast = false) =>
        NameParseResult.Refused(NameRefusalReason.LabelTooLong, typed,
            $"The label '{label}' is {(atLeast ? "at least " : "")}{asciiLength} characters long in its ASCII form; a label has at most {MaxLabelOctets}.");

    private static string Describe(Rune rune) => Rune.IsWhiteSpace(rune)
        ? "A space"
        : $"'{rune}' (U+{rune.Value:X4})";
}
