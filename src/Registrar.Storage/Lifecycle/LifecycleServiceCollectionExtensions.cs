using Azure.Storage.Queues.Specialized;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Lifecycle;
using Registrar.Storage.Configuration;
using Registrar.Storage.Queues;

namespace Registrar.Storage.Lifecycle;

public static class LifecycleServiceCollectionExtensions
{
    /// <summary>Runs <typeparamref name="TDecider"/> on Tables and Queues: the engine, the client and
    /// inspector ports, and five background services (event worker, command worker and the worker of the commands it
    /// set aside, timer sweep, outbox recovery). Needs <c>AddRegistrarStorage</c> and one <see cref="ILifecycleCommandHandler{TCommand}"/>
    /// (see <see cref="AddLifecycleCommandHandler{TCommand, THandler}"/>).</summary>
    public static IServiceCollection AddLifecycleRuntime<TState, TEvent, TCommand, TDecider>(
        this IServiceCollection services, IConfiguration configuration)
        where TDecider : class, ILifecycleDecider<TState, TEvent, TCommand>
    {
        services.AddOptions<LifecycleRuntimeOptions>().Bind(configuration.GetSection(LifecycleRuntimeOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ILifecycleDecider<TState, TEvent, TCommand>, TDecider>();
        services.AddSingleton<LifecycleTables<TEvent, TCommand>>();
        services.AddSingleton<LifecycleOutboxDispatcher<TEvent, TCommand>>();
        services.AddSingleton<LifecycleEngine<TState, TEvent, TCommand>>();
        services.AddSingleton<LifecycleClient<TEvent, TCommand>>();
        services.AddSingleton<ILifecycleClient<TEvent>, ApplyingLifecycleClient<TState, TEvent, TCommand>>();
        services.AddSingleton<ILifecycleInspector<TState, TEvent, TCommand>, LifecycleInspector<TState, TEvent, TCommand>>();
        services.AddSingleton<LifecycleBatches<TState, TEvent, TCommand>>();
        services.AddSingleton<LifecycleBackgroundBatches<TState, TEvent, TCommand>>();
        services.AddSingleton<LifecycleTimerShards<TEvent, TCommand>>();
        services.AddSingleton<LifecycleTimerSweeper<TState, TEvent, TCommand>>();
        services.AddSingleton<LifecycleOutboxRecovery<TEvent, TCommand>>();
        services.AddSingleton<LifecycleBacklog<TState, TEvent, TCommand>>();
        services.AddSingleton<LifecycleSweepSignal>();

        // Singletons as well as hosted services: the backlog asks them what they have in hand.
        services.AddSingleton(sp => new QueueWorker<LifecycleEventMessage<TEvent>>(
            sp.GetRequiredService<LifecycleTables<TEvent, TCommand>>().Events.Queue,
            LifecycleEventMessage<TEvent>.Contract,
            new LifecycleEventQueueHandler<TState, TEvent, TCommand>(sp.GetRequiredService<LifecycleEngine<TState, TEvent, TCommand>>()),
            sp.GetRequiredService<IOptions<LifecycleRuntimeOptions>>().Value.Events,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QueueWorker<LifecycleEventMessage<TEvent>>>>(),
            sp.GetRequiredService<LifecycleTables<TEvent, TCommand>>().Events.Sent));
        services.AddSingleton(sp => new QueueWorker<LifecycleCommandBatch<TCommand>>(
            sp.GetRequiredService<LifecycleTables<TEvent, TCommand>>().Commands.Queue,
            LifecycleCommandBatch<TCommand>.Contract,
            new LifecycleCommandQueueHandler<TState, TEvent, TCommand>(
                sp.GetRequiredService<LifecycleBatches<TState, TEvent, TCommand>>(),
                sp.GetRequiredService<IOptions<LifecycleRuntimeOptions>>().Value),
            sp.GetRequiredService<IOptions<LifecycleRuntimeOptions>>().Value.Commands,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QueueWorker<LifecycleCommandBatch<TCommand>>>>(),
            sp.GetRequiredService<LifecycleTables<TEvent, TCommand>>().Commands.Sent));
        // Not AddHostedService: it adds one hosted service per type, and the command worker has this one's.
        services.AddSingleton<IHostedService>(sp =>
        {
            var commands = sp.GetRequiredService<LifecycleTables<TEvent, TCommand>>().Commands.Queue;
            return new QueueWorker<LifecycleCommandBatch<TCommand>>(
                commands.GetParentQueueServiceClient().GetQueueClient(StorageNames.PoisonQueue(commands.Name)),
                LifecycleCommandBatch<TCommand>.Contract,
                new LifecycleParkedCommandHandler<TState, TEvent, TCommand>(
                    sp.GetRequiredService<ILifecycleDecider<TState, TEvent, TCommand>>(), sp.GetRequiredService<ILifecycleClient<TEvent>>()),
                sp.GetRequiredService<IOptions<LifecycleRuntimeOptions>>().Value.Commands,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<QueueWorker<LifecycleCommandBatch<TCommand>>>>(),
                unreadable: sp.GetService<UnreadableMessages>());
        });
        services.AddHostedService(sp => sp.GetRequiredService<QueueWorker<LifecycleEventMessage<TEvent>>>());
        services.AddHostedService(sp => sp.GetRequiredService<QueueWorker<LifecycleCommandBatch<TCommand>>>());
        services.AddHostedService(sp => sp.GetRequiredService<LifecycleTimerSweeper<TState, TEvent, TCommand>>());
        services.AddHostedService(sp => sp.GetRequiredService<LifecycleOutboxRecovery<TEvent, TCommand>>());
        return services;
    }

    /// <summary>The handler that carries out <typeparamref name="TCommand"/>s (it may dispatch on subtypes).</summary>
    public static IServiceCollection AddLifecycleCommandHandler<TCommand, THandler>(this IServiceCollection services)
        where THandler : class, ILifecycleCommandHandler<TCommand>
    {
        services.AddSingleton<ILifecycleCommandHandler<TCommand>, THandler>();
        return services;
    }
}
