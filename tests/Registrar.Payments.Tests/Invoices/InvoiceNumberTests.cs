using Registrar.Payments.Invoices;

namespace Registrar.Payments.Tests.Invoices;

public sealed class InvoiceNumberTests
{
    private static readonly InvoiceNumber Kz42 = InvoiceNumber.Create("KZ", new DateOnly(2026, 11, 24), 42);

    [Fact]
    public void Is_written_as_series_year_month_sequence_and_check_digit()
    {
        Assert.Matches(@"^KZ-2611-00042-\d$", Kz42.ToString());
        Assert.Equal(("KZ", 2026, 11, 42), (Kz42.Prefix, Kz42.Year, Kz42.Month, Kz42.Sequence));
    }

    [Fact]
    public void The_check_digit_covers_the_series_so_the_same_digits_in_another_series_differ()
    {
        var ua42 = InvoiceNumber.Create("UA", new DateOnly(2026, 11, 24), 42);
        Assert.NotEqual(Kz42.CheckDigit, ua42.CheckDigit);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{1}")]
    [InlineData("  {2} ")]
    public void Parse_accepts_what_a_person_types_case_spaces_and_hyphens_aside(string template)
    {
        var canonical = Kz42.ToString();
        var compact = canonical.Replace("-", "");
        var spaced = canonical.Replace("-", " ").ToLowerInvariant();
        var text = string.Format(template, canonical, compact, spaced);

        Assert.Equal(Kz42, InvoiceNumber.Parse(text));
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("KZ-2611-00042", "two letters and ten digits")]
    [InlineData("K1-2611-00042-7", "two letters and ten digits")]
    [InlineData("KZ-2613-00042-7", "month must be 01–12")]
    [InlineData("KZ-2611-00000-7", "sequence not zero")]
    [InlineData("KZ-2611-00042-7-1", "too long")]
    public void Parse_refuses_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => InvoiceNumber.Parse(text));
        Assert.Contains(reason, error.Message);
        Assert.False(InvoiceNumber.TryParse(text, out _));
    }

    [Fact]
    public void Parse_refuses_a_wrong_check_digit_and_says_so()
    {
        var wrong = Kz42.ToString()[..^1] + ((Kz42.CheckDigit + 1) % 10);
        var error = Assert.Throws<FormatException>(() => InvoiceNumber.Parse(wrong));
        Assert.Contains("check digit", error.Message);
    }

    [Theory]
    [InlineData("kz", 1)]
    [InlineData("KAZ", 1)]
    [InlineData("KZ", 0)]
    [InlineData("KZ", 100_000)]
    public void Create_refuses_a_bad_series_or_sequence(string prefix, int sequence) =>
        Assert.ThrowsAny<ArgumentException>(() => InvoiceNumber.Create(prefix, new DateOnly(2026, 11, 1), sequence));

    [Theory]
    [InlineData("Оплата по рахунку № {0}")]
    [InlineData("inv.{1}")]
    [InlineData("Оплата по счету {2} за домен пример.kz, без НДС")]
    [InlineData("payment for invoice {3} thank you")]
    [InlineData("{4}")]
    [InlineData("Рахунок №{5}, сума 1500.00")]
    public void FindIn_reads_numbers_written_with_any_separators_case_and_script(string template)
    {
        var canonical = Kz42.ToString();
        var digits = canonical[3..].Replace("-", "");
        var purpose = string.Format(template,
            $"KZ {digits[..4]} {digits[4..9]} {digits[9]}",
            canonical,
            "КZ-" + canonical[3..],                              // Cyrillic К from a Kazakh keyboard
            $"kz.{digits[..4]}/{digits[4..9]}/{digits[9]}",
            $"KZ{digits}",
            $"KZ - {digits[..4]} - {digits[4..9]} - {digits[9]}");

        Assert.Equal([Kz42], InvoiceNumber.FindIn(purpose));
    }

    [Theory]
    [InlineData("Оплата по счету K Z-{0}")]
    [InlineData("Оплата по счету K\nZ-{0}")]
    [InlineData("k z {0}")]
    public void FindIn_reads_a_number_whose_series_letters_a_line_break_of_the_bank_split_ISO20022_Ustrd_UA_3_2(string template) =>
        Assert.Equal([Kz42], InvoiceNumber.FindIn(string.Format(template, Kz42.ToString()[3..])));

    [Fact]
    public void FindIn_does_not_join_series_letters_farther_apart_than_a_line_break()
    {
        Assert.Empty(InvoiceNumber.FindIn($"K    Z-{Kz42.ToString()[3..]}"));
        Assert.Empty(InvoiceNumber.FindIn($"K-Z-{Kz42.ToString()[3..]}"));
    }

    [Fact]
    public void FindIn_ignores_a_number_with_a_typo_rather_than_guessing()
    {
        var typo = Kz42.ToString().Replace("00042", "00043");
        Assert.Empty(InvoiceNumber.FindIn($"Оплата по счету {typo}"));
    }

    [Fact]
    public void FindIn_does_not_read_a_longer_run_of_digits_as_a_number()
    {
        var glued = Kz42.ToString().Replace("-", "") + "5";
        Assert.Empty(InvoiceNumber.FindIn($"ref {glued}"));
    }

    [Fact]
    public void FindIn_stops_at_ten_digits_when_a_date_follows()
    {
        Assert.Equal([Kz42], InvoiceNumber.FindIn($"{Kz42} 24.11.2026"));
    }

    [Fact]
    public void FindIn_returns_every_distinct_number_once_in_order()
    {
        var second = InvoiceNumber.Create("UA", new DateOnly(2026, 12, 1), 7);
        var purpose = $"за {second} та {Kz42}, повторно {second.ToString().Replace("-", " ")}";

        Assert.Equal([second, Kz42], InvoiceNumber.FindIn(purpose));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Оплата за домен")]
    [InlineData("2611 00042 7")]
    public void FindIn_finds_nothing_in_text_without_a_series_and_ten_digits(string? purpose) =>
        Assert.Empty(InvoiceNumber.FindIn(purpose));
}
