using Registrar.Core.Deadlines;

namespace Registrar.Core.Tests.Deadlines;

/// <summary>A deadline reads the same in a problem detail, an operations explanation and a mail: the customer never sees one
/// day in the answer and another in the mail (KZ-2.7).</summary>
public sealed class LocalTimesTests
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    [Fact]
    public void A_deadline_at_local_midnight_reads_as_the_last_minute_of_the_day_before_KZ_2_7()
    {
        var endOfTheSeventeenth = new DateTimeOffset(2028, 3, 18, 0, 0, 0, TimeSpan.FromHours(5));

        Assert.Equal("2028-03-17 23:59 (UTC+5)", LocalTimes.Deadline(endOfTheSeventeenth));
        Assert.Equal("2028-03-17 23:59 (UTC+5)", LocalTimes.Deadline(endOfTheSeventeenth.ToUniversalTime(), Almaty));
    }

    [Fact]
    public void A_deadline_at_another_time_of_day_reads_as_that_minute()
    {
        Assert.Equal("2028-03-18 10:00 (UTC+5)", LocalTimes.Deadline(new DateTimeOffset(2028, 3, 18, 10, 0, 0, TimeSpan.FromHours(5))));
    }

    [Fact]
    public void A_midnight_deadline_on_the_night_the_clocks_go_back_reads_in_the_offset_of_the_day_it_ends()
    {
        // Kyiv leaves summer time at 04:00 on 29 October 2028: the 28th ends at midnight summer time (UTC+3).
        var endOfTheTwentyEighth = new DateTimeOffset(2028, 10, 28, 21, 0, 0, TimeSpan.Zero);

        Assert.Equal("2028-10-28 23:59 (UTC+3)", LocalTimes.Deadline(endOfTheTwentyEighth, Kyiv));
    }

    [Fact]
    public void A_moment_judged_against_a_deadline_is_written_to_the_second_in_the_deadlines_offset()
    {
        var dueAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(5));
        var bookedAt = new DateTimeOffset(2026, 11, 26, 19, 30, 5, TimeSpan.Zero);

        Assert.Equal("2026-11-27 00:30:05 (UTC+5)", LocalTimes.Moment(bookedAt, dueAt));
    }
}
