using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Registrar.Epp.Sessions;

namespace Registrar.Storage.Leases;

/// <summary>One slot row this process holds: a timer renews its lease; releasing deletes the row if it
/// is still this holder's.</summary>
internal sealed class TableSessionSlot : IEppSessionSlot
{
    // A renewal or release that does not get through soon is not worth waiting for (each holds up the
    // other): the next tick renews again, and a row left behind frees itself when its lease runs out.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly TableSessionSlots _slots;
    private readonly string _partition;
    private readonly string _rowKey;
    // Renewal and release never overlap: each writes with the ETag the other may be changing.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ITimer _renewal;
    private ETag _etag;
    private long _expiresAtTicks;
    private volatile bool _lost;
    private int _released;

    public TableSessionSlot(TableSessionSlots slots, string partition, string rowKey, ETag etag, DateTimeOffset expiresAt)
    {
        _slots = slots;
        _partition = partition;
        _rowKey = rowKey;
        _etag = etag;
        _expiresAtTicks = expiresAt.UtcTicks;
        var every = slots.Options.RenewEvery;
        _renewal = slots.Time.CreateTimer(_ => _ = RenewAsync(), null, every, every);
    }

    /// <summary>Also false once the lease ran out before a renewal got through: another instance may
    /// hold the slot by then, even if no renewal has been refused yet.</summary>
    public bool IsHeld => !_lost && Volatile.Read(ref _released) == 0
        && _slots.Time.GetUtcNow().UtcTicks < Interlocked.Read(ref _expiresAtTicks);

    private async Task RenewAsync()
    {
        if (!await _gate.WaitAsync(0)) return; // the release, or a renewal still waiting for an answer
        try
        {
            if (_lost || Volatile.Read(ref _released) == 1) return;
            var now = _slots.Time.GetUtcNow();
            if (now.UtcTicks >= Interlocked.Read(ref _expiresAtTicks))
            {
                Lose("its lease ran out before a renewal got through");
                return;
            }
            var expiresAt = now + _slots.Options.LeaseDuration;
            var row = new TableEntity(_partition, _rowKey)
            {
                [TableSessionSlots.HolderColumn] = _slots.HolderId, [TableSessionSlots.ExpiresAtColumn] = expiresAt,
            };
            using var timeout = new CancellationTokenSource(CallTimeout, _slots.Time);
            var response = await _slots.Table.UpdateEntityAsync(row, _etag, TableUpdateMode.Replace, timeout.Token);
            _etag = response.Headers.ETag ?? default;
            Interlocked.Exchange(ref _expiresAtTicks, expiresAt.UtcTicks);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            Lose("another holder took it over");
        }
        catch (Exception e)
        {
            // A timer callback has no caller to report to: log, and let the next tick try again while the lease lasts.
            _slots.Logger.LogWarning(e, "Renewing EPP session slot {Slot} failed; trying again", _rowKey);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Lose(string reason)
    {
        _lost = true;
        _renewal.Dispose();
        _slots.Logger.LogWarning("EPP session slot {Slot} was lost ({Reason}); its session will be closed", _rowKey, reason);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        await _renewal.DisposeAsync();
        await _gate.WaitAsync();
        try
        {
            if (_lost) return; // the row is another holder's now
            using var timeout = new CancellationTokenSource(CallTimeout, _slots.Time);
            await _slots.Table.DeleteEntityAsync(_partition, _rowKey, _etag, timeout.Token);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Taken over since the last renewal: not this holder's to delete.
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or OperationCanceledException)
        {
            // Releasing must not fail the caller, who is closing a session; the row frees itself when its lease runs out.
            _slots.Logger.LogWarning(e, "Releasing EPP session slot {Slot} failed; it is free again when its lease runs out", _rowKey);
        }
        finally
        {
            _gate.Release();
        }
    }
}
