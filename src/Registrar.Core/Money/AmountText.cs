using System.Globalization;
using System.Text.RegularExpressions;

namespace Registrar.Core.Money;

/// <summary>An amount of money written as text, as the API writes it and its OpenAPI document describes it: digits without a
/// leading zero, then an optional dot and decimals ("1500", "1500.50", "0.5"). decimal.Parse takes more ("1e3", ".5", "1.",
/// "007"); none of those is how an amount is written here, and reading one as some amount would record money nobody typed.</summary>
public static partial class AmountText
{
    public const string Rule = "digits with an optional '.' and decimals, no leading zero, sign or exponent: \"1500.00\"";

    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0m;
        return text is not null && Written().IsMatch(text)
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    // [0-9], not \d: \d matches every script's digits.
    [GeneratedRegex(@"\A(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Written();
}
