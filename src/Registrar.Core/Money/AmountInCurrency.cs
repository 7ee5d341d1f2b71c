using System.Globalization;

namespace Registrar.Core.Money;

/// <summary>
/// An amount in a currency given by its code, as a bank reported it or operations sent it back: the currency may be one this
/// registrar does not bill in (a payment held as another currency, UA-3.2), which <see cref="Money"/> cannot hold. In a
/// currency billed in, it is written as money is everywhere in this API, with the currency's decimals ("6000.0" KZT is
/// "6000.00"); in another, as it came, since its minor units are not known here. An amount finer than its currency is never
/// rounded: it stays as it is, for operations to see.
/// </summary>
public static class AmountInCurrency
{
    /// <summary>The same amount at its currency's scale, when that is known and the amount fits it.</summary>
    public static decimal Scaled(decimal amount, string currencyCode) =>
        Currency.TryFromCode(currencyCode, out var currency) && amount >= 0m && decimal.Round(amount, currency.MinorUnits) == amount
            ? Money.Of(amount, currency).Amount
            : amount;

    public static string Text(decimal amount, string currencyCode) => Scaled(amount, currencyCode).ToString(CultureInfo.InvariantCulture);
}
