using Registrar.Core.Money;

namespace Registrar.Core.Contracts;

/// <summary>A refund operations decided for one registration, for the accountant to pay.</summary>
/// <param name="DecisionId">"R" and 16 hex digits: derived from the request's Idempotency-Key, so a retry finds its first attempt's.</param>
public sealed record RefundDecided(string DecisionId, RefundGround Ground, Money.Money Amount, DateTimeOffset RecordedAt);

/// <summary>Every refund decided for one registration so far. A cap (what was paid, the unused months) holds for all of them
/// together: money paid back once is not the customer's to be paid again.</summary>
public sealed record RefundsDecided(IReadOnlyList<RefundDecided> Decisions)
{
    public RefundDecided? Find(string decisionId) => Decisions.FirstOrDefault(d => d.DecisionId == decisionId);

    /// <summary>What the other decisions pay back, in <paramref name="currency"/>: a retry of <paramref name="decisionId"/>
    /// is judged as its first attempt was.</summary>
    public Money.Money TotalBesides(string decisionId, Currency currency) =>
        Decisions.Where(d => d.DecisionId != decisionId).Aggregate(Money.Money.Of(0m, currency), (sum, d) => sum + d.Amount);
}
