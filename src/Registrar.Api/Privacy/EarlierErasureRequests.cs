using Registrar.Storage.Stores;

namespace Registrar.Api.Privacy;

/// <summary>
/// UA-Pre-6: which earlier erasure request already covers a registration, read from the <c>erasure-requested</c> entry it left
/// in the registration's audit log. A registration it covers is ending, or ended, on that request and is erased on it: a
/// second request would audit it and decide its end again.
/// </summary>
public sealed class EarlierErasureRequests(IAuditSearch audit)
{
    /// <summary>The id of a request other than <paramref name="requestId"/> (whose retry carries on from its own entries) that
    /// covers the registration; null when none does.</summary>
    public async Task<string?> CoveringAsync(string registrationId, string requestId, CancellationToken ct)
    {
        var filter = new AuditFilter(Subject: registrationId, Action: ErasureRequestHandler.Action);
        string? continuation = null;
        do
        {
            var page = await audit.SearchAsync(filter, continuation, IAuditSearch.MaxPageSize, ct);
            foreach (var entry in page.Entries)
                if (entry.Details.TryGetProperty("eventId", out var cause) && cause.GetString() is { } eventId
                    && eventId.StartsWith(ErasureRequestHandler.CausePrefix, StringComparison.Ordinal)
                    && eventId[ErasureRequestHandler.CausePrefix.Length..] is var earlier && earlier != requestId)
                    return earlier;
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return null;
    }
}
