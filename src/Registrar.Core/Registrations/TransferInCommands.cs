namespace Registrar.Core.Registrations;

/// <summary>RFC 5731 section 3.2.4: domain:transfer op="request" for a domain held at another registrar, adding
/// <paramref name="Years"/> to its term. The code the customer gave is read by the flow from the order
/// (<see cref="Requests.IIncomingTransferCodes"/>), never carried in the command.</summary>
public sealed record RequestTransferIn(string CommandId, string RegistrationId, string Zone, string DomainName, int Years, string CustomerId)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>RFC 5731 section 3.2.4: domain:transfer op="cancel", withdrawing our own pending request on operations' decision
/// (<see cref="CancelTransferIn"/>). The flow then reads the domain back, so the answer says where it is now: a transfer the
/// registry approved before the cancel arrived is ours all the same.</summary>
public sealed record CancelTransferInRequest(string CommandId, string RegistrationId, string Zone, string DomainName)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>RFC 5731 section 3.2.4: a transfer in ended (the domain moved here, or the transfer was refused, rejected or
/// cancelled), so the code the customer gave has been used and must not outlive its use: it is replaced in the order line
/// (<see cref="Requests.IIncomingTransferCodes"/>). Never issued on an unknown outcome or a stall, whose retry needs the code.</summary>
public sealed record EraseIncomingTransferCode(string CommandId, string RegistrationId, string CustomerId)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Record;
}
