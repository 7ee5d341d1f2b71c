namespace Registrar.Orchestration.Tests.Fakes;

/// <summary>
/// Runs the orchestrator's continuations on the test's thread, one at a time, like Durable Task's
/// single-threaded orchestrator scheduler: after <see cref="RunUntilIdle"/> the orchestrator is
/// either finished or waiting on a task only the history can complete.
/// </summary>
internal sealed class OrchestratorPump : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();

    public override void Post(SendOrPostCallback d, object? state) => _work.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public void Run(Action action)
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
            RunUntilIdle();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private void RunUntilIdle()
    {
        while (_work.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }
}
