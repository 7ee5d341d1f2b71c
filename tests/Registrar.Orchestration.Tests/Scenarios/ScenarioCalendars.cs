using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Deadlines;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Testing;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>The schedule both scenario hosts decide on: the shipped calendars, or, while a scenario withholds a country's
/// years, the calendars as hosts started without those files load them. The end of the withholding stands for the hosts
/// started again once the file is published.</summary>
public sealed class ScenarioCalendars : IRegistrationSchedule
{
    private static readonly string DataFolder = Path.Combine(RepositoryPaths.Root, "src", "Registrar.Core", "Calendars", "Data");

    private readonly ZoneCatalog _zones = ZoneCatalog.LoadEmbedded();
    private readonly ZoneDeadlines _shipped;
    private volatile ZoneDeadlines _current;

    public ScenarioCalendars()
    {
        _shipped = new(_zones, BusinessCalendars.LoadEmbedded());
        _current = _shipped;
    }

    /// <summary>Until disposed, <paramref name="country"/>'s calendar ends before <paramref name="fromYear"/>.</summary>
    public IDisposable Withhold(string country, int fromYear)
    {
        var prefix = country.ToLowerInvariant() + "-";
        var files = Directory.EnumerateFiles(DataFolder, "*.txt")
            .Select(path => (Name: Path.GetFileName(path), Text: File.ReadAllText(path)))
            .Where(file => !file.Name.StartsWith(prefix, StringComparison.Ordinal) || int.Parse(file.Name[3..7]) < fromYear);
        _current = new(_zones, BusinessCalendars.Parse(files));
        return new Published(this);
    }

    public DateTimeOffset RegistrationDueBy(string zone, DateTimeOffset paidAt) => _current.RegistrationDueBy(zone, paidAt);

    public DateTimeOffset? ChangeRequestDueBy(string zone, DateTimeOffset provedAt) => _current.ChangeRequestDueBy(zone, provedAt);

    public DateTimeOffset InvoiceDueAt(string zone, DateTimeOffset issuedAt) => _current.InvoiceDueAt(zone, issuedAt);

    public RenewalTimeline RenewalTimeline(string zone, DateTimeOffset expiry) => _current.RenewalTimeline(zone, expiry);

    public DateTimeOffset? RenewalTimelineWaitsUntil(string zone, DateTimeOffset expiry) => _current.RenewalTimelineWaitsUntil(zone, expiry);

    public TransferEligibility TransferRules(string zone) => _current.TransferRules(zone);

    public string DisputeRule(string zone) => _current.DisputeRule(zone);

    public IReadOnlyList<ScheduledReminder> WarningsInCalendarDays(string zone, DateTimeOffset expiry) => _current.WarningsInCalendarDays(zone, expiry);

    public RegistrationTerm Term(string zone) => _current.Term(zone);

    public DateTimeOffset? RegistrarNoticeEndsAt(string zone, DateTimeOffset sentAt) => _current.RegistrarNoticeEndsAt(zone, sentAt);

    public DateTimeOffset? BreachCureEndsAt(string zone, DateTimeOffset sentAt) => _current.BreachCureEndsAt(zone, sentAt);

    public DateOnly LocalDate(string zone, DateTimeOffset instant) => _current.LocalDate(zone, instant);

    private sealed class Published(ScenarioCalendars calendars) : IDisposable
    {
        public void Dispose() => calendars._current = calendars._shipped;
    }
}
