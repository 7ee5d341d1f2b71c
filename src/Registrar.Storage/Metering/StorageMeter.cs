using System.Collections.Concurrent;

namespace Registrar.Storage.Metering;

public enum StorageService { Table, Queue, Blob }

/// <summary>Counts storage transactions (REST requests, each retry included, as the service bills
/// them) by kind, e.g. <c>table.insert</c>, <c>table.batch</c>, <c>queue.put</c>, and by the table, queue or
/// container they went to, so that a figure per domain can be traced to the store that spends it.</summary>
public sealed class StorageMeter
{
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ConcurrentDictionary<string, long> _byResource = new();
    private readonly AsyncLocal<bool> _unmetered = new();

    public void Count(string kind, string resource = "")
    {
        if (_unmetered.Value) return;
        _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (resource.Length > 0) _byResource.AddOrUpdate(resource, 1, (_, n) => n + 1);
    }

    /// <summary>Requests made in this async flow until disposed are not counted: operations watching the runtime
    /// (the backlog) are not the product's work, and would otherwise blur the figures per domain.</summary>
    public IDisposable Unmetered()
    {
        _unmetered.Value = true;
        return new Restore(this);
    }

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> SnapshotByResource() =>
        new SortedDictionary<string, long>(_byResource.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();

    public void Reset()
    {
        _counts.Clear();
        _byResource.Clear();
    }

    private sealed class Restore(StorageMeter meter) : IDisposable
    {
        public void Dispose() => meter._unmetered.Value = false;
    }
}
