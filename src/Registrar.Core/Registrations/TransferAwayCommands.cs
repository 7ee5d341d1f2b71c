namespace Registrar.Core.Registrations;

/// <summary>RFC 5731 section 3.2.4: domain:transfer op="reject" of another registrar's pending request for a domain we sponsor,
/// sent while the zone's offer refuses the transfer (UA-3.5, KZ-App-9). The flow then reads the domain back, so the answer says
/// where it is now: a transfer the registry approved before the reject arrived ends the registration as transferred away.</summary>
public sealed record RejectTransferAway(string CommandId, string RegistrationId, string Zone, string DomainName)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}
