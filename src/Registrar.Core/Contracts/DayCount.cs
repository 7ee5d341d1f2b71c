using Registrar.Core.Calendars;

namespace Registrar.Core.Contracts;

/// <summary>Whether a period in an offer is counted in calendar days or in the country's business days.</summary>
public enum DayKind
{
    Calendar,
    Business,
}

/// <summary>A period an offer states in days ("3 calendar days", "14 business days"), counted from a local date.</summary>
public readonly record struct DayCount(int Days, DayKind Kind)
{
    public static DayCount Calendar(int days) => new(days, DayKind.Calendar);

    public static DayCount Business(int days) => new(days, DayKind.Business);

    /// <summary>The last day of the period that starts the day after <paramref name="date"/>.</summary>
    /// <exception cref="DateOutsideCalendarException">Business days are counted past the calendar data's years.</exception>
    public DateOnly LastDayAfter(DateOnly date, BusinessCalendar calendar) =>
        Kind == DayKind.Business ? calendar.AddBusinessDays(date, Days) : date.AddDays(Days);

    public override string ToString() => Kind == DayKind.Business ? $"{Days} business days" : $"{Days} calendar days";
}
