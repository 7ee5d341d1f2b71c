using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

/// <summary>Sends a decision's commands to the command queue. The engine writes a dispatch marker before the
/// decision commits and deletes it once the commands are sent (both through the timer group commit, so a
/// decision pays one queue message and no row of its own for this). A crash or an unreachable queue in between
/// leaves the marker; when it falls due the sweep sends the commands again from the decision's event row.
/// Handlers are idempotent by command id, so the effect happens once.</summary>
public sealed class LifecycleOutboxDispatcher<TEvent, TCommand>(
    LifecycleTables<TEvent, TCommand> tables,
    IOptions<LifecycleRuntimeOptions> options,
    TimeProvider time,
    ILogger<LifecycleOutboxDispatcher<TEvent, TCommand>> logger)
{
    /// <summary>Markers whose decision was not found on their first sighting, keyed by row key.</summary>
    private readonly ConcurrentDictionary<string, bool> _unconfirmed = new();

    /// <summary>Hands the batch to the command worker whose delivery decided it (<see cref="LifecycleFollowUps{TCommand}"/>),
    /// or sends it now if storage answers; otherwise the marker waits for the sweep. A timer's decision has no marker:
    /// its send failing is thrown, and the timer row that fired, which the sweep then keeps, stands for the marker.</summary>
    public async Task DispatchAsync(LifecycleCommandBatch<TCommand> batch, TableEntity? marker, CancellationToken ct)
    {
        if (LifecycleFollowUps<TCommand>.TryTake(batch, marker)) return;
        if (marker is not null) await TryDispatchAsync(batch, marker, ct);
        else await tables.Commands.SendAsync(batch, ct);
    }

    /// <summary>A follow-up batch was carried out by the worker that took it.</summary>
    public void CarriedOut(LifecycleFollowUp<TCommand> followUp)
    {
        if (followUp.Marker is { } marker) tables.TimerWrites.DeleteLater(marker);
    }

    /// <summary>Sends now if storage answers; otherwise the marker (or, for a timer's decision, the timer row that fired)
    /// waits for the sweep.</summary>
    public async Task<bool> TryDispatchAsync(LifecycleCommandBatch<TCommand> batch, TableEntity? marker, CancellationToken ct)
    {
        try
        {
            await tables.Commands.SendAsync(batch, ct);
            if (marker is not null) tables.TimerWrites.DeleteLater(marker);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Commands {Sequence} of {InstanceId} are sent again when their dispatch marker or timer row is swept.",
                batch.Sequence, batch.InstanceId);
            return false;
        }
    }

    /// <summary>Sends the commands of a timer's decision again, read from its event row, when the sweep finds the timer
    /// row that fired still there: the process stopped, or the queue failed, before they were carried out. Handlers are
    /// idempotent by command id, so commands that had been carried out take effect once. A row that decided nothing
    /// (a superseded wake-up) has no event row. As with a dispatch marker, a decision younger than
    /// <see cref="LifecycleRuntimeOptions.DispatchGrace"/> is left alone: another process's sweep may be carrying it out.</summary>
    /// <returns>False when the row is to be left for a later sweep.</returns>
    public async Task<bool> RedispatchTimerDecisionAsync(string instanceId, string timerEventId, CancellationToken ct)
    {
        var decision = await DecisionRowAsync(instanceId, timerEventId, ct);
        if (!decision.HasValue) return true;
        var row = decision.Value!;
        if (row.GetDateTimeOffset("AppliedAt") + options.Value.DispatchGrace > time.GetUtcNow()) return false;
        var commands = Commands(row);
        if (commands.Count > 0)
            await tables.Commands.SendAsync(new LifecycleCommandBatch<TCommand>(instanceId, row.GetInt64("Sequence") ?? 0, commands), ct);
        return true;
    }

    /// <summary>Sends the commands of a marker that fell due, read from its decision's event row, and deletes the
    /// marker. A marker whose decision is not stored is left once (its transaction may still be committing) and
    /// deleted when seen again: that decision never happened.</summary>
    /// <returns>False when the marker was left for the next sweep.</returns>
    public async Task<bool> RedispatchAsync(TableEntity marker, CancellationToken ct)
    {
        var instanceId = marker.GetString("InstanceId");
        var sequence = marker.GetInt64("Sequence") ?? 0;
        var decision = await DecisionRowAsync(instanceId, marker.GetString("EventId"), ct);
        if (decision.HasValue && decision.Value!.GetInt64("Sequence") == sequence)
            await tables.Commands.SendAsync(new LifecycleCommandBatch<TCommand>(instanceId, sequence, Commands(decision.Value)), ct);
        else if (_unconfirmed.TryAdd(marker.RowKey, true))
            return false;
        _unconfirmed.TryRemove(marker.RowKey, out _);
        await tables.TimerWrites.DeleteAsync(marker.PartitionKey, marker.RowKey, marker.ETag, ct);
        return true;
    }

    /// <summary>Moves an outbox row, as the engine wrote them before dispatch markers, to the command queue:
    /// enqueue, then delete the row. Such rows are in tables laid out before the groups were split, all in the first.</summary>
    public async Task<bool> TryDispatchOutboxRowAsync(LifecycleCommandBatch<TCommand> batch, string partitionKey, string rowKey, CancellationToken ct)
    {
        try
        {
            await tables.Commands.SendAsync(batch, ct);
            await tables.Instances.DeleteEntityAsync(partitionKey, rowKey, ETag.All, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Recovered by another pass at the same time; the command ids are the same.
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Outbox row {Sequence} of {InstanceId} stays for the next recovery pass.", batch.Sequence, batch.InstanceId);
            return false;
        }
    }

    /// <summary>The event row that holds a decision's sequence, commands and when it was applied.</summary>
    private async Task<NullableResponse<TableEntity>> DecisionRowAsync(string instanceId, string eventId, CancellationToken ct)
    {
        var layout = await tables.LayoutAsync(ct);
        return await tables.InstancesOf(instanceId).GetEntityIfExistsAsync<TableEntity>(layout.Partition(instanceId), layout.EventRow(instanceId, eventId),
            select: ["Sequence", "Commands", "AppliedAt"], cancellationToken: ct);
    }

    public static List<LifecycleCommand<TCommand>> Commands(TableEntity row) =>
        JsonSerializer.Deserialize<List<LifecycleCommand<TCommand>>>(row.GetString("Commands"), DocumentTable.Json)!;
}
