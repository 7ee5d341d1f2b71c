using Microsoft.Extensions.DependencyInjection;

namespace Registrar.Api.Hosting;

public static class HealthCheckServiceCollectionExtensions
{
    /// <summary>What both hosts report as their health, through the same <see cref="HealthProbe"/>: storage answers, and the
    /// calendars the deadlines depend on are decreed rather than assumed.</summary>
    public static IServiceCollection AddRegistrarHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<CalendarAssumptionsHealthCheck>("calendars");
        services.AddSingleton<HealthProbe>();
        return services;
    }
}
