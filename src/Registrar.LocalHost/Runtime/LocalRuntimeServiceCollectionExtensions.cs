using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Registrar.LocalHost.Runtime;

public static class LocalRuntimeServiceCollectionExtensions
{
    /// <summary>The local host's runtime pieces: in Development, the <see cref="OperationsClock"/> replaces
    /// the system clock for everything that takes a <see cref="TimeProvider"/> (call order does not matter), and a registry
    /// simulator named in configuration follows it (<see cref="SimulatorClockSync"/>).</summary>
    public static IServiceCollection AddLocalRuntime(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        if (!environment.IsDevelopment()) return services;
        services.TryAddSingleton<OperationsClockStore>();
        services.TryAddSingleton(sp => new OperationsClock(TimeProvider.System, sp.GetRequiredService<OperationsClockStore>().Read()));
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<OperationsClock>()));
        if (configuration.GetSection(RegistrySimulatorOptions.Section).Get<RegistrySimulatorOptions>()?.ControlUrl is { } control)
        {
            var controlApi = new Uri(control.ToString().TrimEnd('/') + "/");
            services.AddSingleton(sp => new SimulatorClockSync(new HttpClient { BaseAddress = controlApi, Timeout = TimeSpan.FromSeconds(5) },
                sp.GetRequiredService<OperationsClock>(), sp.GetRequiredService<ILogger<SimulatorClockSync>>()));
            services.AddHostedService(sp => sp.GetRequiredService<SimulatorClockSync>());
        }
        return services;
    }
}
