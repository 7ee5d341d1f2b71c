using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registrar.Core.Calendars;

namespace Registrar.Api.Hosting;

/// <summary>
/// Degraded while a deadline computed now may fall in a year whose calendar is an assumption (its transfers
/// of days of rest not yet decreed): the deadlines still hold, but operations should publish the decree as a
/// correction (<see cref="CalendarOptions.CorrectionsFolder"/>) as soon as it is out. Degraded too while a year from
/// now through a year ahead has no calendar file at all: a deadline there cannot be counted, and a registration
/// whose timeline needs it waits, flagged for operations, until the file is published. Unhealthy once a deadline counted
/// from today (an order's invoice window, a registration's business day) may reach a year without a file: orders and claims
/// are then refused, and monitoring that reads only the status must tell that from the early warning.
/// </summary>
public sealed class CalendarAssumptionsHealthCheck(BusinessCalendars calendars, TimeProvider clock) : IHealthCheck
{
    /// <summary>How far ahead the deadlines computed today reach (invoice windows, registration and renewal deadlines).</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(60);

    /// <summary>KZ-2.7: a term's renewal timeline waits for its year's calendar until its first reminder is due, and relies on
    /// this warning coming a year ahead so that the file is published in time.</summary>
    private const int YearsAheadNeedingFiles = 1;

    /// <summary>KZ-2.1, KZ-3.3: how far the business-day deadlines of an order placed today can reach, New Year's days off and a
    /// weekend included.</summary>
    public static readonly TimeSpan ReachOfTodaysDeadlines = TimeSpan.FromDays(14);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var assumed = calendars.AssumedYearsBetween(today, today.AddDays((int)Horizon.TotalDays));
        var missing = calendars.MissingFilesBetween(today, today.AddYears(YearsAheadNeedingFiles));
        var missingNow = calendars.MissingFilesBetween(today, today.AddDays((int)ReachOfTodaysDeadlines.TotalDays));
        if (missingNow.Count > 0)
            return Task.FromResult(HealthCheckResult.Unhealthy($"Calendar files missing for deadlines counted today: {string.Join(", ", missingNow)}. "
                + "Orders, claims and renewal invoices whose business days reach there are refused (503 calendar-missing) until they are published."));
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add($"Calendar files missing for years deadlines will need: {string.Join(", ", missing)}.");
        if (assumed.Count > 0) problems.Add($"Deadlines may fall in calendar years not yet decreed: {string.Join(", ", assumed.Select(y => y.SourceName))}.");
        return Task.FromResult(problems.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(string.Join(" ", problems)));
    }
}
