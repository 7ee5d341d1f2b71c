namespace Registrar.Core.Calendars;

/// <summary>One parsed calendar file: one country and one year.</summary>
internal sealed record CalendarFile(
    string SourceName,
    string Country,
    int Year,
    string TimeZoneId,
    IReadOnlySet<DayOfWeek> Weekend,
    TransferStatus Transfers,
    string TransfersNote,
    IReadOnlyList<CalendarEntry> Entries);
