using CsCheck;
using Registrar.Core.Calendars;

namespace Registrar.Core.Tests.Calendars;

public sealed class BusinessCalendarPropertyTests
{
    private static readonly BusinessCalendars Calendars = BusinessCalendars.LoadEmbedded();

    // Start dates kept a quarter away from the data's edges so that counting up to MaxDays stays inside it.
    private const int MaxDays = 40;
    private static readonly DateOnly EarliestStart = new(2024, 4, 1);
    private static readonly DateOnly LatestStart = new(2030, 9, 30);

    private static readonly Gen<BusinessCalendar> Calendar = Gen.OneOfConst(Calendars.For("KZ"), Calendars.For("UA"));

    private static readonly Gen<DateOnly> AnyDate =
        Gen.Int[0, LatestStart.DayNumber - EarliestStart.DayNumber].Select(EarliestStart.AddDays);

    private static readonly Gen<int> Count = Gen.Int[1, MaxDays];

    private static readonly Gen<(BusinessCalendar Calendar, DateOnly Date, int Days)> CalendarDateCount =
        Gen.Select(Calendar, AnyDate, Count);

    [Fact]
    public void Adding_then_subtracting_N_business_days_from_a_business_day_round_trips_KZ_3_3()
    {
        CalendarDateCount
            .Where(t => t.Calendar.IsBusinessDay(t.Date))
            .Sample(t =>
                t.Calendar.AddBusinessDays(t.Calendar.AddBusinessDays(t.Date, t.Days), -t.Days) == t.Date
                && t.Calendar.AddBusinessDays(t.Calendar.AddBusinessDays(t.Date, -t.Days), t.Days) == t.Date);
    }

    [Fact]
    public void Adding_business_days_never_lands_on_a_non_business_day_KZ_2_7()
    {
        CalendarDateCount.Sample(t =>
            t.Calendar.IsBusinessDay(t.Calendar.AddBusinessDays(t.Date, t.Days))
            && t.Calendar.IsBusinessDay(t.Calendar.AddBusinessDays(t.Date, -t.Days)));
    }

    [Fact]
    public void Counting_the_business_days_up_to_the_Nth_business_day_after_a_date_gives_N_KZ_2_1()
    {
        CalendarDateCount.Sample(t =>
            t.Calendar.BusinessDaysBetween(t.Date, t.Calendar.AddBusinessDays(t.Date, t.Days)) == t.Days);
    }

    [Fact]
    public void Counting_back_to_the_Nth_business_day_before_a_business_day_gives_minus_N_KZ_2_7()
    {
        CalendarDateCount
            .Where(t => t.Calendar.IsBusinessDay(t.Date))
            .Sample(t => t.Calendar.BusinessDaysBetween(t.Date, t.Calendar.AddBusinessDays(t.Date, -t.Days)) == -t.Days);
    }

    [Fact]
    public void The_Nth_business_day_after_a_date_is_later_than_the_one_before_it()
    {
        CalendarDateCount.Sample(t =>
            t.Calendar.AddBusinessDays(t.Date, t.Days) > t.Calendar.AddBusinessDays(t.Date, t.Days - 1)
            && t.Calendar.AddBusinessDays(t.Date, t.Days) > t.Date);
    }

    [Fact]
    public void Business_days_between_two_dates_changes_sign_when_the_dates_are_swapped()
    {
        Gen.Select(Calendar, AnyDate, AnyDate).Sample(t =>
            t.Item1.BusinessDaysBetween(t.Item2, t.Item3) == -t.Item1.BusinessDaysBetween(t.Item3, t.Item2));
    }

    [Fact]
    public void A_public_holiday_or_a_day_off_from_the_data_is_never_a_business_day_KZ_2_1()
    {
        var calendar = Calendars.For("KZ");
        var holidays = calendar.Entries
            .Where(e => e.Kind is CalendarEntryKind.Holiday or CalendarEntryKind.ReligiousHoliday
                or CalendarEntryKind.CarriedOverDayOff or CalendarEntryKind.TransferredDayOff)
            .ToArray();

        Gen.OneOfConst(holidays).Sample(h => !calendar.IsBusinessDay(h.Date));
    }

    [Fact]
    public void A_business_day_is_never_a_Kazakh_holiday_nor_an_unworked_weekend_day_KZ_2_1()
    {
        var calendar = Calendars.For("KZ");
        var nonWorking = calendar.Entries
            .Where(e => e.Kind != CalendarEntryKind.TransferredWorkingDay)
            .Select(e => e.Date)
            .ToHashSet();
        var workedWeekendDays = calendar.Entries
            .Where(e => e.Kind == CalendarEntryKind.TransferredWorkingDay)
            .Select(e => e.Date)
            .ToHashSet();

        AnyDate.Where(calendar.IsBusinessDay).Sample(d =>
            !nonWorking.Contains(d)
            && (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || workedWeekendDays.Contains(d)));
    }
}
