using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Registrar.Registry;

public static class RegistrySweepServiceCollectionExtensions
{
    /// <summary>The reconciliation sweep and its options ("Registry:Sweep"); a host adds what runs it.</summary>
    public static IServiceCollection AddRegistrySweep(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistrySweepOptions>().Bind(configuration.GetSection(RegistrySweepOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ZoneRegistries>();
        services.TryAddSingleton<RegistrySweep>();
        return services;
    }
}
