using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Zones;

/// <summary>KZ-2.6 (the .ua zones' default schedule): "30, 14 and 7 days before" and "7 and 21 days after" expiry are the
/// registrar's days in Kyiv, where the clocks change on the last Sundays of March and October, so a warning comes at the
/// expiry's own Kyiv time of day on the other side of a change too.</summary>
public sealed class RemindersAcrossClockChangeTests
{
    private static readonly TimeZoneInfo Kyiv = BusinessCalendars.LoadEmbedded().For("UA").TimeZone;

    private readonly ZoneDeadlines deadlines = new(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded());

    [Fact]
    public void A_reminder_before_a_summer_expiry_arrives_at_the_same_Kyiv_time_on_winter_time_KZ_2_6()
    {
        // 10:00 on Saturday 10 April 2027 (UTC+3); the clocks went forward on Sunday 28 March.
        var reminders = deadlines.RenewalTimeline("com.ua", KyivTime(2027, 4, 10, 10)).Reminders.ToDictionary(r => r.Key, r => r.At);

        Assert.Equal(KyivTime(2027, 3, 11, 10), reminders["before-expiry-30d"]);
        Assert.Equal(KyivTime(2027, 3, 27, 10), reminders["before-expiry-14d"]);
        Assert.Equal(KyivTime(2027, 4, 3, 10), reminders["before-expiry-7d"]);
    }

    [Fact]
    public void A_reminder_after_an_expiry_before_the_autumn_clock_change_arrives_at_the_same_Kyiv_time_KZ_2_6()
    {
        // 10:00 on Wednesday 20 October 2027 (UTC+3), stored in UTC; the clocks go back on Sunday 31 October.
        var expiry = KyivTime(2027, 10, 20, 10).ToUniversalTime();
        var reminders = deadlines.RenewalTimeline("ua", expiry).Reminders.ToDictionary(r => r.Key, r => r.At);

        Assert.Equal(KyivTime(2027, 10, 27, 10), reminders["after-expiry-7d"]);
        Assert.Equal(KyivTime(2027, 11, 10, 10), reminders["after-expiry-21d"]);
        Assert.Equal(expiry, reminders["expiry"]);
    }

    private static DateTimeOffset KyivTime(int year, int month, int day, int hour)
    {
        var local = new DateTime(year, month, day, hour, 0, 0);
        return new DateTimeOffset(local, Kyiv.GetUtcOffset(local));
    }
}
