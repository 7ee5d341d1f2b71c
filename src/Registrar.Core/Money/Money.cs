using System.Globalization;

namespace Registrar.Core.Money;

/// <summary>
/// An amount in a currency. Decimal, never floating point; never more precise than the
/// currency's minor unit; arithmetic only between equal currencies.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public Currency Currency { get; }

    public bool IsZero => Amount == 0m;

    /// <summary>Whether <paramref name="amount"/> is an amount of <paramref name="currency"/>: not negative, and no more decimals
    /// than it has.</summary>
    public static bool TryOf(decimal amount, Currency currency, out Money money)
    {
        var fits = amount >= 0m && decimal.Round(amount, currency.MinorUnits) == amount;
        money = fits ? Of(amount, currency) : Zero(currency);
        return fits;
    }

    /// <exception cref="InvalidAmountException">Negative, or more decimals than the currency has.</exception>
    public static Money Of(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (amount < 0m)
            throw new InvalidAmountException($"{amount.ToString(CultureInfo.InvariantCulture)} {currency}: an amount cannot be negative.");
        if (decimal.Round(amount, currency.MinorUnits) != amount)
            throw new InvalidAmountException(
                $"{amount.ToString(CultureInfo.InvariantCulture)} {currency}: {currency} has {currency.MinorUnits} decimal places at most.");
        // Normalise the scale so 10, 10.0 and 10.00 are one value with one text form.
        return new Money(decimal.Round(amount, currency.MinorUnits) + 0.00m, currency);
    }

    public static Money Zero(Currency currency) => Of(0m, currency);

    /// <summary>Reads an amount written with a dot as the decimal separator ("1500", "1500.50").</summary>
    public static Money Parse(string amount, Currency currency)
    {
        if (!AmountText.TryParse(amount, out var value))
            throw new InvalidAmountException($"'{amount}' is not an amount: {AmountText.Rule} is expected.");
        return Of(value, currency);
    }

    public static Money operator +(Money left, Money right) => Of(left.Amount + right.Amount, SameCurrency(left, right));

    /// <exception cref="InvalidAmountException">The result would be negative.</exception>
    public static Money operator -(Money left, Money right) => Of(left.Amount - right.Amount, SameCurrency(left, right));

    public static Money operator *(Money money, int times) => Of(money.Amount * times, money.Currency);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    public override string ToString() =>
        Amount.ToString("F" + Currency.MinorUnits, CultureInfo.InvariantCulture) + " " + Currency.Code;

    private static Currency SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new CurrencyMismatchException(left.Currency, right.Currency);
}

public sealed class InvalidAmountException(string message) : ArgumentException(message);

public sealed class CurrencyMismatchException(Currency left, Currency right)
    : InvalidOperationException($"Cannot combine {left} with {right}: amounts in different currencies are never converted.");
