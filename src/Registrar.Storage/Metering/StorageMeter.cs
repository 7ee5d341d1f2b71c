using System.Collections.Concurrent;

namespace Registrar.Storage.Metering;

public enum StorageService { Table, Queue, Blob }

/// <summary>Counts storage transactions (REST requests, each retry included, as the service bills
/// them) by kind, e.g. <c>table.insert</c>, <c>table.batch</c>, <c>queue.put</c>.</summary>
public sealed class StorageMeter
{
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public void Count(string kind) => _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();

    public void Reset() => _counts.Clear();
}
