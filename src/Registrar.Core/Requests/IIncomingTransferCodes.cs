namespace Registrar.Core.Requests;

/// <summary>
/// The transfer code a customer gave with a transfer-in order line (RFC 5731 section 3.2.4), read by the registry flow when
/// it asks for the transfer. Kept in the order only, so it is in no lifecycle state, event, queued command, log or trace; and
/// there only until the transfer has ended.
/// </summary>
public interface IIncomingTransferCodes
{
    /// <returns>The code, or null when the registration's order line holds none (or it was erased).</returns>
    Task<string?> ForAsync(string customerId, string registrationId, CancellationToken ct);

    /// <summary>Replaces the line's code with <see cref="Privacy.ErasedPersonalData.Erased"/> (the line stays a transfer in);
    /// erasing a code already erased, or a line that never had one, changes nothing.</summary>
    Task EraseAsync(string customerId, string registrationId, CancellationToken ct);
}
