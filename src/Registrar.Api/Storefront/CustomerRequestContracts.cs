using Registrar.Core.Customers;
using Registrar.Core.Requests;

namespace Registrar.Api.Storefront;

/// <summary>A customer request (POST /api/registrations/{registrationId}/requests).</summary>
/// <param name="Kind">What is asked: "early-deletion" (UA-1.5.6), "dns-change" (KZ-2.3), "registrant-contact-change" (KZ-2.3),
/// "contact-email-change" (UA-4.7, KZ-2.2) or
/// "transfer-code" (KZ-App-9, UA-3.5: refused while an invoice is open or the registry bans the transfer; the code goes to the contact e-mail)
/// or "registrant-change" (KZ-2.4, KZ-2.5) or "termination" (UA-6.1, UA-6.4: the registrant ends the contract) or "credential-reset"
/// (KZ-5.3: proved from the contact e-mail only, then a set-password link goes there; any registration of the account not ended).</param>
/// <param name="SignedInSession">The storefront vouches, under its API key, that the customer is signed in to this account
/// now (KZ-5.3, UA-4.7). Kinds that need a stronger proof (UA-1.5.8) ignore it and mail a confirmation link instead.</param>
/// <param name="NameServers">For "dns-change": the domain's whole new set of name servers, 2 to 13 host names (KZ-2.3).</param>
/// <param name="Contact">For "registrant-contact-change": the registrant's new postal address, e-mail and phone; who the registrant
/// is stays (KZ-2.3; a new registrant is a "registrant-change").</param>
/// <param name="Email">For "contact-email-change": the new contact e-mail, changed with the registrar's consent while the
/// customer holds a contract asking it (UA-4.7), else once proved (KZ-2.6).</param>
/// <param name="Registrant">For "registrant-change": the new registrant's data (KZ-2.4: invoiced as a new registration, carried out
/// once paid, the expiry unchanged, KZ-2.5; UA-1.5.8: proved from the contact e-mail or by papers, never by a session alone).</param>
/// <param name="EndsOn">For "termination": the day the contract is to end (UA-6.1: at least 15 days after the notice); without
/// it, the notice stops the current term from renewing (UA-6.4: given at least 15 calendar days before the term ends).</param>
public sealed record CustomerRequestBody(
    string Kind, bool SignedInSession = false, IReadOnlyList<string>? NameServers = null, string? Email = null, RegistrantData? Registrant = null,
    DateOnly? EndsOn = null, RegistrantContact? Contact = null);

/// <summary>A customer request as its customer or operations see it.</summary>
/// <param name="Proof">How it was proved (UA-1.5.8): null while it awaits the mailed confirmation or papers.</param>
/// <param name="Consent">UA-4.7: the registrar's answer, for a request that needs its consent and has it.</param>
public sealed record CustomerRequestView(
    string RequestId, string RegistrationId, string Kind, CustomerRequestStatus Status, RequestProof? Proof, DateTimeOffset MadeAt,
    RequestConsent? Consent = null)
{
    public static CustomerRequestView Of(CustomerRequestRecord record) =>
        new(record.RequestId, record.RegistrationId, record.Request.Kind, record.Status, record.Proof, record.MadeAt, record.Consent);
}

/// <summary>What a confirmation link would prove (GET /api/requests/confirmation): shown to its reader, who confirms with
/// <paramref name="ConfirmWith"/> on the same link (KZ-5.3, UA-4.7).</summary>
/// <param name="Domain">The domain as its customer writes it; null if the registration is no longer on record.</param>
public sealed record RequestConfirmationView(CustomerRequestView Request, string? Domain, string ConfirmWith);

/// <summary>UA-4.7: operations approve or refuse a proved contact e-mail change, saying why.</summary>
public sealed record OperationsConsent(bool Approved, string Reason);

/// <summary>UA-1.5.8: papers operations checked, recorded as a request's proof.</summary>
/// <param name="Proof">SignedContract or IdentityDocuments.</param>
/// <param name="Reference">What was checked (contract number, document type and number), for the record.</param>
public sealed record OperationsProof(RequestProof Proof, string Reference);

/// <summary>A set-password link's token, as the control panel received it (UA-2.1.2).</summary>
public sealed record SetPasswordLinkBody(string Token);

public sealed record SetPasswordLinkRedeemed(string CustomerId);
