using System.Globalization;
using System.Text;

namespace Registrar.Core.Names;

/// <summary>
/// What IDNA2008 refuses and IdnMapping (UTS #46 as ICU implements it) lets through, for host names from anywhere in the
/// world; a domain name of ours never gets here with either, its zone's repertoire being Latin or Cyrillic letters.
/// <list type="bullet">
/// <item>RFC 5892: a U-label holds letters, digits and combining marks (PVALID, by general category) and hyphens; symbols
/// such as emoji, punctuation and formatting characters are DISALLOWED.</item>
/// <item>RFC 5893 section 2: in a name with a right-to-left label, each label keeps one direction (the Bidi rule). The
/// bidirectional class is read from the character's Unicode block (.NET does not expose it), near enough for letters
/// and digits, the only characters the first rule leaves.</item>
/// </list>
/// </summary>
public static class Idna2008Labels
{
    private enum Direction { LeftToRight, RightToLeft, ArabicNumber, EuropeanNumber, NonSpacingMark, Neutral }

    public static bool HasOnlyValidCodePoints(string uLabel) =>
        uLabel.EnumerateRunes().All(rune => rune.Value == '-' || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LowercaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber);

    public static bool BidiRuleHolds(IReadOnlyList<string> uLabels)
    {
        var directions = uLabels.Select(label => label.EnumerateRunes().Select(DirectionOf).ToList()).ToList();
        var bidiName = directions.Any(label => label.Any(d => d is Direction.RightToLeft or Direction.ArabicNumber));
        return !bidiName || directions.All(label => label.Count == 0 || (label[0] == Direction.RightToLeft ? RightToLeftHolds(label) : LeftToRightHolds(label)));
    }

    /// <summary>Rules 1 to 4: starts with a right-to-left letter, holds no left-to-right one, ends with a right-to-left letter or
    /// a digit, and does not mix Arabic-Indic digits with European ones.</summary>
    private static bool RightToLeftHolds(List<Direction> label) =>
        !label.Contains(Direction.LeftToRight)
        && label.LastOrDefault(d => d != Direction.NonSpacingMark) is Direction.RightToLeft or Direction.EuropeanNumber or Direction.ArabicNumber
        && !(label.Contains(Direction.EuropeanNumber) && label.Contains(Direction.ArabicNumber));

    /// <summary>Rules 1, 5 and 6: starts with a left-to-right letter, holds no right-to-left character, ends with a left-to-right
    /// letter or a European digit.</summary>
    private static bool LeftToRightHolds(List<Direction> label) =>
        label[0] == Direction.LeftToRight
        && !label.Any(d => d is Direction.RightToLeft or Direction.ArabicNumber)
        && label.LastOrDefault(d => d != Direction.NonSpacingMark) is Direction.LeftToRight or Direction.EuropeanNumber;

    private static Direction DirectionOf(Rune rune)
    {
        var c = rune.Value;
        if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) return Direction.NonSpacingMark;
        if (c is >= '0' and <= '9' or >= 0x06F0 and <= 0x06F9) return Direction.EuropeanNumber;
        if (c is >= 0x0660 and <= 0x0669 or 0x066B or 0x066C or >= 0x10E60 and <= 0x10E7E) return Direction.ArabicNumber;
        if (c == '-') return Direction.Neutral;
        // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their supplements; their presentation forms; the
        // right-to-left historic scripts, Mende Kikakui and Adlam.
        var rightToLeft = c is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF
            or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EFFF;
        return rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
    }
}
