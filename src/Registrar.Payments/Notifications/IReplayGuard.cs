namespace Registrar.Payments.Notifications;

/// <summary>
/// Remembers signatures already accepted, so a captured signed request cannot be posted again within
/// its tolerance window. Implemented by storage; must be atomic across instances.
/// </summary>
public interface IReplayGuard
{
    /// <summary>Records the signature; false when it was already recorded and has not expired.</summary>
    /// <param name="expiresAt">After this instant the timestamp check alone refuses the request, so the record may be dropped.</param>
    Task<bool> TryRecordAsync(string bankId, string signatureId, DateTimeOffset expiresAt);
}
