using Azure.Storage.Queues.Specialized;
using Microsoft.Extensions.Options;
using Registrar.Api.Lifecycle;
using Registrar.Core.Lifecycle;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.LocalHost.Registrations;

/// <summary>The registration lifecycle on the local runtime (Azure Tables and Queues).</summary>
public static class LocalRegistrationRuntime
{
    public static IServiceCollection AddLocalRegistrationRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLifecycleRuntime<RegistrationState, RegistrationEvent, RegistrationCommand, RegistrationDecider>(configuration);
        services.AddLifecycleCommandHandler<RegistrationCommand, RuntimeCommandHandler>();
        services.AddSingleton<ILifecycleEvents<RegistrationEvent>, RuntimeEvents>();
        services.AddSingleton<ILifecycleHistoryEraser>(sp => new LifecycleHistoryEraser<RegistrationState, RegistrationEvent, RegistrationCommand>(
            sp.GetRequiredService<LifecycleTables<RegistrationEvent, RegistrationCommand>>(),
            ErasedPersonalData.Erase, ErasedPersonalData.Erase, ErasedPersonalData.Erase));
        services.AddHostedService<PaymentRecoveryService>();
        services.AddHostedService<ViewFormatService>();
        // The event worker parks an event whose deliveries ran out in the poison queue; this worker sends it on to
        // operations and back to be delivered again later. Not AddHostedService: it adds one hosted service per type, and
        // the event worker has this one's.
        services.AddSingleton<IHostedService>(sp =>
        {
            var events = sp.GetRequiredService<LifecycleTables<RegistrationEvent, RegistrationCommand>>().Events;
            return new QueueWorker<LifecycleEventMessage<RegistrationEvent>>(
                events.Queue.GetParentQueueServiceClient().GetQueueClient(StorageNames.PoisonQueue(events.Queue.Name)),
                LifecycleEventMessage<RegistrationEvent>.Contract, new PoisonedEventHandler(sp.GetRequiredService<PoisonedLifecycleEvents>(), events),
                sp.GetRequiredService<IOptions<LifecycleRuntimeOptions>>().Value.Events, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<QueueWorker<LifecycleEventMessage<RegistrationEvent>>>>(),
                unreadable: sp.GetRequiredService<UnreadableMessages>());
        });
        services.AddOptions<RegistryPollOptions>().Bind(configuration.GetSection(RegistryPollOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RegistryPollSignal>();
        services.AddHostedService<RegistryPollService>();
        return services;
    }

    private sealed class RuntimeCommandHandler(RegistrationCommandHandler handler) : ILifecycleCommandHandler<RegistrationCommand>
    {
        public Task HandleAsync(LifecycleCommandContext context, RegistrationCommand command, CancellationToken ct) =>
            handler.HandleAsync(command, context.FirstAttempt, ct);
    }

    private sealed class PoisonedEventHandler(PoisonedLifecycleEvents poisoned, QueueSender<LifecycleEventMessage<RegistrationEvent>> events)
        : IQueueMessageHandler<LifecycleEventMessage<RegistrationEvent>>
    {
        public Task HandleAsync(LifecycleEventMessage<RegistrationEvent> message, QueueMessageContext context, CancellationToken ct) =>
            poisoned.HandleAsync(message, events, ct);
    }

    private sealed class RuntimeEvents(ILifecycleClient<RegistrationEvent> client) : ILifecycleEvents<RegistrationEvent>
    {
        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken) =>
            client.SendAsync(instanceId, eventId, @event, cancellationToken);
    }
}
