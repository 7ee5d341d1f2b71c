using System.Globalization;
using Registrar.Core.Money;

namespace Registrar.Payments.Notifications;

/// <summary>How an amount is written in a format.</summary>
internal enum AmountSyntax
{
    /// <summary>Strict JSON formats, where the sender controls the text: digits with an optional inner '.', and no more
    /// decimals written than the currency has ("100.000" UAH is refused).</summary>
    Plain,

    /// <summary>ISO 20022 amounts are xs:decimal: a leading '+' and a '.' with digits on one side only ("+6000.00",
    /// "6000.", ".5") are the same numbers written otherwise, and only the value must fit the currency.</summary>
    XsDecimal,
}

/// <summary>Reads an amount a bank reported as text: decimal digits and a dot, no minus sign, no exponent.</summary>
internal static class ReportedAmount
{
    private const int MaxLength = 32;

    public static bool TryRead(string text, string currencyCode, AmountSyntax syntax, out decimal amount, out NotificationRejected? error)
    {
        amount = 0m;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('-'))
            return Fail(out error, NotificationRejectionReason.InvalidAmount, $"Amount '{text}' is negative: a credit notification reports a positive amount.");
        var xsDecimal = syntax == AmountSyntax.XsDecimal;
        var unsigned = xsDecimal && trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (unsigned.Length is 0 or > MaxLength || !IsDecimal(unsigned, dotMayEnd: xsDecimal))
            return Fail(out error, NotificationRejectionReason.Malformed, xsDecimal
                ? $"Amount '{text}' is not an xs:decimal (digits with an optional '.' and '+', no exponent)."
                : $"Amount '{text}' is not a plain decimal number (digits with an optional '.', no sign or exponent).");
        if (!decimal.TryParse(unsigned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
            return Fail(out error, NotificationRejectionReason.Malformed, $"Amount '{text}' is out of range.");
        if (amount <= 0m)
            return Fail(out error, NotificationRejectionReason.InvalidAmount, $"Amount '{text}' is zero: a credit notification reports a positive amount.");

        if (Currency.TryFromCode(currencyCode, out var currency))
        {
            // Judged on the digits as written, not on the parsed value: parsing rounds a fraction beyond a decimal's 28 digits,
            // which would take a sub-kopeck remainder away unseen (UA-3.2: an odd amount is held, never guessed).
            var fraction = unsigned.Contains('.') ? unsigned[(unsigned.IndexOf('.') + 1)..] : "";
            var beyondMinorUnits = fraction.Length > currency.MinorUnits ? fraction[currency.MinorUnits..] : "";
            var tooPrecise = xsDecimal ? beyondMinorUnits.Any(digit => digit != '0') : beyondMinorUnits.Length > 0;
            if (tooPrecise)
                return Fail(out error, NotificationRejectionReason.AmountPrecision,
                    $"Amount '{text}' {currency.Code} has more than the {currency.MinorUnits} decimal places {currency.Code} has.");
        }

        error = null;
        return true;
    }

    private static bool IsDecimal(string text, bool dotMayEnd)
    {
        var (dot, digits) = (false, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !dot && (dotMayEnd || (i > 0 && i < text.Length - 1)))
                dot = true;
            else if (c is >= '0' and <= '9')
                digits++;
            else
                return false;
        }
        return digits > 0;
    }

    private static bool Fail(out NotificationRejected? error, NotificationRejectionReason reason, string message)
    {
        error = new NotificationRejected(reason, message);
        return false;
    }
}
