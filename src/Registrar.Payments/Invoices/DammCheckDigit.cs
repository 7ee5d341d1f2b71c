namespace Registrar.Payments.Invoices;

/// <summary>
/// The Damm check digit (H. M. Damm, 2004): one decimal digit that detects every single-digit
/// substitution and every transposition of two adjacent digits, including the check digit itself.
/// Unlike Luhn it catches 09↔90, and unlike ISO 7064 MOD 97-10 it costs only one character to type.
/// </summary>
public static class DammCheckDigit
{
    // A weakly totally anti-symmetric quasigroup of order 10 (Damm's published table).
    private static readonly byte[,] Table =
    {
        { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
        { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
        { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
        { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
        { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
        { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
        { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
        { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
        { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
        { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
    };

    /// <summary>The digit to append to <paramref name="digits"/> (ASCII '0'–'9' only).</summary>
    public static int Compute(ReadOnlySpan<char> digits)
    {
        var interim = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
                throw new ArgumentException($"'{c}' is not a decimal digit.", nameof(digits));
            interim = Table[interim, c - '0'];
        }
        return interim;
    }

    /// <summary>True when <paramref name="digitsWithCheck"/> ends with its correct check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> digitsWithCheck) =>
        digitsWithCheck.Length > 1 && Compute(digitsWithCheck) == 0;
}
