using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registrar.Core.Lifecycle;
using Registrar.Core.Notices;
using Registrar.Core.Registrations;
using Registrar.Functions.Lifecycle;
using Registrar.Storage.Configuration;
using Registrar.Storage.Queues;

namespace Registrar.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>What only the Functions host has: the ACS mail port, lifecycle events delivered to
    /// Durable orchestrations, and the queue that feeds registry commands to the EPP session pool.</summary>
    public static IServiceCollection AddRegistrarFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        // The queue triggers read these queues by their literal names, so no storage name prefix applies.
        services.AddSingleton(sp => new QueueSender<LifecycleEventMessage>(
            sp.GetRequiredService<StorageClients>().Queues.GetQueueClient(FunctionQueues.LifecycleEvents), FunctionQueues.LifecycleEventContract));
        services.AddSingleton(sp => new QueueSender<RegistrationCommand>(
            sp.GetRequiredService<StorageClients>().Queues.GetQueueClient(FunctionQueues.RegistryCommands), FunctionQueues.RegistryCommandContract));
        services.AddSingleton<ILifecycleEvents<RegistrationEvent>, QueuedLifecycleEvents>();
        return services;
    }
}
