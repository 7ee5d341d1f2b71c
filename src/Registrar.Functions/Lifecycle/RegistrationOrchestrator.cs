using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;

namespace Registrar.Functions.Lifecycle;

/// <summary>One eternal orchestration per registration, running the shared lifecycle loop over the
/// registration decider. Everything it does is in <see cref="LifecycleLoop{TState, TEvent, TCommand}"/>.</summary>
public sealed class RegistrationOrchestrator(RegistrationDecider decider)
{
    public const string Name = "RegistrationLifecycle";

    private static readonly LifecycleLoopOptions Options = new();

    [Function(Name)]
    public Task<RegistrationState> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new LifecycleLoop<RegistrationState, RegistrationEvent, RegistrationCommand>(decider, state => state.Phase.ToString(), Options)
            .RunAsync(new DurableOrchestrationContext(context));
}

/// <summary>Durable Task's context behind the loop's interface: one call each, nothing added.</summary>
internal sealed class DurableOrchestrationContext(TaskOrchestrationContext context) : IOrchestrationContext
{
    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public T? GetInput<T>() => context.GetInput<T>();

    public Task<T> CallActivityAsync<T>(string name, object? input, ActivityRetry retry) =>
        context.CallActivityAsync<T>(name, input, TaskOptions.FromRetryPolicy(
            new RetryPolicy(retry.MaxAttempts, retry.FirstInterval, retry.BackoffCoefficient, retry.MaxInterval)));

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => context.CreateTimer(fireAt, cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        context.WaitForExternalEvent<T>(eventName, cancellationToken);

    public void ContinueAsNew(object? newInput) => context.ContinueAsNew(newInput, preserveUnprocessedEvents: true);

    public void SetCustomStatus(object? customStatus) => context.SetCustomStatus(customStatus);
}
