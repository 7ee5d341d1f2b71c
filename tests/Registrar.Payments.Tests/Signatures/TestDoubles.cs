using System.Collections.Concurrent;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Tests.Signatures;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The test stand-in for the storage implementation of the replay guard.</summary>
internal sealed class InMemoryReplayGuard(TimeProvider clock) : IReplayGuard
{
    private readonly ConcurrentDictionary<(string Bank, string Signature), DateTimeOffset> _seen = new();

    public Task<bool> TryRecordAsync(string bankId, string signatureId, DateTimeOffset expiresAt)
    {
        var key = (bankId, signatureId);
        var now = clock.GetUtcNow();
        if (_seen.TryGetValue(key, out var expiry) && expiry <= now)
            _seen.TryRemove(key, out _);
        return Task.FromResult(_seen.TryAdd(key, expiresAt));
    }
}
