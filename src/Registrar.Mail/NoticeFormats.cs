using System.Globalization;
using Registrar.Core.Money;

namespace Registrar.Mail;

/// <summary>How figures read in a notice, the same in every language: ISO dates in the registrar's time zone
/// with its UTC offset (never a day-month order a reader could swap), amounts with their currency code.</summary>
public static class NoticeFormats
{
    /// <summary>"2027-05-26 23:59 (UTC+5)". An instant at local midnight is the bound from which something is late
    /// (KZ-2.7: the end of the last banking day), so it reads as the last minute of the day before: "pay by the 26th",
    /// not "by 00:00 on the 27th", which people take for the 27th itself.</summary>
    public static string Instant(DateTimeOffset instant, TimeZoneInfo timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        if (local.TimeOfDay == TimeSpan.Zero) local = TimeZoneInfo.ConvertTime(instant.AddMinutes(-1), timeZone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" (UTC{Offset(local.Offset)})";
    }

    /// <summary>"12500.00 KZT": the currency's decimals, a dot, no grouping that one language would misread.</summary>
    public static string Amount(Money amount) => amount.ToString();

    private static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? $"{sign}{abs.Hours}"
            : $"{sign}{abs.Hours}:{abs.Minutes:D2}";
    }
}
