using System.Collections.Frozen;

namespace Registrar.Payments.Invoices;

/// <summary>Finds invoice-number candidates in free text; <see cref="InvoiceNumber.FindIn"/> is its public face.</summary>
internal static class InvoiceNumberScanner
{
    private const int DigitsInNumber = 10;
    private const int MaxSeparatorRun = 3;

    // Cyrillic letters people type instead of the Latin ones they look like (a Ukrainian or Kazakh
    // keyboard left on while typing "KZ"). Folding only look-alikes, never transliterating, keeps
    // the check digit the judge of what was meant.
    private static readonly FrozenDictionary<char, char> CyrillicLookAlikes = new Dictionary<char, char>
    {
        ['А'] = 'A', ['В'] = 'B', ['С'] = 'C', ['Е'] = 'E', ['Н'] = 'H', ['І'] = 'I', ['Ј'] = 'J', ['К'] = 'K',
        ['М'] = 'M', ['О'] = 'O', ['Р'] = 'P', ['Ѕ'] = 'S', ['Т'] = 'T', ['Х'] = 'X', ['У'] = 'Y', ['Ү'] = 'Y',
        ['а'] = 'A', ['с'] = 'C', ['е'] = 'E', ['і'] = 'I', ['ј'] = 'J', ['к'] = 'K', ['о'] = 'O', ['р'] = 'P',
        ['ѕ'] = 'S', ['х'] = 'X', ['у'] = 'Y', ['ү'] = 'Y',
    }.ToFrozenDictionary();

    public static IReadOnlyList<InvoiceNumber> Scan(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];

        var folded = Fold(text);
        var found = new List<InvoiceNumber>();
        for (var i = 0; i + 1 < folded.Length; i++)
        {
            if (!IsLetter(folded[i]) || SecondSeriesLetter(folded, i + 1) is not { } second)
                continue;
            if (TryReadDigits(folded, second + 1, out var digits)
                && InvoiceNumber.TryParse(string.Concat([folded[i], folded[second]], digits), out var number)
                && !found.Contains(number))
                found.Add(number);
        }
        return found;
    }

    // ISO 20022 Ustrd: a bank cuts a long purpose into lines of its own width, read joined by a space, so the cut may fall
    // between the series letters ("… K" | "Z-2611-00042-7"), as a person dictating the series may space it ("K Z").
    private static int? SecondSeriesLetter(char[] text, int position)
    {
        var start = position;
        while (position < text.Length && position - start < MaxSeparatorRun && char.IsWhiteSpace(text[position]))
            position++;
        return position < text.Length && IsLetter(text[position]) ? position : null;
    }

    // Reads exactly ten digits in groups split by short separator runs; a longer digit run is a different number.
    private static bool TryReadDigits(char[] text, int start, out string digits)
    {
        digits = "";
        var collected = new char[DigitsInNumber];
        var count = 0;
        var position = start;
        while (true)
        {
            var separators = 0;
            while (position < text.Length && IsSeparator(text[position]) && separators <= MaxSeparatorRun)
            {
                position++;
                separators++;
            }
            if (separators > MaxSeparatorRun || position >= text.Length || !IsDigit(text[position]))
                return false;

            while (position < text.Length && IsDigit(text[position]))
            {
                if (count == DigitsInNumber)
                    return false;
                collected[count++] = text[position++];
            }
            if (count == DigitsInNumber)
            {
                digits = new string(collected);
                return true;
            }
        }
    }

    private static char[] Fold(string text)
    {
        var folded = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            folded[i] = c switch
            {
                >= 'a' and <= 'z' => (char)(c - 'a' + 'A'),
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                _ when CyrillicLookAlikes.TryGetValue(c, out var latin) => latin,
                _ => c,
            };
        }
        return folded;
    }

    private static bool IsLetter(char c) => c is >= 'A' and <= 'Z';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '_' or '.' or '/' or '\\' or ':' or '#' or '№';
}
