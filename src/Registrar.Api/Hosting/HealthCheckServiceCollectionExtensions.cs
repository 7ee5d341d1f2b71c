using Microsoft.Extensions.DependencyInjection;

namespace Registrar.Api.Hosting;

public static class HealthCheckServiceCollectionExtensions
{
    /// <summary>What both hosts report as their health: storage answers, and the calendars the deadlines
    /// depend on are decreed rather than assumed.</summary>
    public static IServiceCollection AddRegistrarHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<CalendarAssumptionsHealthCheck>("calendars");
        return services;
    }
}
