namespace Registrar.Core.Money;

/// <summary>An ISO 4217 currency this registrar bills in, with its number of minor units.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(CurrencyJsonConverter))]
public sealed record Currency
{
    public static readonly Currency Kzt = new("KZT", 2);
    public static readonly Currency Uah = new("UAH", 2);

    private static readonly Dictionary<string, Currency> Known =
        new[] { Kzt, Uah }.ToDictionary(c => c.Code, StringComparer.Ordinal);

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The ISO 4217 alphabetic code, upper case.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point (ISO 4217 "minor unit").</summary>
    public int MinorUnits { get; }

    public static IReadOnlyCollection<Currency> All => Known.Values;

    /// <exception cref="UnknownCurrencyException">The code is not one this registrar bills in.</exception>
    public static Currency FromCode(string code) =>
        TryFromCode(code, out var currency) ? currency : throw new UnknownCurrencyException(code);

    /// <summary>Written as an ISO 4217 alphabetic code is: three upper-case Latin letters, whether or not it is billed in here.</summary>
    public static bool IsIsoCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    public static bool TryFromCode(string? code, out Currency currency)
    {
        currency = null!;
        return code is not null && Known.TryGetValue(code, out currency!);
    }

    public override string ToString() => Code;
}

public sealed class UnknownCurrencyException(string code)
    : ArgumentException($"'{code}' is not a currency this registrar bills in; expected one of: " +
                        string.Join(", ", Currency.All.Select(c => c.Code)) + " (ISO 4217 codes, upper case).")
{
    public string Code { get; } = code;
}
