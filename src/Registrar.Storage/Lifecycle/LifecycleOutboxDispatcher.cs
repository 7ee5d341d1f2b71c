using System.Net;
using Azure;
using Microsoft.Extensions.Logging;

namespace Registrar.Storage.Lifecycle;

/// <summary>Moves one outbox row to the command queue: enqueue, then delete the row. A crash between the
/// two leaves the row for <see cref="LifecycleOutboxRecovery{TEvent, TCommand}"/>, which enqueues the same
/// command ids again; handlers are idempotent by those ids, so the effect happens once.</summary>
public sealed class LifecycleOutboxDispatcher<TEvent, TCommand>(
    LifecycleTables<TEvent, TCommand> tables,
    ILogger<LifecycleOutboxDispatcher<TEvent, TCommand>> logger)
{
    public async Task DispatchAsync(LifecycleCommandBatch<TCommand> batch, CancellationToken ct)
    {
        await tables.Commands.SendAsync(batch, ct);
        try
        {
            await tables.Instances.DeleteEntityAsync(LifecycleTables<TEvent, TCommand>.Partition(batch.InstanceId),
                LifecycleTables<TEvent, TCommand>.OutboxRow(batch.InstanceId, batch.Sequence), ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Recovery dispatched it at the same time; the command ids are the same.
        }
    }

    /// <summary>Dispatches now if storage answers; otherwise the row waits for the recovery sweep.</summary>
    public async Task<bool> TryDispatchAsync(LifecycleCommandBatch<TCommand> batch, CancellationToken ct)
    {
        try
        {
            await DispatchAsync(batch, ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Commands {Sequence} of {InstanceId} stay in the outbox until the recovery sweep.",
                batch.Sequence, batch.InstanceId);
            return false;
        }
    }
}
