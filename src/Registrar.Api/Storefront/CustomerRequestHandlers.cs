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
    ClientAuthenticator authenticator, IRegistrationViews views, ICustomerRequestStore requests, CustomerRequestProving proving,
    IdempotentRequests idempotency, ILifecycleEvents<RegistrationEvent> registrations, TransferCodeChecks transferCodes, NameServerChecks nameServers,
    TerminationNotices terminations,
    CustomerAccounts accounts, IRegisteredDomainDirectory domains, TimeProvider clock)
{
    private const int MaxReferenceLength = 500;

    /// <summary>POST /api/registrations/{registrationId}/requests — with an Idempotency-Key, a retry gets the first answer and
    /// records no second request, so no second confirmation mail goes out.</summary>
    public async Task<IResult> MakeAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, ct);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);
        var scope = IdempotentRequests.Scope("requests", customer.Principal!);
        return await idempotency.RunAsync(request, scope, raw, () => CheckAsync(request.ContentType, raw, customer.Principal!, registrationId, ct),
            (asked, key) => RecordAsync(asked, key is null ? $"req-{Guid.NewGuid():N}" : $"req-{IdempotentRequests.RecordId('k', scope, key)}", ct), ct);
    }

    /// <summary>A request as checked, ready to be recorded.</summary>
    private sealed record CheckedRequest(string RegistrationId, string CustomerId, CustomerRequest Request, bool SignedInSession);

    /// <summary>Everything that can refuse the request, before anything is recorded.</summary>
    private async Task<Checked<CheckedRequest>> CheckAsync(string? contentType, byte[] raw, string customerId, string registrationId, CancellationToken ct)
    {
        var body = StrictJson.Deserialize<CustomerRequestBody>(contentType, raw);
        if (body.Problem is not null) return Checked<CheckedRequest>.Refused(body.Problem);
        var view = await views.GetAsync(customerId, registrationId, ct);
        if (view is null) return Checked<CheckedRequest>.Refused(RegistrationProblems.Unknown(registrationId));
        var (asked, invalid) = body.Value!.Kind == TerminationRequest.KindName ? TerminationOf(body.Value, view) : CustomerRequestBodies.RequestOf(body.Value, view);
        if (asked is null) return Checked<CheckedRequest>.Refused(invalid!);
        if (await RefusalAsync(body.Value, asked, customerId, view, ct) is { } refused) return Checked<CheckedRequest>.Refused(refused);
        return Checked<CheckedRequest>.Passed(new CheckedRequest(registrationId, customerId, asked, body.Value.SignedInSession));
    }

    private async Task<IResult?> RefusalAsync(CustomerRequestBody body, CustomerRequest asked, string customerId, RegistrationView view, CancellationToken ct)
    {
        if (CustomerRequestBodies.FieldsOfAnotherKind(body) is { } stray) return stray;
        if (asked is ContactEmailChangeRequest change && await SameContactEmailAsync(customerId, change, ct) is { } unchanged) return unchanged;
        if (asked is RegistrantChangeRequest handOver && await SameRegistrantAsync(view, handOver, ct) is { } sameHolder) return sameHolder;
        if (proving.RefusalOf(asked, view) is { } refusal)
            return CustomerRequestProving.Problem(refusal, $"Registration '{view.RegistrationId}' takes no '{asked.Kind}' request now: {refusal.Detail}. Nothing was changed."
                + CustomerRequestProving.AskElsewhere(view));
        return asked switch
        {
            TransferCodeRequest => await transferCodes.RefusalAsync(customerId, view, ct),
            DnsChangeRequest delegation => await nameServers.RefusalAsync(delegation, view, ct),
            _ => null,
        };
    }

    /// <summary>Records the request and tells its registration. A retry after a first attempt stopped half-way finds the record that
    /// attempt stored under the same key and tells the registration again, under the same event id, which changes nothing twice.</summary>
    private async Task<IResult> RecordAsync(CheckedRequest asked, string requestId, CancellationToken ct)
    {
        var record = await requests.GetAsync(requestId, ct);
        if (record is null)
        {
            record = new CustomerRequestRecord(requestId, asked.RegistrationId, asked.CustomerId, asked.Request, CustomerRequestStatus.AwaitingProof, clock.GetUtcNow());
            if (asked.SignedInSession && RequestProofs.Accepts(asked.Request, RequestProof.SignedInSession))
                record = await proving.ProvedAsync(record, RequestProof.SignedInSession, record.MadeAt, asked.CustomerId, ct: ct);
            await requests.CreateAsync(record, ct);
        }
        else if (record.RegistrationId != asked.RegistrationId || record.Request.Kind != asked.Request.Kind) return Problems.IdempotencyKeyReused();
        if (record.Proof == RequestProof.SignedInSession) await proving.RaiseProvedAsync(record, ct);
        else
        {
            // KZ-5.3, UA-4.7, UA-1.5.8: unproved, or a kind a session does not prove: the lifecycle mails the confirmation link.
            var eventId = $"request:{record.RequestId}";
            await registrations.RaiseAsync(record.RegistrationId, eventId, new CustomerRequestMade(eventId, record.RequestId, record.Request), ct);
        }
        return TypedResults.Accepted((string?)null, CustomerRequestView.Of(record));
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
        if (record.Status == CustomerRequestStatus.AwaitingProof && await proving.RefusalAsync(record, ct) is { } refused) return refused;

        var proved = await proving.ProvedAsync(record, body.Value.Proof, clock.GetUtcNow(), operations.Principal!.Name, body.Value.Reference, ct);
        if (!await requests.TryProveAsync(proved, ct)) return Problems.Conflict($"Request '{requestId}' was already proved.");
        await proving.RaiseProvedAsync(proved, ct);
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
