using CsCheck;
using Registrar.Payments.Invoices;

namespace Registrar.Payments.Tests.Invoices;

public sealed class InvoiceNumberPropertyTests
{
    private static readonly Gen<InvoiceNumber> Numbers =
        Gen.Select(
            Gen.Char['A', 'Z'], Gen.Char['A', 'Z'],
            Gen.Int[2000, 2099], Gen.Int[1, 12], Gen.Int[1, InvoiceNumber.MaxSequence],
            (a, b, year, month, sequence) => InvoiceNumber.Create($"{a}{b}", new DateOnly(year, month, 1), sequence));

    // Text a payer might put around the number: words in two scripts, punctuation, other numbers.
    private static readonly Gen<string> Noise =
        Gen.OneOfConst("", " ", "Оплата по рахунку № ", "Оплата по счету ", "inv.", "payment ", "за домен приклад.com.ua, ",
            " сума 1500.00 грн", " від 24.11.2026", ", без ПДВ", "; thanks!", " ref 12345");

    [Fact]
    public void Every_number_round_trips_through_its_text() =>
        Numbers.Sample(number => InvoiceNumber.Parse(number.ToString()) == number);

    [Fact]
    public void Every_number_is_found_in_purpose_text_with_noise_and_any_separators() =>
        Gen.Select(Numbers, Noise, Noise, Gen.OneOfConst(" ", "-", "", ".", " / ", "  "), Gen.Bool)
            .Sample((number, before, after, separator, lower) =>
            {
                var digits = number.ToString()[3..].Replace("-", "");
                var prefix = lower ? number.Prefix.ToLowerInvariant() : number.Prefix;
                var written = $"{prefix}{separator}{digits[..4]}{separator}{digits[4..9]}{separator}{digits[9]}";
                var found = InvoiceNumber.FindIn(before + written + after);
                return found.Count == 1 && found[0] == number;
            });

    [Fact]
    public void Every_single_digit_change_is_rejected() =>
        Gen.Select(Numbers, Gen.Int[0, 9], Gen.Int[1, 9])
            .Sample((number, position, delta) =>
            {
                var digits = Digits(number);
                digits[position] = (char)('0' + (digits[position] - '0' + delta) % 10);
                return IsRejected(number.Prefix, digits);
            });

    [Fact]
    public void Every_adjacent_transposition_is_rejected() =>
        Gen.Select(Numbers, Gen.Int[0, 8])
            .Where((number, position) => Digits(number)[position] != Digits(number)[position + 1])
            .Sample((number, position) =>
            {
                var digits = Digits(number);
                (digits[position], digits[position + 1]) = (digits[position + 1], digits[position]);
                return IsRejected(number.Prefix, digits);
            });

    private static char[] Digits(InvoiceNumber number) => number.ToString()[3..].Replace("-", "").ToCharArray();

    // Rejected by Parse, and not found in a purpose either (a changed month may still parse only if the check digit agrees).
    private static bool IsRejected(string prefix, char[] digits)
    {
        var text = prefix + new string(digits);
        return !InvoiceNumber.TryParse(text, out _) && InvoiceNumber.FindIn($"Оплата {text}").Count == 0;
    }
}
