namespace Registrar.Core.Registrations;

/// <summary>RFC 5731 section 3.2.4: a transfer in ended (the domain moved here, or the transfer was refused, rejected or
/// cancelled), so the code the customer gave has been used and must not outlive its use: it is replaced in the order line
/// (<see cref="Requests.IIncomingTransferCodes"/>). Never issued on an unknown outcome or a stall, whose retry needs the code.</summary>
public sealed record EraseIncomingTransferCode(string CommandId, string RegistrationId, string CustomerId)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Record;
}
