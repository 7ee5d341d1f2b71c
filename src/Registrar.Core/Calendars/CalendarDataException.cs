namespace Registrar.Core.Calendars;

/// <summary>A calendar data file (or the set of files) is malformed; the message names the file and line.</summary>
public sealed class CalendarDataException : FormatException
{
    public CalendarDataException(string sourceName, int lineNumber, string problem)
        : base($"{sourceName}, line {lineNumber}: {problem}")
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
    }

    public CalendarDataException(string sourceName, string problem)
        : base($"{sourceName}: {problem}")
    {
        SourceName = sourceName;
    }

    public string SourceName { get; }

    /// <summary>The 1-based line the problem is on, or null when it concerns the whole file or set of files.</summary>
    public int? LineNumber { get; }
}
