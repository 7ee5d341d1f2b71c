namespace Registrar.Core.Customers;

/// <summary>
/// UA-Pre-5, UA-2.1.1: the recorded acceptance of the public offer — which version, when, from
/// which account — and, for natural persons, consent to personal-data processing.
/// </summary>
public sealed record OfferAcceptance(string OfferVersion, DateTimeOffset AcceptedAt, string AccountId, bool PersonalDataConsent)
{
    public static IReadOnlyDictionary<string, string[]> Check(OfferAcceptance? acceptance, RegistrantKind kind, string prefix)
    {
        var errors = new Dictionary<string, string[]>();
        if (acceptance is null)
        {
            errors[prefix] = ["The customer must accept the offer before anything is registered (UA-Pre-5)."];
            return errors;
        }
        if (string.IsNullOrWhiteSpace(acceptance.OfferVersion))
            errors[$"{prefix}.offerVersion"] = ["Name the version of the offer the customer accepted."];
        if (acceptance.AcceptedAt == default)
            errors[$"{prefix}.acceptedAt"] = ["Give the instant the customer accepted the offer."];
        if (kind == RegistrantKind.NaturalPerson && !acceptance.PersonalDataConsent)
            errors[$"{prefix}.personalDataConsent"] = ["A natural person must consent to personal-data processing (UA-Pre-5)."];
        return errors;
    }
}
