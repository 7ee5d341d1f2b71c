using Registrar.Core.Calendars;

namespace Registrar.Core.Tests.Calendars;

/// <summary>The calendar sits on hot paths (every invoice and deadline), so its queries must not allocate.</summary>
public sealed class BusinessCalendarAllocationTests
{
    [Fact]
    public void Business_day_queries_allocate_nothing_once_the_calendar_is_loaded()
    {
        var calendar = BusinessCalendars.LoadEmbedded().For("KZ");
        var start = new DateOnly(2025, 3, 20);
        Query(calendar, start); // first call compiles the methods

        var before = GC.GetAllocatedBytesForCurrentThread();
        var checksum = 0;
        for (var i = 0; i < 1000; i++)
        {
            checksum += Query(calendar, start.AddDays(i));
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }

    private static int Query(BusinessCalendar calendar, DateOnly date) =>
        (calendar.IsBusinessDay(date) ? 1 : 0)
        + calendar.AddBusinessDays(date, 2).Day
        + calendar.AddBusinessDays(date, -3).Day
        + calendar.BusinessDaysBetween(date, date.AddDays(30));
}
