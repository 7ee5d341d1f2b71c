namespace Registrar.Core.Requests;

/// <summary>
/// The transfer code a customer gave with a transfer-in order line (RFC 5731 section 3.2.4), read by the registry flow when
/// it asks for the transfer. Kept in the order only, so it is in no lifecycle state, event, queued command, log or trace.
/// </summary>
public interface IIncomingTransferCodes
{
    /// <returns>The code, or null when the registration's order line holds none (or it was erased).</returns>
    Task<string?> ForAsync(string customerId, string registrationId, CancellationToken ct);
}
