using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api.Hosting;
using Registrar.Api.Operations.Page;
using Registrar.Api.Whois;
using Registrar.Core.Lifecycle;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;
using Registrar.Functions.Http;
using Registrar.Functions.Lifecycle;
using Registrar.Mail;
using Registrar.Orchestration.Lifecycle;
using Registrar.Storage.Configuration;
using Registrar.Storage.Leases;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>What only the Functions host has: the ACS mail port, lifecycle events delivered to
    /// Durable orchestrations, the queue that feeds registry commands to the EPP session pool, and the
    /// operations page's place under the app's <c>/api</c> prefix; and what the local host's pipeline sets up
    /// for itself (health checks, problem details).</summary>
    public static IServiceCollection AddRegistrarFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        // The Durable extension serializes orchestration inputs, events, activity payloads and custom
        // status with the worker's serializer: the same settings as everything else that is stored.
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(StoredJson.Options));

        services.AddOptions<LifecycleLoopOptions>();
        // The operations page's links, forms and cookie path follow where this app's triggers serve it.
        services.Configure<OperationsPageOptions>(page => page.BasePath = OperationsPageFunctions.BasePath);
        // The Functions host hands every request to the worker over loopback and names the caller in X-Forwarded-For.
        services.Configure<WhoisOptions>(whois => whois.TrustForwardedFor = true);
        services.AddRegistrarHealthChecks();
        services.AddRegistrarProblemDetails();
        services.AddAcsMail(configuration);

        // Flex Consumption scales the queue triggers out on its own: each registry's session cap is
        // shared by all instances through a table row per session slot, not counted per instance.
        services.AddSharedEppSessionSlots();

        // The queue triggers read these queues by their literal names, so no storage name prefix applies.
        services.AddSingleton(sp => new QueueSender<LifecycleEventMessage<RegistrationEvent>>(
            sp.GetRequiredService<StorageClients>().Queues.GetQueueClient(FunctionQueues.LifecycleEvents), LifecycleEventMessage<RegistrationEvent>.Contract));
        services.AddSingleton(sp => new QueueSender<RegistrationCommand>(
            sp.GetRequiredService<StorageClients>().Queues.GetQueueClient(FunctionQueues.RegistryCommands), FunctionQueues.RegistryCommandContract));
        services.AddSingleton<ILifecycleEvents<RegistrationEvent>, QueuedLifecycleEvents>();
        return services;
    }
}
