using Azure.Data.Tables;
using Registrar.Storage.Configuration;

namespace Registrar.LocalHost.Runtime;

/// <summary>Development: keeps where operations left the <see cref="OperationsClock"/>, one row, written on every change and read
/// at start, so the clock never goes back across a restart.</summary>
public sealed class OperationsClockStore(StorageClients clients) : IDisposable
{
    private const string Key = "clock";
    private readonly TableClient _table = clients.Table("operationsclock");
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Read once while the host is built: everything that tells time waits for it.</summary>
    public ClockAnchors? Read()
    {
        _table.CreateIfNotExists();
        var row = _table.GetEntityIfExists<TableEntity>(Key, Key);
        return row.HasValue && row.Value is { } kept
            && kept.GetDateTimeOffset("Real") is { } real && kept.GetDateTimeOffset("Clock") is { } clock && kept.GetDouble("Acceleration") is { } acceleration
            ? new ClockAnchors(real, clock, acceleration)
            : null;
    }

    /// <summary>Keeps the clock's anchors as they are when it is this save's turn: saves side by side (operations changing the clock
    /// at once) could otherwise land in another order than they read it, and the older reading would be kept.</summary>
    public async Task SaveAsync(OperationsClock clock, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var anchors = clock.Anchors;
            await _table.CreateIfNotExistsAsync(ct);
            await _table.UpsertEntityAsync(new TableEntity(Key, Key)
            {
                ["Real"] = anchors.Real,
                ["Clock"] = anchors.Clock,
                ["Acceleration"] = anchors.Acceleration,
            }, TableUpdateMode.Replace, ct);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
