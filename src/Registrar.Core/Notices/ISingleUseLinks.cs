namespace Registrar.Core.Notices;

/// <summary>The uses of links that work once (set-password, request confirmation): the first use is recorded
/// under the link's id with optimistic concurrency, so of two uses racing each other exactly one wins.</summary>
public interface ISingleUseLinkStore
{
    /// <returns>True for the first use of <paramref name="linkId"/>; false when it was used before.</returns>
    Task<bool> TryUseAsync(string linkId, DateTimeOffset usedAt, CancellationToken ct);

    /// <returns>True when a use of <paramref name="linkId"/> was recorded; records nothing.</returns>
    Task<bool> WasUsedAsync(string linkId, CancellationToken ct);
}
