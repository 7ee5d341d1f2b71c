using System.Globalization;
using Registrar.Core.Money;

namespace Registrar.Payments.Notifications;

/// <summary>Reads an amount a bank reported as text: plain decimal digits, a dot, no sign, no exponent.</summary>
internal static class ReportedAmount
{
    private const int MaxLength = 32;

    /// <param name="countWrittenDecimals">True: "100.000" UAH is refused (strict JSON formats, where the sender
    /// controls the text). False: only the value must fit the currency (ISO 20022 writes up to five decimals).</param>
    public static bool TryRead(string text, string currencyCode, bool countWrittenDecimals, out decimal amount, out NotificationRejected? error)
    {
        amount = 0m;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('-'))
            return Fail(out error, NotificationRejectionReason.InvalidAmount, $"Amount '{text}' is negative: a credit notification reports a positive amount.");
        if (trimmed.Length is 0 or > MaxLength || !IsPlainDecimal(trimmed))
            return Fail(out error, NotificationRejectionReason.Malformed, $"Amount '{text}' is not a plain decimal number (digits with an optional '.', no sign or exponent).");
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
            return Fail(out error, NotificationRejectionReason.Malformed, $"Amount '{text}' is out of range.");
        if (amount <= 0m)
            return Fail(out error, NotificationRejectionReason.InvalidAmount, $"Amount '{text}' is zero: a credit notification reports a positive amount.");

        if (Currency.TryFromCode(currencyCode, out var currency))
        {
            var written = trimmed.Contains('.') ? trimmed.Length - trimmed.IndexOf('.') - 1 : 0;
            var tooPrecise = countWrittenDecimals ? written > currency.MinorUnits : decimal.Round(amount, currency.MinorUnits) != amount;
            if (tooPrecise)
                return Fail(out error, NotificationRejectionReason.AmountPrecision,
                    $"Amount '{text}' {currency.Code} has more than the {currency.MinorUnits} decimal places {currency.Code} has.");
        }

        error = null;
        return true;
    }

    private static bool IsPlainDecimal(string text)
    {
        var dot = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !dot && i > 0 && i < text.Length - 1)
                dot = true;
            else if (c is < '0' or > '9')
                return false;
        }
        return true;
    }

    private static bool Fail(out NotificationRejected? error, NotificationRejectionReason reason, string message)
    {
        error = new NotificationRejected(reason, message);
        return false;
    }
}
