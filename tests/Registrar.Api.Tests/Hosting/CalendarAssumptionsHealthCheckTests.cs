using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Hosting;
using Registrar.Core.Calendars;

namespace Registrar.Api.Tests.Hosting;

public sealed class CalendarAssumptionsHealthCheckTests
{
    private static async Task<HealthCheckResult> CheckAsync(BusinessCalendars calendars, DateTimeOffset now) =>
        await new CalendarAssumptionsHealthCheck(calendars, new FakeTimeProvider(now)).CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Deadlines_that_may_fall_in_a_year_whose_transfers_are_not_yet_decreed_degrade_the_health_naming_the_file_KZ_2_1()
    {
        var calendars = BusinessCalendars.LoadEmbedded();

        var midyear = await CheckAsync(calendars, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var december = await CheckAsync(calendars, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(HealthStatus.Healthy, midyear.Status);
        Assert.Equal(HealthStatus.Degraded, december.Status);
        Assert.Contains("kz-2027.txt", december.Description);
        Assert.DoesNotContain("ua-2027.txt", december.Description);
    }

    [Fact]
    public async Task A_published_correction_replaces_the_shipped_year_and_the_assumption_is_gone()
    {
        var decreed = EmbeddedText("kz-2027.txt").Replace(
            "transfers not-yet-decreed", "transfers none order of the Ministry of Labour: no transfer for 2027", StringComparison.Ordinal);
        var corrected = BusinessCalendars.LoadEmbeddedWith([("kz-2027.txt", decreed)]);

        var december = await CheckAsync(corrected, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(HealthStatus.Healthy, december.Status);
    }

    [Fact]
    public async Task A_year_within_a_year_ahead_without_a_calendar_file_degrades_the_health_naming_the_missing_files_KZ_2_7()
    {
        var decreed = EmbeddedText("kz-2030.txt").Replace(
            "transfers not-yet-decreed", "transfers none order of the Ministry of Labour: no transfer for 2030", StringComparison.Ordinal);
        var corrected = BusinessCalendars.LoadEmbeddedWith([("kz-2030.txt", decreed)]);

        var lastShippedYear = await CheckAsync(corrected, new DateTimeOffset(2030, 1, 10, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(HealthStatus.Degraded, lastShippedYear.Status);
        Assert.Contains("kz-2031.txt", lastShippedYear.Description);
        Assert.Contains("ua-2031.txt", lastShippedYear.Description);
    }

    [Theory]
    [InlineData("2030-12-20")]
    [InlineData("2031-01-01")]
    public async Task Once_deadlines_counted_today_reach_a_year_without_a_file_the_health_is_unhealthy_not_only_degraded_KZ_2_1_KZ_3_3(string today)
    {
        var now = DateTimeOffset.Parse(today + "T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var ranOut = await CheckAsync(BusinessCalendars.LoadEmbedded(), now);

        Assert.Equal(HealthStatus.Unhealthy, ranOut.Status);
        Assert.Contains("kz-2031.txt", ranOut.Description);
        Assert.Contains("refused", ranOut.Description);
    }

    private static string EmbeddedText(string file) =>
        File.ReadAllText(Path.Combine(Registrar.Testing.RepositoryPaths.Root, "src", "Registrar.Core", "Calendars", "Data", file));
}
