using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Api.Storefront;

/// <summary>A customer request as its body gives it (KZ-2.3, KZ-2.4, KZ-5.3, UA-4.7): each kind's own fields, checked as an
/// order's are before anything is mailed or sent to the registry.</summary>
public static class CustomerRequestBodies
{
    /// <summary>A field of another kind of request is refused, naming it (<see cref="KindFields"/>): a confirmation proves consent
    /// to the request it names (UA-1.5.8, KZ-5.3).</summary>
    public static IResult? FieldsOfAnotherKind(CustomerRequestBody body) => KindFields.OfAnotherKind(body.Kind, "request",
        ("nameServers", body.NameServers is not null, [DnsChangeRequest.KindName]),
        ("email", body.Email is not null, [ContactEmailChangeRequest.KindName]),
        ("registrant", body.Registrant is not null, [RegistrantChangeRequest.KindName]),
        ("endsOn", body.EndsOn is not null, [TerminationRequest.KindName]),
        ("contact", body.Contact is not null, [RegistrantContactChangeRequest.KindName]));

    public static (CustomerRequest? Request, IResult? Problem) RequestOf(CustomerRequestBody body, RegistrationView registration)
    {
        switch (body.Kind)
        {
            case EarlyDeletionRequest.KindName:
                return (new EarlyDeletionRequest(), null);
            case ContactEmailChangeRequest.KindName:
                // The account's address, read as an order's contactEmail is: blanks around it are an input slip, not part of it.
                return TextRules.IsEmail(body.Email?.Trim()) ? (new ContactEmailChangeRequest(body.Email!.Trim()), null)
                    : (null, Problems.Validation("email", "Give the new contact e-mail address (RFC 5321)."));
            case RegistrantChangeRequest.KindName:
                // KZ-2.4: the new registrant's data, checked as an order's registrant is, before anything is invoiced.
                if (body.Registrant is null) return (null, Problems.Validation("registrant", "Give the new registrant's data."));
                var errors = RegistrantDataRules.Check(body.Registrant, "registrant");
                return errors.Count == 0 ? (new RegistrantChangeRequest(body.Registrant), null) : (null, Problems.Validation(errors));
            case TransferCodeRequest.KindName:
                return (new TransferCodeRequest(), null);
            case CredentialResetRequest.KindName:
                return (new CredentialResetRequest(), null);
            case DnsChangeRequest.KindName:
                // KZ-2.3: the whole new set, validated before anything is mailed or sent to the registry.
                var (names, error) = NameServerNames.ForDomain(body.NameServers, registration.DomainName, registration.NameServers);
                return error is null ? (new DnsChangeRequest(names!), null) : (null, Problems.Validation("nameServers", error));
            case RegistrantContactChangeRequest.KindName:
                // KZ-2.3: complete details, checked as an order's registrant's are, before anything is mailed or sent to the registry.
                if (body.Contact is null) return (null, Problems.Validation("contact", "Give the registrant's new address, e-mail and phone."));
                var invalid = RegistrantDataRules.CheckContact(body.Contact, "contact");
                return invalid.Count == 0 ? (new RegistrantContactChangeRequest(body.Contact), null) : (null, Problems.Validation(invalid));
            default:
                return (null, Problems.Validation("kind",
                    $"'{EarlyDeletionRequest.KindName}', '{DnsChangeRequest.KindName}', '{RegistrantContactChangeRequest.KindName}', "
                    + $"'{ContactEmailChangeRequest.KindName}', '{TransferCodeRequest.KindName}', "
                    + $"'{RegistrantChangeRequest.KindName}', '{TerminationRequest.KindName}' and '{CredentialResetRequest.KindName}' "
                    + "are the kinds of request this registrar takes."));
        }
    }
}
