using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
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
    TimeProvider clock)
{
    // The most recent claims shown to operations; older ones stay stored.
    private const int MaxListed = 500;

    public async Task<IResult> FileAsync(HttpRequest request, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        var body = await StrictJson.ReadAsync<FileClaim>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var input = body.Value!;
        var errors = new Dictionary<string, string[]>();
        if (!RegistrationIds.IsWellFormed(input.RegistrationId)) errors["registrationId"] = ["Not a registration id."];
        StoredText.Check(errors, "text", StoredText.TextRefusal(input.Text));
        if (input.ProofOfPayment is { } proof) StoredText.Check(errors, "proofOfPayment", TextRules.Refusal(proof, StoredText.MaxReferenceLength));
        if (errors.Count > 0) return Problems.Validation(errors);

        var registration = await views.GetAsync(customer.Principal!, input.RegistrationId, ct);
        if (registration is null) return RegistrationProblems.Unknown(input.RegistrationId);
        if (rules.Claims(registration.Zone) is not { } claimRule)
            return Problems.Conflict($"The offer for .{registration.Zone} sets no written claim procedure: disputes are settled by negotiation.");
        var now = clock.GetUtcNow();
        ClaimDecision decision;
        try
        {
            decision = claimRule.Decide(input.DisputedOn, now, input.ProofOfPayment);
        }
        catch (DateOutsideCalendarException e)
        {
            return Problems.CalendarMissing(e.Message);
        }
        if (decision.Refusal is { } refusal)
            return RuleProblems.Refused(refusal.Reason == ClaimRefusalReason.NoProofOfPayment ? "proofOfPayment" : "disputedOn", refusal.Rule, refusal.Message);

        var deadlines = decision.Accepted!;
        var claim = new Claim($"C{Guid.NewGuid():N}"[..17], registration.RegistrationId, registration.CustomerId, registration.Zone,
            registration.DomainName, input.DisputedOn, input.Text, input.ProofOfPayment!.Trim(), now, deadlines.AnswerBy, deadlines.AnswerRule);
        if (!DocumentLimits.Fits(claim)) return Problems.Validation("text", "The claim is too long to keep; shorten it.");
        await claims.CreateAsync(claim, ct);
        await AuditAsync(claim, "filed", $"customer {claim.CustomerId}", "storefront", now, ct);
        return new PrivateResult(TypedResults.Created((string?)null, ClaimView.Of(claim, now)));
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
        if (!IsWellFormed(claimId)) return Problems.NotFound("That claim");
        var body = await StrictJson.ReadAsync<AnswerClaim>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var input = body.Value!;
        var errors = new Dictionary<string, string[]>();
        StoredText.Check(errors, "answeredBy", StoredText.LineRefusal(input.AnsweredBy, StoredText.MaxPersonLength));
        StoredText.Check(errors, "text", StoredText.TextRefusal(input.Text));
        if (errors.Count > 0) return Problems.Validation(errors);

        var current = await claims.GetAsync(claimId, ct);
        if (current is null) return Problems.NotFound($"Claim '{claimId}'");
        if (current.Document.IsAnswered)
            return Problems.Conflict($"Claim '{claimId}' was answered at {current.Document.Answer!.At:u}; a claim is answered once.");
        var now = clock.GetUtcNow();
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
        await AuditAsync(answered, "answered", answered.Answer!.By, operations.Principal!.Name, now, ct);
        return new PrivateResult(TypedResults.Ok(ClaimView.Of(answered, now)));
    }

    private Task AuditAsync(Claim claim, string action, string actor, string client, DateTimeOffset at, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry<ClaimAudit>(claim.ClaimId, at, actor, action,
            new ClaimAudit(client, claim.RegistrationId, claim.AnswerBy, claim.Answer?.InTime)), ct);

    /// <summary>Claim ids are "C" and hex digits: anything else names no claim and is not echoed.</summary>
    private static bool IsWellFormed(string claimId) => claimId.Length is > 0 and <= 64 && claimId.All(char.IsAsciiLetterOrDigit);
}
