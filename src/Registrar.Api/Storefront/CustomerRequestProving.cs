using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Claims;
using Registrar.Api.Customers;
using Registrar.Api.Http;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;

namespace Registrar.Api.Storefront;

/// <summary>
/// What every proof of a customer request does, whichever way it came (a signed-in session, the mailed link, papers; KZ-5.3,
/// UA-4.7, UA-1.5.8): the checks that the registration still takes the request, the record of the proof, and the event
/// that tells the registration's lifecycle.
/// </summary>
public sealed class CustomerRequestProving(
    IRegistrationViews views, ILifecycleEvents<RegistrationEvent> registrations, CustomerAccounts accounts, ContactEmailConsent consent,
    TerminationNotices terminations, IRegistrationSchedule schedule, TimeProvider clock)
{
    /// <summary>A 409 naming why the registration would not carry the request out now (ended, being deleted, a dispute block,
    /// the contract's end fixed), as a request made now would be refused; null when nothing stands in its way.</summary>
    public async Task<IResult?> RefusalAsync(CustomerRequestRecord record, CancellationToken ct) =>
        Refusal(record, await views.GetAsync(record.CustomerId, record.RegistrationId, ct));

    /// <summary>Why the registration, as its view shows it, would not carry <paramref name="request"/> out now; null when nothing
    /// stands in its way.</summary>
    public RequestRefusal? RefusalOf(CustomerRequest request, RegistrationView registration) =>
        CustomerRequestRefusals.Of(request, registration, schedule);

    /// <summary>A 409 saying <paramref name="detail"/>, with the rule that refuses in a "rule" member where one does.</summary>
    public static ProblemHttpResult Problem(RequestRefusal refusal, string detail) =>
        refusal.Rule is { } rule ? RuleProblems.NotAllowed(rule, detail) : Problems.Conflict(detail);

    public IResult? Refusal(CustomerRequestRecord record, RegistrationView? registration)
    {
        if (registration is null) return null;
        if (RefusalOf(record.Request, registration) is { } refusal)
            return Problem(refusal, $"Request '{record.RequestId}' ({record.Request.Kind}) cannot be carried out: {refusal.Detail}. Nothing was changed."
                + AskElsewhere(registration));
        // UA-6.1, UA-6.4, UA-1.5.8: a notice is given when it is proved, so its days are counted again from the proof.
        return record.Request is TerminationRequest notice && terminations.NoLongerInTime(notice, registration, clock.GetUtcNow()) is { } late
            ? Problems.Conflict($"Request '{record.RequestId}' ({record.Request.Kind}) is given when it is proved, now: {late} Nothing was changed; "
                + "the customer makes the request again.")
            : null;
    }

    public static string AskElsewhere(RegistrationView registration) => registration.Phase.HasEnded()
        ? " It can be asked again through a registration of the account that has not ended."
        : "";

    /// <summary>The request proved, and whether a contact e-mail change then waits for the registrar's consent, judged when it
    /// is proved, by the contracts the customer holds then (UA-4.7, KZ-2.6).</summary>
    public async Task<CustomerRequestRecord> ProvedAsync(CustomerRequestRecord record, RequestProof proof, DateTimeOffset at, string by,
        string? reference = null, CancellationToken ct = default)
    {
        var proved = record.Proved(proof, at, by, reference);
        return proved.Request is ContactEmailChangeRequest && !await consent.NeededAsync(record.CustomerId, ct)
            ? proved with { NoConsentNeeded = true }
            : proved;
    }

    /// <summary>Tells the registration's lifecycle; the event id repeats for the same proof, so raising it again after a crash
    /// changes nothing.</summary>
    public async Task RaiseProvedAsync(CustomerRequestRecord proved, CancellationToken ct)
    {
        // KZ-2.2: the address is the account's, changed before its lifecycle hears of it, as an approval changes it.
        if (proved.NoConsentNeeded && proved.Request is ContactEmailChangeRequest change)
            await accounts.ApplyApprovedChangeAsync(proved.CustomerId, proved.RequestId, change.Email, proved.ProvedAt!.Value, ct);
        var eventId = $"proved:{proved.RequestId}";
        await registrations.RaiseAsync(proved.RegistrationId, eventId,
            new CustomerRequestProved(eventId, proved.RequestId, proved.Request, proved.Proof!.Value, proved.ProvedAt, proved.NoConsentNeeded), ct);
    }
}
