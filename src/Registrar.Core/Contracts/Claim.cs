using System.Text.Json.Serialization;

namespace Registrar.Core.Contracts;

/// <summary>
/// A registrant's written claim about a registration's services (UA-5.1, UA-5.2), accepted with its answer deadline.
/// Its text is the registrant's own words and may hold personal data: it is stored and shown to operations, never logged.
/// </summary>
/// <param name="DomainName">The A-label form.</param>
/// <param name="DisputedOn">The date of the disputed event, as the registrant states it.</param>
/// <param name="ProofOfPayment">The reference of the payment document presented (UA-5.2).</param>
/// <param name="AnswerBy">UA-5.1: when the business days allowed for the answer end.</param>
/// <param name="OverdueFlaggedAt">When the unanswered claim was put on the operations review list, past its deadline.</param>
public sealed record Claim(
    string ClaimId,
    string RegistrationId,
    string CustomerId,
    string Zone,
    string DomainName,
    DateOnly DisputedOn,
    string Text,
    string ProofOfPayment,
    DateTimeOffset FiledAt,
    DateTimeOffset AnswerBy,
    string AnswerRule,
    ClaimAnswer? Answer = null,
    DateTimeOffset? OverdueFlaggedAt = null)
{
    [JsonIgnore]
    public bool IsAnswered => Answer is not null;

    /// <summary>UA-5.1: unanswered once its answer deadline has passed.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => Answer is null && now >= AnswerBy;

    /// <summary>The claim with its answer; whether the answer came in time is kept with it.</summary>
    /// <exception cref="InvalidOperationException">The claim was answered already; an answer is given once.</exception>
    public Claim AnsweredWith(string text, string answeredBy, DateTimeOffset at) =>
        Answer is null
            ? this with { Answer = new ClaimAnswer(text, answeredBy, at, InTime: at < AnswerBy) }
            : throw new InvalidOperationException($"Claim {ClaimId} was answered at {Answer.At:u}.");

    public Claim FlaggedOverdue(DateTimeOffset at) => this with { OverdueFlaggedAt = at };
}

/// <param name="By">The person who answered.</param>
/// <param name="InTime">UA-5.1: answered before <see cref="Claim.AnswerBy"/>.</param>
public sealed record ClaimAnswer(string Text, string By, DateTimeOffset At, bool InTime);
