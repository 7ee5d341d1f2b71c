using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registrar.Core.Calendars;

namespace Registrar.Api.Hosting;

/// <summary>
/// Degraded while a deadline computed now may fall in a year whose calendar is an assumption (its transfers
/// of days of rest not yet decreed): the deadlines still hold, but operations should publish the decree as a
/// correction (<see cref="CalendarOptions.CorrectionsFolder"/>) as soon as it is out.
/// </summary>
public sealed class CalendarAssumptionsHealthCheck(BusinessCalendars calendars, TimeProvider clock) : IHealthCheck
{
    /// <summary>How far ahead the deadlines computed today reach (invoice windows, registration and renewal deadlines).</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(60);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var assumed = calendars.AssumedYearsBetween(today, today.AddDays((int)Horizon.TotalDays));
        return Task.FromResult(assumed.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"Deadlines may fall in calendar years not yet decreed: {string.Join(", ", assumed.Select(y => y.SourceName))}."));
    }
}
