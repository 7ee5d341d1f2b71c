using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Lifecycle;
using Registrar.Core.Telemetry;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Lifecycle;

public enum LifecycleApplyOutcome
{
    Applied,
    /// <summary>The event id was applied before: nothing changed.</summary>
    Duplicate,
    /// <summary>A timer the instance no longer waits for (superseded by a later decision).</summary>
    StaleTimer,
    /// <summary>The instance is terminal and takes no more events.</summary>
    Terminal,
    /// <summary>No such instance, and the event does not start one: nothing stored.</summary>
    UnknownInstance,
}

/// <summary>Applies one event to one instance: takes the state it wrote last (or reads the state row), asks
/// the decider, and writes the new state and the processed-event row (which holds the decision's commands) in
/// one entity group transaction, conditional on the state's ETag (shared with the decisions of other instances of its
/// partition waiting at the same moment, each still failed alone); then sends the commands to the command queue
/// (see <see cref="LifecycleOutboxDispatcher{TEvent, TCommand}"/> for how none is lost). A duplicate
/// event id fails that transaction and so changes nothing; so does a state changed meanwhile, which is read
/// and decided again.</summary>
public sealed class LifecycleEngine<TState, TEvent, TCommand>(
    ILifecycleDecider<TState, TEvent, TCommand> decider,
    LifecycleTables<TEvent, TCommand> tables,
    LifecycleOutboxDispatcher<TEvent, TCommand> dispatcher,
    IOptions<LifecycleRuntimeOptions> options,
    TimeProvider time,
    ILogger<LifecycleEngine<TState, TEvent, TCommand>> logger) : IDisposable
{
    private static readonly JsonSerializerOptions Json = DocumentTable.Json;
    private readonly LifecycleStateCache<TState> _states = new(options);

    public Task<LifecycleApplyOutcome> ApplyAsync(string instanceId, string eventId, TEvent @event, CancellationToken ct) =>
        ApplyAsync(instanceId, eventId, @event, timerDueAt: null, ct);

    public Task<LifecycleApplyOutcome> FireTimerAsync(string instanceId, DateTimeOffset dueAt, CancellationToken ct) =>
        ApplyAsync(instanceId, LifecycleTables<TEvent, TCommand>.TimerEventId(dueAt), decider.TimerDue(dueAt), dueAt, ct);

    private async Task<LifecycleApplyOutcome> ApplyAsync(string instanceId, string eventId, TEvent @event,
        DateTimeOffset? timerDueAt, CancellationToken ct)
    {
        using var activity = RegistrarTelemetry.Lifecycle.StartActivity($"lifecycle apply {@event?.GetType().Name}");
        activity?.SetTag("registrar.lifecycle.instance", instanceId);
        activity?.SetTag("registrar.lifecycle.event_id", eventId);
        var outcome = await ApplyOnceAsync(instanceId, eventId, @event, timerDueAt, ct);
        activity?.SetTag("registrar.lifecycle.outcome", outcome.ToString());
        // Nothing raised is dropped unseen: a timer of an ended instance is routine, an event for one is not (as in the Functions host).
        if (timerDueAt is null && outcome is LifecycleApplyOutcome.Terminal or LifecycleApplyOutcome.UnknownInstance)
            logger.LogWarning("Event {EventId} ({EventType}) for {InstanceId} dropped: {Outcome}", eventId, @event?.GetType().Name, instanceId, outcome);
        return outcome;
    }

    private async Task<LifecycleApplyOutcome> ApplyOnceAsync(string instanceId, string eventId, TEvent @event,
        DateTimeOffset? timerDueAt, CancellationToken ct)
    {
        var layout = await tables.LayoutAsync(ct);
        using var deciding = tables.Deciding.Writing();
        // A wake-up row placed by an attempt that lost its race: the next attempt setting the same wake-up rewrites it there
        // rather than leave a second row of it in another shard.
        (DateTimeOffset DueAt, string Shard)? placed = null;
        for (var attempt = 1; ; attempt++)
        {
            var current = attempt == 1
                ? Remembered(instanceId, @event) ?? await ReadAsync(layout, instanceId, ct)
                : await ReadAsync(layout, instanceId, ct);
            if (Refusal(current, @event, timerDueAt) is { } refusal)
            {
                if (current.FromStorage) return refusal;
                continue;
            }

            var now = time.GetUtcNow();
            var decision = decider.Decide(current.State, @event, now);
            var sequence = current.Version + 1;
            var commands = decision.Commands
                .Select(command => new LifecycleCommand<TCommand>(decider.CommandId(instanceId, command), command))
                .ToList();
            var terminal = decider.IsTerminal(decision.State);
            var wakeAt = terminal ? null : decision.WakeAt;

            // The timer row and the dispatch marker go first: if the transaction below never commits, the row is
            // a stale timer the state does not point at and the marker names no stored decision, both dropped
            // when they fall due (each only when seen so twice: the first sighting may come before this commit); the
            // other order could lose a wake-up or the commands. A timer's decision needs no marker: the row that fired
            // stays until its commands are carried out or queued, and the sweep that finds it again sends them from the
            // event row (issue 16: two timer-table writes fewer per reminder).
            var marker = commands.Count > 0 && timerDueAt is null
                ? tables.DispatchMarker(instanceId, sequence, eventId, now + options.Value.DispatchGrace)
                : null;
            var markerWritten = marker is null ? Task.CompletedTask : tables.TimerWrites.PlaceAsync(marker, ct);
            var wakeWritten = WakeRowAheadAsync(instanceId, current, wakeAt, placed, ct);
            await Task.WhenAll(markerWritten, wakeWritten);
            var wakeShard = await wakeWritten;
            if (wakeAt is { } due && wakeShard is not null) placed = (due, wakeShard);

            var stateJson = JsonSerializer.Serialize(decision.State, Json);
            ETag? written;
            try
            {
                var changes = Changes(layout, instanceId, eventId, @event, current, stateJson, terminal, sequence, (wakeAt, wakeShard), commands, now);
                var answers = await tables.InstanceWritesOf(instanceId).SubmitAsync(changes, ct);
                written = answers[0].Headers.ETag;
            }
            catch (Exception e) when (e is DocumentAlreadyExistsException or ConcurrencyConflictException)
            {
                _states.Forget(instanceId);
                if (marker is not null) tables.TimerWrites.DeleteLater(marker);
                if (await IsProcessedAsync(layout, instanceId, eventId, ct)) return LifecycleApplyOutcome.Duplicate;
                if (attempt >= options.Value.MaxConflictRetries) throw;
                logger.LogDebug("Instance {InstanceId} changed under event {EventId}; applying it again.", instanceId, eventId);
                continue;
            }
            if (terminal || written is null) _states.Forget(instanceId);
            else _states.Remember(instanceId, new(decision.State, sequence, wakeAt, wakeShard, written, FromStorage: false), stateJson.Length);

            // The timer being fired is deleted by the sweep that fired it.
            if (current.NextWakeAt is { } superseded && superseded != wakeAt && superseded != timerDueAt)
                tables.TimerWrites.DeleteLater(tables.TimerEntity(instanceId, superseded, current.NextWakeShard));
            if (commands.Count > 0)
                await dispatcher.DispatchAsync(new LifecycleCommandBatch<TCommand>(instanceId, sequence, commands), marker, ct);
            return LifecycleApplyOutcome.Applied;
        }
    }

    /// <summary>What memory says of the instance without a read: the state this engine wrote last, or, for an
    /// event that starts instances, a new instance (the Add fails if it exists, and storage is read then).</summary>
    private LifecycleCurrentState<TState>? Remembered(string instanceId, TEvent @event) =>
        _states.Find(instanceId)
        ?? (decider.StartsInstance(@event) ? new(decider.InitialState(instanceId), 0, null, null, null, FromStorage: false) : null);

    private LifecycleApplyOutcome? Refusal(LifecycleCurrentState<TState> current, TEvent @event, DateTimeOffset? timerDueAt)
    {
        if (timerDueAt is not null && current.NextWakeAt != timerDueAt) return LifecycleApplyOutcome.StaleTimer;
        if (decider.IsTerminal(current.State)) return LifecycleApplyOutcome.Terminal;
        if (current.ETag is null && !decider.StartsInstance(@event)) return LifecycleApplyOutcome.UnknownInstance;
        return null;
    }

    private async Task<LifecycleCurrentState<TState>> ReadAsync(LifecycleInstanceLayout layout, string instanceId, CancellationToken ct)
    {
        var row = await tables.InstancesOf(instanceId).GetEntityIfExistsAsync<TableEntity>(
            layout.Partition(instanceId), layout.StateRow(instanceId), cancellationToken: ct);
        if (!row.HasValue) return new(decider.InitialState(instanceId), 0, null, null, null, FromStorage: true);
        var entity = row.Value!;
        return new(
            JsonSerializer.Deserialize<TState>(entity.GetString("State"), Json)!,
            entity.GetInt64("Version") ?? 0,
            LifecycleStateRow.NextWakeAt(entity),
            LifecycleStateRow.NextWakeShard(entity),
            entity.ETag,
            FromStorage: true);
    }

    private static List<TableTransactionAction> Changes(LifecycleInstanceLayout layout, string instanceId, string eventId, TEvent @event, LifecycleCurrentState<TState> current,
        string nextJson, bool terminal, long sequence, (DateTimeOffset? At, string? Shard) wake, List<LifecycleCommand<TCommand>> commands,
        DateTimeOffset now)
    {
        var state = layout.StateEntity(instanceId, nextJson, sequence, terminal, wake.At, wake.Shard, now);
        return
        [
            // Every state row carries the same columns, so a merge rewrites all of it, as a replace would; Azurite replaces a
            // row by removing and inserting it, which costs a scan of the whole table, and merges it in place.
            current.ETag is { } etag
                ? new(TableTransactionActionType.UpdateMerge, state, etag)
                : new(TableTransactionActionType.Add, state),
            new(TableTransactionActionType.Add, new TableEntity(layout.Partition(instanceId), layout.EventRow(instanceId, eventId))
            {
                ["EventId"] = eventId,
                ["Sequence"] = sequence,
                ["Event"] = JsonSerializer.Serialize(@event, Json),
                ["Commands"] = JsonSerializer.Serialize(commands, Json),
                ["AppliedAt"] = now,
            }),
        ];
    }

    private async Task<bool> IsProcessedAsync(LifecycleInstanceLayout layout, string instanceId, string eventId, CancellationToken ct)
    {
        var row = await tables.InstancesOf(instanceId).GetEntityIfExistsAsync<TableEntity>(layout.Partition(instanceId), layout.EventRow(instanceId, eventId),
            select: ["EventId"], cancellationToken: ct);
        return row.HasValue;
    }

    /// <summary>Writes the decision's wake-up row if it moved; returns the shard the state is to record for it.</summary>
    private async Task<string?> WakeRowAheadAsync(string instanceId, LifecycleCurrentState<TState> current, DateTimeOffset? wakeAt,
        (DateTimeOffset DueAt, string Shard)? placed, CancellationToken ct)
    {
        if (wakeAt is not { } due) return null;
        if (wakeAt == current.NextWakeAt) return current.NextWakeShard;
        if (placed is not { } earlier || earlier.DueAt != due) return await tables.TimerWrites.PlaceAsync(tables.TimerEntity(instanceId, due), ct);
        var row = tables.TimerEntity(instanceId, due, earlier.Shard);
        await tables.TimerWrites.UpsertAsync(row, ct);
        return row.PartitionKey;
    }

    public void Dispose() => _states.Dispose();
}

/// <summary>The next wake-up is kept as exact ticks: a timer fires only if its due instant equals the
/// state's, and date columns may lose sub-millisecond precision. No wake-up is 0, written like any other, so the row
/// keeps one set of columns (a merge leaves a column it does not write as it was).</summary>
internal static class LifecycleStateRow
{
    private const string Column = "NextWakeTicks";

    /// <summary>The timer shard its wake-up row was placed in; empty when none was recorded (its instance's own shard).</summary>
    private const string ShardColumn = "NextWakeShard";

    public static DateTimeOffset? NextWakeAt(TableEntity state) =>
        state.GetInt64(Column) is { } ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public static string? NextWakeShard(TableEntity state) => state.GetString(ShardColumn) is { Length: > 0 } shard ? shard : null;

    public static void SetNextWakeAt(TableEntity state, DateTimeOffset? wakeAt, string? shard)
    {
        state[Column] = wakeAt?.UtcTicks ?? 0L;
        state[ShardColumn] = wakeAt is null ? "" : shard ?? "";
    }
}
