using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Epp.Profiles;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Sessions;

/// <summary>The EPP client of each configured registry ("kaznic", "hostmaster"), created on first use.</summary>
public interface IEppClients
{
    IEppClient For(string registryId);
}

public sealed class EppClients(IOptions<EppOptions> options, IEppSessionSlots slots, TimeProvider time, ILoggerFactory loggers)
    : IEppClients, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<EppClient>> _clients = new(StringComparer.OrdinalIgnoreCase);

    public IEppClient For(string registryId) =>
        _clients.GetOrAdd(registryId, id => new Lazy<EppClient>(() => Create(id, Options(id)))).Value;

    /// <summary>Builds a client for one registry from its options (also used directly by tools and benchmarks).</summary>
    public static EppClient Create(string registryId, EppRegistryOptions registry, IEppSessionSlots slots, TimeProvider time,
        ILoggerFactory loggers)
    {
        Validate(registryId, registry);
        var profile = EppRegistryProfile.FromOptions(registry.Profile);
        var clTrids = new ClTridGenerator(registry.ClTridPrefix);
        var connector = new EppTlsConnector(registry, time, loggers.CreateLogger<EppTlsConnector>());
        var factory = new EppSessionFactory(connector, registry, profile, clTrids, time, loggers);
        var pool = new EppSessionPool(registryId, factory, slots, registry.MaxSessions, registry.KeepAliveInterval, clTrids, time,
            loggers.CreateLogger<EppSessionPool>());
        return new EppClient(registryId, profile, pool, clTrids, registry.ReadRetries, loggers.CreateLogger<EppClient>());
    }

    private EppClient Create(string registryId, EppRegistryOptions registry) => Create(registryId, registry, slots, time, loggers);

    private EppRegistryOptions Options(string registryId) =>
        options.Value.Registries.TryGetValue(registryId, out var registry) ? registry
            : throw new EppConfigurationException(
                $"No EPP registry '{registryId}' is configured under {EppOptions.Section}:Registries " +
                $"(configured: {string.Join(", ", options.Value.Registries.Keys)}).");

    private static void Validate(string registryId, EppRegistryOptions registry)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(registry, new ValidationContext(registry), errors, validateAllProperties: true))
            throw new EppConfigurationException(
                $"{EppOptions.Section}:Registries:{registryId} is invalid: {string.Join("; ", errors.Select(e => e.ErrorMessage))}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated)) await client.Value.DisposeAsync();
    }
}

public static class EppServiceCollectionExtensions
{
    /// <summary>EPP clients for the registries configured under "Epp:Registries". Session slots are not
    /// shared unless another <see cref="IEppSessionSlots"/> is registered (an app on several instances).</summary>
    public static IServiceCollection AddEppClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EppOptions>().Bind(configuration.GetSection(EppOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEppSessionSlots>(UnsharedEppSessionSlots.Instance);
        services.AddSingleton<EppClients>();
        services.AddSingleton<IEppClients>(sp => sp.GetRequiredService<EppClients>());
        return services;
    }
}
