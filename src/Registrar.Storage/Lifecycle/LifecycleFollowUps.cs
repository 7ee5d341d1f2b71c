using System.Diagnostics.CodeAnalysis;
using Azure.Data.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>
/// The decisions taken while a command worker carries out a batch (a registry's answer applied in process decides
/// the next step) whose commands the same worker carries out next, instead of queueing them behind every other
/// instance's work: a registration goes from payment to registered in one delivery rather than three trips through
/// the command queue. Each keeps its dispatch marker until it is done or queued, so a crash in between loses nothing
/// (the sweep sends it again). Ambient for the delivery's async flow, as <see cref="System.Diagnostics.Activity.Current"/>
/// is, because the decision is taken deep inside the command's own handler.
/// </summary>
public sealed class LifecycleFollowUps<TCommand> : IDisposable
{
    private static readonly AsyncLocal<LifecycleFollowUps<TCommand>?> Ambient = new();

    private readonly Lock _gate = new();
    private readonly Queue<LifecycleFollowUp<TCommand>> _pending = new();
    private readonly LifecycleFollowUps<TCommand>? _outer;
    private readonly int _limit;
    private int _taken;
    private bool _closed;

    private LifecycleFollowUps(int limit)
    {
        _outer = Ambient.Value;
        _limit = limit;
        Ambient.Value = this;
    }

    /// <summary>Whether the current async flow belongs to a worker that takes follow-ups.</summary>
    public static bool IsCollecting => Ambient.Value is not null;

    /// <summary>Collects follow-ups for the current async flow until the worker has none left.</summary>
    /// <param name="limit">Batches taken at most, so an instance that keeps deciding cannot hold the worker.</param>
    public static LifecycleFollowUps<TCommand> Begin(int limit) => new(limit);

    /// <summary>Takes <paramref name="batch"/> for the worker of the current flow, if it still takes any.</summary>
    internal static bool TryTake(LifecycleCommandBatch<TCommand> batch, TableEntity? marker)
    {
        if (Ambient.Value is not { } followUps) return false;
        lock (followUps._gate)
        {
            if (followUps._closed || followUps._taken == followUps._limit) return false;
            followUps._taken++;
            followUps._pending.Enqueue(new(batch, marker));
            return true;
        }
    }

    /// <summary>Whether a batch of <paramref name="instanceId"/> taken by the current flow, and not begun yet, holds a
    /// command <paramref name="match"/> accepts.</summary>
    internal static bool AnyWaiting(string instanceId, Func<TCommand, bool> match)
    {
        if (Ambient.Value is not { } followUps) return false;
        lock (followUps._gate)
            return followUps._pending.Any(p => p.Batch.InstanceId == instanceId && p.Batch.Commands.Any(c => match(c.Command)));
    }

    /// <summary>Nothing was taken yet.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_gate) return _pending.Count == 0;
        }
    }

    /// <summary>The next batch to carry out. Once there is none, none is taken any more: a decision taken later in this
    /// flow (by a task it started) goes to the queue rather than to a worker that has moved on.</summary>
    public bool TryNext([NotNullWhen(true)] out LifecycleFollowUp<TCommand>? next)
    {
        lock (_gate)
        {
            _closed = !_pending.TryDequeue(out next);
            return !_closed;
        }
    }

    public void Dispose() => Ambient.Value = _outer;
}

/// <param name="Marker">The decision's dispatch marker: deleted once the batch is carried out or queued. None for a
/// timer's decision, whose timer row the sweep keeps until then instead.</param>
public sealed record LifecycleFollowUp<TCommand>(LifecycleCommandBatch<TCommand> Batch, TableEntity? Marker);
