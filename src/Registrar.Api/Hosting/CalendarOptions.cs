namespace Registrar.Api.Hosting;

/// <summary>Bound from "Calendars": where operations publish corrections to the business-day calendars.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendars";

    /// <summary>A folder of calendar files (<c>kz-2027.txt</c> …, the format of Registrar.Core/Calendars/Data) that
    /// replace or add to the shipped ones at start: a decreed transfer or a moved holiday, with its source in the
    /// file's header, takes effect without a code release.</summary>
    public string? CorrectionsFolder { get; set; }

    /// <summary>The same files as blobs of the <see cref="PublishedSettings.Container"/> container whose names start with
    /// this (<c>calendars/</c>: <c>calendars/kz-2027.txt</c>), for a host with no folder of its own (Azure); read when
    /// <see cref="CorrectionsFolder"/> is not set.</summary>
    public string? CorrectionsBlobPrefix { get; set; }
}
