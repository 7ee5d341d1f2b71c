namespace Registrar.Core.Customers;

/// <summary>
/// UA-Pre-5, UA-2.1.1: the recorded acceptance of the public offer — which version, when, from
/// which account — and, for natural persons, consent to personal-data processing. The account is
/// the authenticated customer and the instant is the server's clock when the order was placed;
/// what the storefront said about the time is kept beside it, only as its claim. The version is the storefront's label for the
/// text it showed; <paramref name="OfferInForce"/> is the registrar's own record of the offer it sold the order's zone under at
/// that instant (<c>ContractTerms.Offer</c>), so the acceptance names a published text whatever the label says.
/// </summary>
public sealed record OfferAcceptance(
    string OfferVersion, DateTimeOffset AcceptedAt, string AccountId, bool PersonalDataConsent, DateTimeOffset? ClaimedAcceptedAt = null,
    string? OfferInForce = null)
{
    public const int MaxOfferVersionLength = 64;

    /// <summary>The acceptance as recorded when <paramref name="customerId"/> places the order at <paramref name="now"/>, sold under
    /// <paramref name="offerInForce"/>.</summary>
    public static OfferAcceptance Record(OfferAcceptanceRequest request, string customerId, DateTimeOffset now, string offerInForce) =>
        new(request.OfferVersion, now, customerId, request.PersonalDataConsent, request.AcceptedAt, offerInForce);

    public static IReadOnlyDictionary<string, string[]> Check(
        OfferAcceptanceRequest? acceptance, RegistrantKind kind, string customerId, string prefix)
    {
        var errors = new Dictionary<string, string[]>();
        if (acceptance is null)
        {
            errors[prefix] = ["The customer must accept the offer before anything is registered (UA-Pre-5)."];
            return errors;
        }
        if (string.IsNullOrWhiteSpace(acceptance.OfferVersion))
            errors[$"{prefix}.offerVersion"] = ["Name the version of the offer the customer accepted."];
        else if (TextRules.Refusal(acceptance.OfferVersion, MaxOfferVersionLength) is { } refusal)
            errors[$"{prefix}.offerVersion"] = [refusal];
        // UA-2.1.1: the offer binds the account that accepted it, which is the one this call is made for.
        if (acceptance.AccountId is not null && acceptance.AccountId != customerId)
            errors[$"{prefix}.accountId"] = ["The offer is accepted by the customer the order is placed for (X-Customer-Id); this names another account."];
        if (kind == RegistrantKind.NaturalPerson && !acceptance.PersonalDataConsent)
            errors[$"{prefix}.personalDataConsent"] = ["A natural person must consent to personal-data processing (UA-Pre-5)."];
        return errors;
    }
}

/// <summary>What the storefront sends: the offer version and consent. The account and the instant are
/// the server's (the authenticated customer and its clock); <paramref name="AccountId"/>, when sent, must
/// be that customer, and <paramref name="AcceptedAt"/> is kept only as the storefront's claim.</summary>
public sealed record OfferAcceptanceRequest(
    string OfferVersion, bool PersonalDataConsent, string? AccountId = null, DateTimeOffset? AcceptedAt = null);
