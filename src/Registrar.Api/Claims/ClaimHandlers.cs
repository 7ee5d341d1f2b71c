using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Invoices;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Claims;

/// <summary>
/// UA-5.1, UA-5.2: a registrant files a written claim about one of their registrations, accepted within the offer's
/// calendar days of the disputed event and with proof of payment, and answered within its business days; operations list
/// the claims, the overdue ones marked, and answer each once. Everything is checked before anything is written, and each
/// step is kept in the audit log (who, through which client; never the claim's text).
/// </summary>
public sealed class ClaimHandlers(
    ClientAuthenticator authenticator, IRegistrationViews views, ContractRules rules, IClaimStore claims, IAuditLog<ClaimAudit> audit,
    IdempotentRequests idempotency, IInvoiceStore<Invoice> invoices, TimeProvider clock)
{
    // The most recent claims shown to operations; older ones stay stored.
    private const int MaxListed = 500;

    // Every claim id has this length ("C" and 16 hex digits): a draft measured with it has the stored size.
    private const string DraftClaimId = "C0000000000000000";

    /// <summary>With an Idempotency-Key a retried claim gets the first answer: its id derives from the customer and the key,
    /// so a retry after a failure between the claim and its audit entry finds the claim and writes the entry, once.</summary>
    public async Task<IResult> FileAsync(HttpRequest request, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, ct);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);
        var scope = IdempotentRequests.Scope("claims", customer.Principal!);
        var now = clock.GetUtcNow();
        return new PrivateResult(await idempotency.RunAsync(request, scope, raw, () => CheckAsync(request.ContentType, raw, customer.Principal!, now, ct),
            (draft, key) => FileCheckedAsync(draft with { ClaimId = IdempotentRequests.RecordId('C', scope, key) }, now, ct), ct));
    }

    /// <summary>Everything that can refuse the claim, before anything is stored: the claim as it would be filed now.</summary>
    private async Task<Checked<Claim>> CheckAsync(string? contentType, byte[] raw, string customerId, DateTimeOffset now, CancellationToken ct)
    {
        var body = StrictJson.Deserialize<FileClaim>(contentType, raw);
        if (body.Problem is not null) return Checked<Claim>.Refused(body.Problem);
        var input = body.Value!;
        var errors = new Dictionary<string, string[]>();
        if (!RegistrationIds.IsWellFormed(input.RegistrationId)) errors["registrationId"] = ["Not a registration id."];
        StoredText.Check(errors, "text", StoredText.TextRefusal(input.Text));
        if (input.ProofOfPayment is { } proof) StoredText.Check(errors, "proofOfPayment", TextRules.Refusal(proof, StoredText.MaxReferenceLength));
        if (errors.Count > 0) return Checked<Claim>.Refused(Problems.Validation(errors));

        var registration = await views.GetAsync(customerId, input.RegistrationId, ct);
        if (registration is null) return Checked<Claim>.Refused(RegistrationProblems.Unknown(input.RegistrationId));
        if (rules.Claims(registration.Zone) is not { } claimRule)
            return Checked<Claim>.Refused(Problems.Conflict($"The offer for .{registration.Zone} sets no written claim procedure: disputes are settled by negotiation."));
        ClaimDecision decision;
        try
        {
            decision = claimRule.Decide(input.DisputedOn, now, input.ProofOfPayment);
        }
        catch (DateOutsideCalendarException e)
        {
            return Checked<Claim>.Refused(Problems.CalendarMissing(e.Message));
        }
        if (decision.Refusal is { } refusal)
            return Checked<Claim>.Refused(RuleProblems.Refused(refusal.Reason == ClaimRefusalReason.NoProofOfPayment ? "proofOfPayment" : "disputedOn",
                refusal.Rule, refusal.Message));
        if (await NotAPaidInvoiceOfTheCustomerAsync(input.ProofOfPayment!, customerId, claimRule.ProofRule, ct) is { } notPaid)
            return Checked<Claim>.Refused(notPaid);

        var deadlines = decision.Accepted!;
        var draft = new Claim(DraftClaimId, registration.RegistrationId, registration.CustomerId, registration.Zone,
            registration.DomainName, input.DisputedOn, input.Text, input.ProofOfPayment!.Trim(), now, deadlines.AnswerBy, deadlines.AnswerRule);
        return DocumentLimits.Fits(draft) && IdempotentRequests.CanKeep(ClaimView.Of(draft, now), now)
            ? Checked<Claim>.Passed(draft)
            : Checked<Claim>.Refused(Problems.Validation("text", "The claim is too long to keep; shorten it."));
    }

    /// <summary>UA-5.2: the proof of payment may name any document (a bank's payment order); one naming this registrar's invoice
    /// is checked against it, so a claim never rests on an invoice unpaid, unknown or another customer's.</summary>
    private async Task<IResult?> NotAPaidInvoiceOfTheCustomerAsync(string proof, string customerId, string rule, CancellationToken ct)
    {
        var named = InvoiceNumber.FindIn(proof);
        foreach (var number in named)
        {
            if ((await invoices.GetAsync(number.ToString(), ct))?.Document is { Status: InvoiceStatus.Paid } invoice && invoice.CustomerId == customerId)
                return null;
        }
        return named.Count == 0 ? null
            : RuleProblems.Refused("proofOfPayment", rule, $"{named[0]} is not an invoice of yours that was paid: name one that was, or the "
                + "payment document that proves the payment.");
    }

    private async Task<IResult> FileCheckedAsync(Claim claim, DateTimeOffset now, CancellationToken ct)
    {
        var filed = await StoreAsync(claim, ct);
        await AuditAsync(filed, "filed", $"customer {filed.CustomerId}", "storefront", filed.FiledAt, ct);
        return TypedResults.Created((string?)null, ClaimView.Of(filed, now));
    }

    /// <returns>The claim as stored: the first attempt's, when a retry of its key finds it (filed then, with its deadline).</returns>
    private async Task<Claim> StoreAsync(Claim claim, CancellationToken ct)
    {
        try
        {
            return (await claims.CreateAsync(claim, ct)).Document;
        }
        catch (DocumentAlreadyExistsException)
        {
            return (await claims.GetAsync(claim.ClaimId, ct))!.Document;
        }
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        var now = clock.GetUtcNow();
        var all = new List<Claim>();
        await foreach (var claim in claims.ListAsync(ct)) all.Add(claim);
        return new PrivateResult(TypedResults.Ok(all.OrderByDescending(c => c.FiledAt).Take(MaxListed).Select(c => ClaimView.Of(c, now)).ToList()));
    }

    public async Task<IResult> AnswerAsync(HttpRequest request, string claimId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!IsWellFormed(claimId)) return Problems.Missing("That claim");
        var body = await StrictJson.ReadAsync<AnswerClaim>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var input = body.Value!;
        var errors = new Dictionary<string, string[]>();
        StoredText.Check(errors, "answeredBy", StoredText.LineRefusal(input.AnsweredBy, StoredText.MaxPersonLength));
        StoredText.Check(errors, "text", StoredText.TextRefusal(input.Text));
        if (errors.Count > 0) return Problems.Validation(errors);

        var current = await claims.GetAsync(claimId, ct);
        if (current is null) return Problems.Missing($"Claim '{claimId}'");
        var now = clock.GetUtcNow();
        if (current.Document.Answer is { } given)
        {
            // UA-5.1: a claim is answered once. The same answer again is a retry, perhaps of one whose audit entry failed.
            return given.Text == input.Text && given.By == input.AnsweredBy.Trim()
                ? await AnsweredAsync(current.Document, operations.Principal!.Name, now, ct)
                : Problems.Conflict($"Claim '{claimId}' was answered at {given.At:u}; a claim is answered once.");
        }
        var answered = current.Document.AnsweredWith(input.Text, input.AnsweredBy.Trim(), now);
        if (!DocumentLimits.Fits(answered)) return Problems.Validation("text", "The answer is too long to keep with the claim; shorten it.");
        try
        {
            await claims.UpdateAsync(current, answered, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Conflict($"Claim '{claimId}' changed meanwhile; read it again.");
        }
        return await AnsweredAsync(answered, operations.Principal!.Name, now, ct);
    }

    private async Task<IResult> AnsweredAsync(Claim answered, string client, DateTimeOffset now, CancellationToken ct)
    {
        await AuditAsync(answered, "answered", answered.Answer!.By, client, answered.Answer.At, ct);
        return new PrivateResult(TypedResults.Ok(ClaimView.Of(answered, now)));
    }

    /// <summary>Each step once, dated as the claim records it: a retry of the step finds its entry (or writes the one a failure
    /// left out).</summary>
    private Task AuditAsync(Claim claim, string action, string actor, string client, DateTimeOffset at, CancellationToken ct) =>
        audit.AppendOnceAsync(new AuditEntry<ClaimAudit>(claim.ClaimId, at, actor, action,
            new ClaimAudit(client, claim.RegistrationId, claim.AnswerBy, claim.Answer?.InTime)), claim.ClaimId, ct);

    /// <summary>Claim ids are "C" and hex digits: anything else names no claim and is not echoed.</summary>
    private static bool IsWellFormed(string claimId) => claimId.Length is > 0 and <= 64 && claimId.All(char.IsAsciiLetterOrDigit);
}
