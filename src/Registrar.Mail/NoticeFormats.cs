using Registrar.Core.Deadlines;
using Registrar.Core.Money;

namespace Registrar.Mail;

/// <summary>How figures read in a notice, the same in every language: ISO dates in the registrar's time zone
/// with its UTC offset (never a day-month order a reader could swap), amounts with their currency code.</summary>
public static class NoticeFormats
{
    /// <summary>"2027-05-26 23:59 (UTC+5)", written as problem details write deadlines (<see cref="LocalTimes.Deadline(DateTimeOffset, TimeZoneInfo)"/>).</summary>
    public static string Instant(DateTimeOffset instant, TimeZoneInfo timeZone) => LocalTimes.Deadline(instant, timeZone);

    /// <summary>"12500.00 KZT": the currency's decimals, a dot, no grouping that one language would misread.</summary>
    public static string Amount(Money amount) => amount.ToString();
}
