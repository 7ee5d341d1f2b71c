using System.Text.Json;
using Registrar.Core.Money;

// Not Registrar.Core.Tests.Money: that namespace would hide the Money type from every other test namespace.
namespace Registrar.Core.Tests.Amounts;

public sealed class MoneyTests
{
    private static Money.Money Kzt(decimal amount) => Money.Money.Of(amount, Currency.Kzt);

    private static Money.Money Uah(decimal amount) => Money.Money.Of(amount, Currency.Uah);

    [Theory]
    [InlineData("1500", "1500.00 KZT")]
    [InlineData("1500.5", "1500.50 KZT")]
    [InlineData("1500.50", "1500.50 KZT")]
    [InlineData("0.01", "0.01 KZT")]
    [InlineData("0", "0.00 KZT")]
    [InlineData("12.000", "12.00 KZT")]
    public void An_amount_is_read_with_a_dot_and_shown_with_the_currency_minor_units(string text, string shown)
    {
        Assert.Equal(shown, Money.Money.Parse(text, Currency.Kzt).ToString());
    }

    [Fact]
    public void Amounts_are_exact_decimals_so_tenths_add_up()
    {
        var sum = Enumerable.Range(0, 10).Aggregate(Uah(0), (total, _) => total + Uah(0.10m));

        Assert.Equal(Uah(1.00m), sum);
        Assert.Equal(1.00m, sum.Amount);
    }

    [Fact]
    public void Equal_amounts_written_with_different_scales_are_one_value()
    {
        Assert.Equal(Kzt(10m), Kzt(10.00m));
        Assert.Equal(Kzt(10m).GetHashCode(), Kzt(10.0m).GetHashCode());
        Assert.Equal("10.00 KZT", Kzt(10.0m).ToString());
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("1500.505")]
    [InlineData("0.0000000001")]
    public void An_amount_more_precise_than_the_currency_is_refused_not_rounded(string text)
    {
        var error = Assert.Throws<InvalidAmountException>(() => Money.Money.Parse(text, Currency.Uah));

        Assert.Contains("UAH has 2 decimal places at most", error.Message);
    }

    [Fact]
    public void A_negative_amount_is_refused()
    {
        var error = Assert.Throws<InvalidAmountException>(() => Kzt(-0.01m));

        Assert.Equal("-0.01 KZT: an amount cannot be negative.", error.Message);
    }

    [Fact]
    public void Subtracting_more_than_there_is_is_refused_rather_than_going_negative()
    {
        Assert.Equal(Kzt(0.50m), Kzt(10m) - Kzt(9.50m));
        Assert.Throws<InvalidAmountException>(() => Kzt(10m) - Kzt(10.01m));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("1,500.00")]
    [InlineData("1 500")]
    [InlineData("1e3")]
    [InlineData("15 KZT")]
    [InlineData("abc")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("007")]
    public void Text_that_is_not_a_plain_amount_is_refused_saying_what_is_expected(string text)
    {
        var error = Assert.Throws<InvalidAmountException>(() => Money.Money.Parse(text, Currency.Kzt));

        Assert.Equal($"'{text}' is not an amount: {AmountText.Rule} is expected.", error.Message);
    }

    [Fact]
    public void Amounts_in_different_currencies_are_never_combined_or_compared()
    {
        Assert.Equal("Cannot combine KZT with UAH: amounts in different currencies are never converted.",
            Assert.Throws<CurrencyMismatchException>(() => Kzt(1m) + Uah(1m)).Message);
        Assert.Throws<CurrencyMismatchException>(() => Kzt(5m) - Uah(1m));
        Assert.Throws<CurrencyMismatchException>(() => Kzt(5m) < Uah(1m));
        Assert.NotEqual(Kzt(5m), Uah(5m));
    }

    [Fact]
    public void Amounts_in_one_currency_add_multiply_and_compare()
    {
        Assert.Equal(Uah(900m), Uah(300m) * 3);
        Assert.True(Uah(300m) < Uah(300.01m));
        Assert.True(Uah(300m) >= Uah(300.00m));
        Assert.True(Kzt(0m).IsZero);
        Assert.Equal(Kzt(0m), Money.Money.Zero(Currency.Kzt));
    }

    [Fact]
    public void A_currency_is_known_by_its_ISO_4217_code()
    {
        Assert.Same(Currency.Kzt, Currency.FromCode("KZT"));
        Assert.Same(Currency.Uah, Currency.FromCode("UAH"));
        Assert.Equal(2, Currency.Uah.MinorUnits);
        Assert.True(Currency.TryFromCode("UAH", out var uah) && uah == Currency.Uah);
        Assert.False(Currency.TryFromCode(null, out _));
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("kzt")]
    [InlineData("")]
    [InlineData("ГРН")]
    public void An_unknown_currency_is_refused_listing_the_ones_billed_in(string code)
    {
        var error = Assert.Throws<UnknownCurrencyException>(() => Currency.FromCode(code));

        Assert.Equal(code, error.Code);
        Assert.Equal($"'{code}' is not a currency this registrar bills in; expected one of: KZT, UAH (ISO 4217 codes, upper case).", error.Message);
    }

    [Fact]
    public void Money_survives_json_as_an_exact_string_amount()
    {
        var json = JsonSerializer.Serialize(Uah(1500.5m));

        Assert.Equal("""{"amount":"1500.50","currency":"UAH"}""", json);
        Assert.Equal(Uah(1500.5m), JsonSerializer.Deserialize<Money.Money>(json));
    }

    [Theory]
    [InlineData("""{"amount":"1.001","currency":"UAH"}""", "UAH has 2 decimal places at most")]
    [InlineData("""{"amount":"1.00","currency":"USD"}""", "'USD' is not a currency this registrar bills in")]
    [InlineData("""{"amount":"1.00"}""", "needs both 'amount' and 'currency'")]
    public void Money_json_that_is_not_a_valid_amount_is_refused(string json, string expected)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money.Money>(json));

        Assert.Contains(expected, error.Message);
    }
}
