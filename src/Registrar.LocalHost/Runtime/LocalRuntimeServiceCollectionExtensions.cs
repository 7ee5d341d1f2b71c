using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Registrar.LocalHost.Runtime;

public static class LocalRuntimeServiceCollectionExtensions
{
    /// <summary>The local host's runtime pieces: in Development, the <see cref="OperationsClock"/> replaces
    /// the system clock for everything that takes a <see cref="TimeProvider"/> (call order does not matter).</summary>
    public static IServiceCollection AddLocalRuntime(this IServiceCollection services, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment()) return services;
        services.TryAddSingleton(_ => new OperationsClock(TimeProvider.System));
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<OperationsClock>()));
        return services;
    }
}
