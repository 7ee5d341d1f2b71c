using Registrar.Core.Contracts;

namespace Registrar.Api.Claims;

/// <summary>POST /api/claims: a registrant's written claim about one of their registrations (UA-5.1, UA-5.2).</summary>
/// <param name="DisputedOn">The date the disputed event happened (yyyy-MM-dd).</param>
/// <param name="Text">The claim in the registrant's words; line breaks allowed.</param>
/// <param name="ProofOfPayment">The reference of the document proving payment (UA-5.2: without it the claim is not considered).</param>
public sealed record FileClaim(string RegistrationId, DateOnly DisputedOn, string Text, string? ProofOfPayment = null);

/// <summary>POST /api/ops/claims/{claimId}/answer.</summary>
/// <param name="AnsweredBy">The person answering.</param>
public sealed record AnswerClaim(string AnsweredBy, string Text);

/// <summary>A claim as the registrant and operations see it.</summary>
/// <param name="AnswerBy">UA-5.1: when the business days for the answer end.</param>
/// <param name="Overdue">Unanswered past <paramref name="AnswerBy"/>.</param>
public sealed record ClaimView(
    string ClaimId,
    string RegistrationId,
    string Domain,
    DateOnly DisputedOn,
    string Text,
    string ProofOfPayment,
    DateTimeOffset FiledAt,
    DateTimeOffset AnswerBy,
    string AnswerRule,
    bool Overdue,
    ClaimAnswer? Answer)
{
    public static ClaimView Of(Claim claim, DateTimeOffset now) => new(claim.ClaimId, claim.RegistrationId, claim.DomainName, claim.DisputedOn,
        claim.Text, claim.ProofOfPayment, claim.FiledAt, claim.AnswerBy, claim.AnswerRule, claim.IsOverdueAt(now), claim.Answer);
}

/// <summary>What the audit log keeps of a claim's step: never its text, which stays in one place (UA-Pre-6 erasure).</summary>
/// <param name="Client">"storefront" for a claim the registrant filed; the operations client an answer came through.</param>
public sealed record ClaimAudit(string Client, string RegistrationId, DateTimeOffset AnswerBy, bool? AnsweredInTime);
