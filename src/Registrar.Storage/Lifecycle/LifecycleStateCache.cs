using Azure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Registrar.Storage.Lifecycle;

/// <summary>An instance's state as the engine last wrote or read it. <paramref name="NextWakeShard"/> is the timer shard
/// its wake-up row was placed in, null when none is recorded. <paramref name="ETag"/> is null for an
/// instance not stored yet. <paramref name="FromStorage"/> is false when it came from memory or was assumed:
/// the engine then writes optimistically (the ETag catches a stale guess) but refuses nothing on its word.</summary>
internal sealed record LifecycleCurrentState<TState>(TState State, long Version, DateTimeOffset? NextWakeAt, string? NextWakeShard, ETag? ETag,
    bool FromStorage);

/// <summary>The states the engine wrote last, bounded by <see cref="LifecycleRuntimeOptions.StateCacheBytes"/>
/// (issue 16: an event costs its one entity group transaction, not a read before it).</summary>
internal sealed class LifecycleStateCache<TState> : IDisposable
{
    private readonly MemoryCache? _entries;

    public LifecycleStateCache(IOptions<LifecycleRuntimeOptions> options)
    {
        var size = options.Value.StateCacheBytes;
        if (size > 0) _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = size, CompactionPercentage = 0.1 });
    }

    public LifecycleCurrentState<TState>? Find(string instanceId) =>
        _entries is not null && _entries.TryGetValue(instanceId, out LifecycleCurrentState<TState>? state) ? state : null;

    /// <param name="storedCharacters">The length of the state's stored JSON: what the entry is counted as (two bytes each).</param>
    public void Remember(string instanceId, LifecycleCurrentState<TState> state, int storedCharacters) =>
        _entries?.Set(instanceId, state with { FromStorage = false }, new MemoryCacheEntryOptions { Size = 2L * Math.Max(1, storedCharacters) });

    public void Forget(string instanceId) => _entries?.Remove(instanceId);

    public void Dispose() => _entries?.Dispose();
}
