using Registrar.Core.Requests;

namespace Registrar.Core.Registrations;

/// <summary>
/// UA-1.5.8, KZ-2.3, UA-4.7: a confirmation proves consent only to what it names, so the mail carries what the request would
/// do: the day a termination ends the contract (and the domain is deleted), the new registrant's name, the name servers or
/// contact e-mail asked for, and for an early deletion the registration's expiry (a domain past it is not deleted "before the
/// end of its term"). These are personal data: they go only into the notice to the contact e-mail, never into a log.
/// </summary>
internal static class ConfirmationFacts
{
    public static NoticeFacts Of(string requestId, CustomerRequest request, DateTimeOffset? expiresAt)
    {
        var facts = new NoticeFacts(RequestId: requestId, RequestKind: request.Kind);
        return request switch
        {
            EarlyDeletionRequest => facts with { ExpiresAt = expiresAt },
            TerminationRequest termination => facts with { DeletionAt = termination.EndsAt },
            RegistrantChangeRequest change => facts with { NewRegistrant = change.Registrant.Organization ?? change.Registrant.FullName },
            DnsChangeRequest dns => facts with { NameServers = dns.NameServers },
            ContactEmailChangeRequest email => facts with { ContactEmail = email.Email },
            _ => facts,
        };
    }
}
