using Registrar.Api.Lifecycle;
using Registrar.Core.Lifecycle;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;

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
        services.AddOptions<RegistryPollOptions>().Bind(configuration.GetSection(RegistryPollOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<RegistryPollService>();
        return services;
    }

    private sealed class RuntimeCommandHandler(RegistrationCommandHandler handler) : ILifecycleCommandHandler<RegistrationCommand>
    {
        public Task HandleAsync(LifecycleCommandContext context, RegistrationCommand command, CancellationToken ct) =>
            handler.HandleAsync(command, context.FirstAttempt, ct);
    }

    private sealed class RuntimeEvents(ILifecycleClient<RegistrationEvent> client) : ILifecycleEvents<RegistrationEvent>
    {
        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken) =>
            client.SendAsync(instanceId, eventId, @event, cancellationToken);
    }
}
