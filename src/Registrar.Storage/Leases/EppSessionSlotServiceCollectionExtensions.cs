using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registrar.Epp.Sessions;

namespace Registrar.Storage.Leases;

public static class EppSessionSlotServiceCollectionExtensions
{
    /// <summary>Shares each registry's EPP session cap among all instances of the app through a table
    /// (<see cref="TableSessionSlots"/>), in place of the per-process default that <c>AddEppClients</c>
    /// registers, whichever of the two is called first. Needs <c>AddRegistrarStorage</c>.</summary>
    public static IServiceCollection AddSharedEppSessionSlots(this IServiceCollection services)
    {
        services.AddOptions<EppSessionSlotOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<IEppSessionSlots, TableSessionSlots>());
        return services;
    }
}
