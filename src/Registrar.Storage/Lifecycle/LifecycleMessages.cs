using Registrar.Storage.Queues;

namespace Registrar.Storage.Lifecycle;

/// <summary>A command of one decision with the decider's id for it, the key its handler is idempotent by.</summary>
public sealed record LifecycleCommand<TCommand>(string CommandId, TCommand Command);

/// <summary>An event for an instance. <paramref name="EventId"/> is the sender's natural key for it
/// (a bank reference, an EPP clTRID, a command id + "result"): a second delivery is a no-op.</summary>
public sealed record LifecycleEventMessage<TEvent>(string InstanceId, string EventId, TEvent Event)
{
    public static MessageContract<LifecycleEventMessage<TEvent>> Contract { get; } = new("lifecycle.event", 1);
}

/// <summary>The commands of one decision, carried out in order by one delivery.</summary>
public sealed record LifecycleCommandBatch<TCommand>(string InstanceId, long Sequence, IReadOnlyList<LifecycleCommand<TCommand>> Commands)
{
    public static MessageContract<LifecycleCommandBatch<TCommand>> Contract { get; } = new("lifecycle.commands", 1);
}

/// <param name="CommandId">Unique per command forever; use it as the idempotency key of the effect
/// (EPP clTRID, notice id, invoice number).</param>
/// <param name="FirstAttempt">The decision was just taken in this process, which carries its batch out itself before
/// anything else could: no earlier delivery began the command, so a handler need not look for one's traces first
/// (a queued delivery, even the first, may follow a crash after such an attempt).</param>
public sealed record LifecycleCommandContext(string InstanceId, string CommandId, long Sequence, bool FirstAttempt = false);

/// <summary>Carries out one kind of lifecycle command (EPP, notices, invoices, audit). Called at least
/// once per command; must have its effect once, keyed by <see cref="LifecycleCommandContext.CommandId"/>.</summary>
public interface ILifecycleCommandHandler<TCommand>
{
    Task HandleAsync(LifecycleCommandContext context, TCommand command, CancellationToken ct);
}
