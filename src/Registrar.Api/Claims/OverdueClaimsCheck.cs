using Microsoft.Extensions.Logging;
using Registrar.Core.Operations;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Claims;

/// <summary>
/// UA-5.1: a claim unanswered when its business days for the answer have run out goes on the operations review list,
/// once. The item is added before the claim is marked flagged, so a run stopped between the two adds the same item again
/// (the list keeps one per id) and marks the claim then. Both hosts run it periodically.
/// </summary>
public sealed class OverdueClaimsCheck(IClaimStore claims, IReviewList review, TimeProvider clock, ILogger<OverdueClaimsCheck> logger)
{
    public const string ReviewKind = "claim";
    public const string ReviewReason = "ClaimOverdue";

    /// <returns>How many claims were flagged.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var flagged = 0;
        await foreach (var stored in claims.ListOverdueUnflaggedAsync(now, ct))
        {
            var claim = stored.Document;
            await review.AddAsync(new ReviewItem($"claim-overdue:{claim.ClaimId}", ReviewKind, claim.ClaimId, ReviewReason,
                $"Claim {claim.ClaimId} about registration {claim.RegistrationId} is overdue: it was to be answered by {claim.AnswerBy:u} " +
                $"({claim.AnswerRule}) and is unanswered.", now), ct);
            try
            {
                await claims.UpdateAsync(stored, claim.FlaggedOverdue(now), ct);
                flagged++;
            }
            catch (ConcurrencyConflictException)
            {
                // Answered or flagged by someone else meanwhile: the review item stands either way.
            }
        }
        if (flagged > 0) logger.LogInformation("Overdue claims flagged for operations: {Flagged}", flagged);
        return flagged;
    }
}
