namespace Registrar.Core.Calendars;

/// <summary>What a dated line of a calendar file says about that day.</summary>
public enum CalendarEntryKind
{
    /// <summary>A national or state holiday: non-working, and carried over to the next working day when it falls on a day off.</summary>
    Holiday,

    /// <summary>A religious day off (Kazakhstan: Kurban ait, Orthodox Christmas): non-working, never carried over.</summary>
    ReligiousHoliday,

    /// <summary>The weekday off that a holiday falling on a Saturday or Sunday is carried over to.</summary>
    CarriedOverDayOff,

    /// <summary>A weekday made a day of rest by a decreed transfer (paired with a <see cref="TransferredWorkingDay"/>).</summary>
    TransferredDayOff,

    /// <summary>A Saturday or Sunday made a working day by a decreed transfer.</summary>
    TransferredWorkingDay,

    /// <summary>A public holiday in law that is nevertheless a working day (Ukraine under martial law).</summary>
    WorkedHoliday,
}

/// <summary>One dated line of a calendar file.</summary>
public sealed record CalendarEntry(DateOnly Date, CalendarEntryKind Kind, string Description);

/// <summary>Whether the official transfers of days of rest for a year are known.</summary>
public enum TransferStatus
{
    /// <summary>Transfers were decreed and are in the file.</summary>
    Decreed,

    /// <summary>The authority was checked and decreed no transfer for the year.</summary>
    None,

    /// <summary>Transfers for the year are not decreed yet; the file may need an update when they are.</summary>
    NotYetDecreed,

    /// <summary>Transfers (and carry-overs) do not happen by law, e.g. Ukraine under martial law.</summary>
    Suspended,
}

/// <summary>One year of a country's calendar data, as its file states it.</summary>
public sealed record CalendarYear(int Year, TransferStatus Transfers, string TransfersNote, string SourceName);
