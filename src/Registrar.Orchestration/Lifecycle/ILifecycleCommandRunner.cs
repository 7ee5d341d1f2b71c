namespace Registrar.Orchestration.Lifecycle;

/// <summary>
/// Carries out one lifecycle command: enqueue an EPP command, send a notice, issue an invoice, record
/// an audit entry. Runs at least once per command (activities are retried and may be repeated after a
/// crash), so every effect is keyed by <see cref="LifecycleCommandRequest{TCommand}.CommandId"/>.
/// </summary>
public interface ILifecycleCommandRunner<TCommand, TEvent>
{
    /// <returns>Events the command produced at once (e.g. the number of an issued invoice), applied
    /// before any later external event; usually none. Results that come later, such as a registry's
    /// answer, arrive as external events instead.</returns>
    Task<IReadOnlyList<TEvent>> RunAsync(LifecycleCommandRequest<TCommand> request, CancellationToken cancellationToken);
}
