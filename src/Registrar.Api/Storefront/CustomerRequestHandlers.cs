using Microsoft.AspNetCore.Http;
using Registrar.Api.Customers;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Whois;
using Registrar.Mail;

namespace Registrar.Api.Storefront;

/// <summary>
/// Customer requests with proof of who asks (KZ-2.3, KZ-5.3, UA-4.7, UA-1.5.8): a request is carried out only once
/// proved, by a signed-in session the storefront vouches for, by the single-use link mailed to the account's contact
/// e-mail, or (UA-1.5.8) by papers operations checked. The record keeps which proof was used.
/// </summary>
public sealed class CustomerRequestHandlers(
    ClientAuthenticator authenticator, IRegistrationViews views, ICustomerRequestStore requests, RequestConfirmationLinks links,
    ILifecycleEvents<RegistrationEvent> registrations, TransferCodeChecks transferCodes, TerminationNotices terminations,
    CustomerAccounts accounts, ContactEmailConsent consent, IRegisteredDomainDirectory domains, TimeProvider clock)
{
    private const int MaxReferenceLength = 500;

    /// <summary>POST /api/registrations/{registrationId}/requests</summary>
    public async Task<IResult> MakeAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var body = await StrictJson.ReadAsync<CustomerRequestBody>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var view = await views.GetAsync(customer.Principal!, registrationId, ct);
        if (view is null) return RegistrationProblems.Unknown(registrationId);
        var (asked, invalid) = body.Value!.Kind == TerminationRequest.KindName ? TerminationOf(body.Value, view) : CustomerRequestBodies.RequestOf(body.Value, view);
        if (asked is null) return invalid!;
        if (CustomerRequestBodies.FieldsOfAnotherKind(body.Value!) is { } stray) return stray;
        if (asked is ContactEmailChangeRequest change && await SameContactEmailAsync(customer.Principal!, change, ct) is { } unchanged) return unchanged;
        if (asked is RegistrantChangeRequest handOver && await SameRegistrantAsync(view, handOver, ct) is { } sameHolder) return sameHolder;
        if (CustomerRequestRefusals.Of(asked, view) is { } refusal)
            return Problems.Conflict($"Registration '{registrationId}' takes no '{asked.Kind}' request now: {refusal.Detail}. Nothing was changed."
                + AskElsewhere(view));
        if (asked is TransferCodeRequest && await transferCodes.RefusalAsync(customer.Principal!, view, ct) is { } refused) return refused;

        var record = new CustomerRequestRecord($"req-{Guid.NewGuid():N}", registrationId, customer.Principal!, asked,
            CustomerRequestStatus.AwaitingProof, clock.GetUtcNow());
        if (body.Value!.SignedInSession && RequestProofs.Accepts(asked, RequestProof.SignedInSession))
        {
            record = await ProvedAsync(record, RequestProof.SignedInSession, record.MadeAt, customer.Principal!, ct: ct);
            await requests.CreateAsync(record, ct);
            await RaiseProvedAsync(record, ct);
            return TypedResults.Accepted((string?)null, CustomerRequestView.Of(record));
        }
        // KZ-5.3, UA-4.7, UA-1.5.8: unproved, or a kind a session does not prove: the lifecycle mails the confirmation link.
        await requests.CreateAsync(record, ct);
        var eventId = $"request:{record.RequestId}";
        await registrations.RaiseAsync(registrationId, eventId, new CustomerRequestMade(eventId, record.RequestId, asked), ct);
        return TypedResults.Accepted((string?)null, CustomerRequestView.Of(record));
    }

    /// <summary>GET /api/requests/confirmation?token= — the link in the confirmation mail; the token is the proof.</summary>
    public async Task<IResult> ConfirmAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.Query["token"] is not [{ Length: > 0 } token]) return Problems.Validation("token", "Send the token the link carries.");
        if (await RefusedBeforeFirstUseAsync(token, ct) is { } cannotBeCarriedOut) return cannotBeCarriedOut;
        if (HttpMethods.IsHead(request.Method)) return await InspectAsync(token, ct);
        var redemption = await links.RedeemAsync(token, ct);
        switch (redemption.Outcome)
        {
            case LinkUse.Invalid: return Problems.LinkInvalid();
            case LinkUse.Expired: return Problems.LinkExpired();
            case LinkUse.Superseded: return Problems.LinkSuperseded();
            case LinkUse.AlreadyUsed: return await FinishInterruptedConfirmationAsync(redemption, ct) ?? Problems.LinkUsed();
        }
        var record = await requests.GetAsync(redemption.LinkId!, ct);
        if (FirstUseRefusal(record, redemption.Subject) is { } refused) return refused;
        var proved = await ProvedAsync(record!, RequestProof.ContactEmail, clock.GetUtcNow(), record!.CustomerId, ct: ct);
        if (!await requests.TryProveAsync(proved, ct)) return await ProvedMeanwhileAsync(record, ct);
        await RaiseProvedAsync(proved, ct);
        return TypedResults.Ok(CustomerRequestView.Of(proved));
    }

    /// <summary>The request was proved between this first use's check and its write: by the same link followed again at that moment
    /// (it took this use for an interrupted one and finished it), which is a second use of the link like any other (`link-used`),
    /// or by another proof (papers, a session), which is what a request proved already answers.</summary>
    private async Task<IResult> ProvedMeanwhileAsync(CustomerRequestRecord record, CancellationToken ct) =>
        (await requests.GetAsync(record.RequestId, ct))?.Proof == RequestProof.ContactEmail
            ? Problems.LinkUsed()
            : Problems.Conflict($"Request '{record.RequestId}' was already proved.");

    /// <summary>HEAD answers as the link's first GET would, without spending it: mail scanners look at links before their
    /// readers follow them (RFC 9110 §9.2.1), and its header fields are the GET's (§9.3.2), its JSON Content-Type included.
    /// A link whose use a crash interrupted answers as used; its GET finishes it.</summary>
    private async Task<IResult> InspectAsync(string token, CancellationToken ct)
    {
        var link = await links.InspectAsync(token, ct);
        switch (link.Outcome)
        {
            case LinkUse.Invalid: return Problems.LinkInvalid();
            case LinkUse.Expired: return Problems.LinkExpired();
            case LinkUse.Superseded: return Problems.LinkSuperseded();
            case LinkUse.AlreadyUsed: return Problems.LinkUsed();
        }
        return FirstUseRefusal(await requests.GetAsync(link.LinkId!, ct), link.Subject) ?? new JsonHeadResult(StatusCodes.Status200OK);
    }

    /// <summary>Why a link's first use proves nothing: it names no request of its customer, or a request the contact e-mail does not prove.</summary>
    private static IResult? FirstUseRefusal(CustomerRequestRecord? record, string? subject) =>
        record is null || record.CustomerId != subject ? Problems.LinkInvalid()
        : !RequestProofs.Accepts(record.Request, RequestProof.ContactEmail)
            ? Problems.ProofNotAccepted("KZ-5.3", $"A '{record.Request.Kind}' request is not proved from the contact e-mail.")
        : null;

    /// <summary>The registration is looked at before the link is spent: a request its lifecycle would not carry out (the domain
    /// no longer held, the contract's end fixed, a dispute block) is refused now, naming why, rather than proved and then dropped
    /// with the customer never told; once the registration has ended its lifecycle tells nobody, so a `.kz` contact e-mail change
    /// would move the account with the old address never told (KZ-2.2). The link stays unspent and the request as it was. Null
    /// when the link is not a first use, or nothing stands in the request's way.</summary>
    private async Task<IResult?> RefusedBeforeFirstUseAsync(string token, CancellationToken ct)
    {
        var link = await links.InspectAsync(token, ct);
        if (link.Outcome != LinkUse.FirstUse || await requests.GetAsync(link.LinkId!, ct) is not { } record || record.CustomerId != link.Subject)
            return null;
        return await RefusalProblemAsync(record, ct);
    }

    private async Task<IResult?> RefusalProblemAsync(CustomerRequestRecord record, CancellationToken ct) =>
        await views.GetAsync(record.CustomerId, record.RegistrationId, ct) is { } registration
            && CustomerRequestRefusals.Of(record.Request, registration) is { } refusal
            ? Problems.Conflict($"Request '{record.RequestId}' ({record.Request.Kind}) cannot be carried out: {refusal.Detail}. Nothing was changed."
                + AskElsewhere(registration))
            : null;

    private static string AskElsewhere(RegistrationView registration) => registration.Phase.HasEnded()
        ? " The customer asks again through a registration of the account that has not ended."
        : "";

    /// <summary>A crash after the link's use was recorded left its request unproved, or proved with its event unraised:
    /// following the same link again finishes it (the event id repeats, so an event already raised changes nothing)
    /// rather than leaving a spent link on a request nobody can prove any more. Null when there is nothing to finish.</summary>
    private async Task<IResult?> FinishInterruptedConfirmationAsync(LinkRedemption redemption, CancellationToken ct)
    {
        var record = await requests.GetAsync(redemption.LinkId!, ct);
        if (record is null || record.CustomerId != redemption.Subject || !RequestProofs.Accepts(record.Request, RequestProof.ContactEmail)) return null;
        if (record.Status == CustomerRequestStatus.AwaitingProof)
        {
            var proved = await ProvedAsync(record, RequestProof.ContactEmail, clock.GetUtcNow(), record.CustomerId, ct: ct);
            if (!await requests.TryProveAsync(proved, ct)) return null;
            await RaiseProvedAsync(proved, ct);
            return TypedResults.Ok(CustomerRequestView.Of(proved));
        }
        if (record.Proof == RequestProof.ContactEmail) await RaiseProvedAsync(record, ct);
        return null;
    }

    /// <summary>POST /api/ops/requests/{requestId}/proof — UA-1.5.8: a signed contract or identity documents operations checked.</summary>
    public async Task<IResult> RecordProofAsync(HttpRequest request, string requestId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var body = await StrictJson.ReadAsync<OperationsProof>(request, ct);
        if (body.Problem is not null) return body.Problem;
        if (!RequestProofs.IsRecordedByOperations(body.Value!.Proof))
            return Problems.Validation("proof", $"Operations record {RequestProof.SignedContract} or {RequestProof.IdentityDocuments} (UA-1.5.8).");
        if (string.IsNullOrWhiteSpace(body.Value.Reference) || body.Value.Reference.Length > MaxReferenceLength)
            return Problems.Validation("reference", $"Say what was checked, in at most {MaxReferenceLength} characters.");
        var record = requestId.Length <= 64 ? await requests.GetAsync(requestId, ct) : null;
        if (record is null) return Problems.NotFound("That request");
        if (!RequestProofs.Accepts(record.Request, body.Value.Proof))
            return Problems.ProofNotAccepted("KZ-5.3", record.Request is CredentialResetRequest
                ? $"A '{record.Request.Kind}' request is taken from the contact e-mail only, not on papers."
                : $"A '{record.Request.Kind}' request is proved from the contact e-mail or a signed-in session, not by papers.");
        if (record.Status == CustomerRequestStatus.AwaitingProof && await RefusalProblemAsync(record, ct) is { } refused) return refused;

        var proved = await ProvedAsync(record, body.Value.Proof, clock.GetUtcNow(), operations.Principal!.Name, body.Value.Reference, ct);
        if (!await requests.TryProveAsync(proved, ct)) return Problems.Conflict($"Request '{requestId}' was already proved.");
        await RaiseProvedAsync(proved, ct);
        return TypedResults.Accepted((string?)null, CustomerRequestView.Of(proved));
    }

    /// <summary>POST /api/ops/requests/{requestId}/consent — UA-4.7: the registrar approves or refuses a proved contact
    /// e-mail change; who, when and why are kept on the request, and only an approval changes the address.</summary>
    public async Task<IResult> DecideConsentAsync(HttpRequest request, string requestId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var body = await StrictJson.ReadAsync<OperationsConsent>(request, ct);
        if (body.Problem is not null) return body.Problem;
        if (string.IsNullOrWhiteSpace(body.Value!.Reason) || body.Value.Reason.Length > MaxReferenceLength)
            return Problems.Validation("reason", $"Say why, in at most {MaxReferenceLength} characters.");
        var record = requestId.Length <= 64 ? await requests.GetAsync(requestId, ct) : null;
        if (record is null) return Problems.NotFound("That request");
        if (!record.NeedsConsent) return Problems.Conflict($"A '{record.Request.Kind}' request is carried out once proved: it takes no consent.");
        if (record.Status is CustomerRequestStatus.Approved or CustomerRequestStatus.Refused)
        {
            // A crash after the consent was kept left its event unraised: the same event id again finishes it, changing nothing else.
            await RaiseConsentAsync(record, ct);
            return Problems.Conflict($"Request '{requestId}' was already {record.Status.ToString().ToLowerInvariant()}.");
        }
        if (record.Status != CustomerRequestStatus.Proved) return Problems.Conflict($"Request '{requestId}' is not proved yet.");
        // UA-4.7: an approval tells the old address through the registration's lifecycle; once that has ended nobody would be told.
        // A refusal changes nothing, and clears the request from operations' queue.
        if (body.Value.Approved && await views.GetAsync(record.CustomerId, record.RegistrationId, ct) is { } registration && registration.Phase.HasEnded())
            return Problems.Conflict($"Registration '{record.RegistrationId}' is {registration.Phase}, so the old address could not be told of the change: "
                + "the customer asks again through a registration of the account that has not ended (UA-4.7).");

        var decided = record.Decided(new RequestConsent(body.Value.Approved, operations.Principal!.Name, clock.GetUtcNow(), body.Value.Reason.Trim()));
        if (!await requests.TryDecideAsync(decided, ct)) return Problems.Conflict($"Request '{requestId}' was already decided.");
        await RaiseConsentAsync(decided, ct);
        return TypedResults.Ok(CustomerRequestView.Of(decided));
    }

    private async Task RaiseConsentAsync(CustomerRequestRecord decided, CancellationToken ct)
    {
        var consent = decided.Consent!;
        // KZ-2.2: the address is the account's, so an approval moves the notices of every registration of the customer.
        if (consent.Approved && decided.Request is ContactEmailChangeRequest change)
            await accounts.ApplyApprovedChangeAsync(decided.CustomerId, decided.RequestId, change.Email, consent.At, ct);
        var eventId = $"consent:{decided.RequestId}";
        await registrations.RaiseAsync(decided.RegistrationId, eventId,
            new ContactEmailChangeReviewed(eventId, decided.RequestId, consent.Approved, consent.By, consent.At, consent.Reason), ct);
    }

    /// <summary>The request proved, and whether a contact e-mail change then waits for the registrar's consent, judged when it
    /// is proved, by the contracts the customer holds then (UA-4.7, KZ-2.6).</summary>
    private async Task<CustomerRequestRecord> ProvedAsync(CustomerRequestRecord record, RequestProof proof, DateTimeOffset at, string by,
        string? reference = null, CancellationToken ct = default)
    {
        var proved = record.Proved(proof, at, by, reference);
        return proved.Request is ContactEmailChangeRequest && !await consent.NeededAsync(record.CustomerId, ct)
            ? proved with { NoConsentNeeded = true }
            : proved;
    }

    private async Task RaiseProvedAsync(CustomerRequestRecord proved, CancellationToken ct)
    {
        // KZ-2.2: the address is the account's, changed before its lifecycle hears of it, as an approval changes it.
        if (proved.NoConsentNeeded && proved.Request is ContactEmailChangeRequest change)
            await accounts.ApplyApprovedChangeAsync(proved.CustomerId, proved.RequestId, change.Email, proved.ProvedAt!.Value, ct);
        var eventId = $"proved:{proved.RequestId}";
        await registrations.RaiseAsync(proved.RegistrationId, eventId,
            new CustomerRequestProved(eventId, proved.RequestId, proved.Request, proved.Proof!.Value, proved.ProvedAt, proved.NoConsentNeeded), ct);
    }

    /// <summary>UA-6.1, UA-6.4: when a notice ends the contract depends on the zone's offer and the term, fixed as it is given.</summary>
    private (CustomerRequest? Request, IResult? Problem) TerminationOf(CustomerRequestBody body, RegistrationView registration)
    {
        var (request, problem) = terminations.Read(body.EndsOn, registration, clock.GetUtcNow());
        return (request, problem);
    }

    /// <summary>KZ-2.4: a registrant change to the registrant who holds the domain would be invoiced as a new registration and
    /// change nothing; a 409 for the same reason as <see cref="SameContactEmailAsync"/>.</summary>
    private async Task<IResult?> SameRegistrantAsync(RegistrationView view, RegistrantChangeRequest change, CancellationToken ct) =>
        await domains.FindAsync(view.DomainName, ct) is { Registrant: { } current } held && held.Registration.RegistrationId == view.RegistrationId
            && current.IsSameRegistrantAs(change.Registrant)
            ? Problems.Conflict($"The registrant asked for already holds {view.DisplayName} (KZ-2.4): there is nothing to change. New contact details of "
                + $"the same registrant are a '{RegistrantContactChangeRequest.KindName}' request (KZ-2.3).")
            : null;

    /// <summary>KZ-2.2: a change to the address the account already has would mail a confirmation, perhaps ask operations'
    /// consent, and change nothing. A 409, not a 400: the body is well formed, and the same body is a change for an account
    /// holding another address; it is the account's state that leaves nothing to change (RFC 9110 section 15.5.10).</summary>
    private async Task<IResult?> SameContactEmailAsync(string customerId, ContactEmailChangeRequest change, CancellationToken ct) =>
        (await accounts.ReadAsync(customerId, ct))?.Document.HasContactEmail(change.Email) == true
            ? Problems.Conflict($"'{change.Email}' is already the account's contact e-mail (KZ-2.2): there is nothing to change.")
            : null;
}
