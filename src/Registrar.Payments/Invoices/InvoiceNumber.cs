using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Registrar.Payments.Invoices;

/// <summary>
/// An invoice number a customer can type into a bank payment purpose (UA-3.2), e.g. <c>KZ-2611-00042-7</c>:
/// a two-letter series (the zone's country, so a .kz and a .ua invoice never share a number), the issue
/// year and month (YYMM), a five-digit sequence within that series and month, and a Damm check digit.
/// </summary>
/// <remarks>
/// Why this shape rather than all digits: twelve characters in short groups survive dictation and copying
/// into a bank form, the series tells operations at a glance which registrar account it belongs to, and the
/// month keeps the sequence short. The check digit runs over the series letters (A=10 … Z=35, two digits
/// each) followed by the ten visible digits, so every single-digit error and every adjacent transposition
/// among the digits and the check digit is detected (Damm); a mistyped series letter is caught with high
/// probability and otherwise simply names no open invoice, which holds the payment for operations.
/// </remarks>
public sealed record InvoiceNumber
{
    public const int MaxSequence = 99_999;
    private const int DigitCount = 10; // YYMM + sequence(5) + check(1)

    private InvoiceNumber(string prefix, int year, int month, int sequence, int checkDigit)
    {
        Prefix = prefix;
        Year = year;
        Month = month;
        Sequence = sequence;
        CheckDigit = checkDigit;
    }

    /// <summary>The series: two Latin capital letters, e.g. "KZ" or "UA".</summary>
    public string Prefix { get; }

    /// <summary>The calendar year of issue (2000–2099).</summary>
    public int Year { get; }

    public int Month { get; }

    public int Sequence { get; }

    public int CheckDigit { get; }

    /// <exception cref="ArgumentException">The prefix is not two Latin letters, the year is outside 2000–2099,
    /// or the sequence is outside 1–99999.</exception>
    public static InvoiceNumber Create(string prefix, DateOnly issuedOn, int sequence)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length != 2 || !IsLatinCapital(prefix[0]) || !IsLatinCapital(prefix[1]))
            throw new ArgumentException($"'{prefix}' is not an invoice series: two Latin capital letters are expected, e.g. \"KZ\".", nameof(prefix));
        if (issuedOn.Year is < 2000 or > 2099)
            throw new ArgumentOutOfRangeException(nameof(issuedOn), issuedOn, "Invoice numbers carry a two-digit year: issue dates from 2000 to 2099 only.");
        if (sequence is < 1 or > MaxSequence)
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"The sequence within a series and month runs from 1 to {MaxSequence}.");

        var digits = string.Create(CultureInfo.InvariantCulture, $"{issuedOn.Year % 100:D2}{issuedOn.Month:D2}{sequence:D5}");
        return new InvoiceNumber(prefix, issuedOn.Year, issuedOn.Month, sequence, DammCheckDigit.Compute(CheckedPayload(prefix, digits)));
    }

    /// <summary>Reads a number typed by a person: case, spaces and hyphens do not matter ("kz 2611 00042 7").</summary>
    /// <exception cref="FormatException">Not an invoice number, with the reason.</exception>
    public static InvoiceNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out InvoiceNumber? number) =>
        TryParse(text, out number, out _);

    /// <summary>
    /// Every invoice number written in a free-text payment purpose, in order of appearance, each once.
    /// Tolerates Latin or look-alike Cyrillic series letters ("КZ"), any case, and spaces, hyphens, dots,
    /// slashes or "№" between the groups ("Оплата по рахунку № KZ 2611 00042 7", "inv.KZ-2611-00042-7").
    /// Only candidates whose check digit is right are returned: a typo yields nothing rather than a guess.
    /// </summary>
    public static IReadOnlyList<InvoiceNumber> FindIn(string? paymentPurpose) =>
        InvoiceNumberScanner.Scan(paymentPurpose);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year % 100:D2}{Month:D2}-{Sequence:D5}-{CheckDigit}");

    internal static bool TryParse(string? text, [NotNullWhen(true)] out InvoiceNumber? number, out string error)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "An invoice number is required, e.g. KZ-2611-00042-7.";
            return false;
        }

        Span<char> compact = stackalloc char[2 + DigitCount];
        var length = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-')
                continue;
            if (length == compact.Length)
            {
                error = $"'{text}' is too long for an invoice number: two letters and ten digits are expected, e.g. KZ-2611-00042-7.";
                return false;
            }
            compact[length++] = char.ToUpperInvariant(c);
        }

        if (length != compact.Length || !IsLatinCapital(compact[0]) || !IsLatinCapital(compact[1]) || !AreDigits(compact[2..]))
        {
            error = $"'{text}' is not an invoice number: two letters and ten digits are expected, e.g. KZ-2611-00042-7.";
            return false;
        }

        var prefix = new string(compact[..2]);
        var digits = compact[2..];
        var year = 2000 + Number(digits[..2]);
        var month = Number(digits[2..4]);
        var sequence = Number(digits[4..9]);
        if (month is < 1 or > 12 || sequence == 0)
        {
            error = $"'{text}' is not an invoice number: the month must be 01–12 and the sequence not zero.";
            return false;
        }
        if (!DammCheckDigit.IsValid(CheckedPayload(prefix, digits)))
        {
            error = $"'{text}' has a wrong check digit: a digit was probably mistyped or two digits swapped.";
            return false;
        }

        number = new InvoiceNumber(prefix, year, month, sequence, digits[9] - '0');
        error = "";
        return true;
    }

    private static string CheckedPayload(string prefix, ReadOnlySpan<char> digits) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix[0] - 'A' + 10}{prefix[1] - 'A' + 10}{digits}");

    private static bool IsLatinCapital(char c) => c is >= 'A' and <= 'Z';

    private static bool AreDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
            if (c is < '0' or > '9')
                return false;
        return true;
    }

    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
