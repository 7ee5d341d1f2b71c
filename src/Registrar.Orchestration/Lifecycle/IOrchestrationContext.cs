namespace Registrar.Orchestration.Lifecycle;

/// <summary>
/// The few members of Durable Task's <c>TaskOrchestrationContext</c> that the lifecycle loop uses,
/// with the same names and meaning. The Functions app adapts the real context to this in a handful
/// of lines; tests drive the loop with a replaying fake. Everything here is replay-safe: the loop
/// reads time and inputs only through it, so a replay of the same history makes the same calls.
/// </summary>
public interface IOrchestrationContext
{
    string InstanceId { get; }

    /// <summary>The orchestration's deterministic clock (UTC), the same on every replay.</summary>
    DateTime CurrentUtcDateTime { get; }

    T? GetInput<T>();

    /// <summary>Schedules an activity; failures are retried by the runtime as <paramref name="retry"/> says.</summary>
    Task<T> CallActivityAsync<T>(string name, object? input, ActivityRetry retry);

    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Restarts the orchestration with a fresh history and <paramref name="newInput"/>; external
    /// events that arrived and were not yet taken are carried to the new generation.</summary>
    void ContinueAsNew(object? newInput);

    void SetCustomStatus(object? customStatus);
}

/// <summary>How the runtime retries a failed activity (mirrors Durable Task's <c>RetryPolicy</c>).</summary>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstInterval, double BackoffCoefficient, TimeSpan MaxInterval)
{
    /// <summary>Transient failures of storage, mail or a registry's session limit clear within minutes;
    /// a command still failing after this is a fault for operations, not something to retry forever.</summary>
    public static ActivityRetry Default { get; } = new(6, TimeSpan.FromSeconds(10), 2.0, TimeSpan.FromMinutes(5));
}
