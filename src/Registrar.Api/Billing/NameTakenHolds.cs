using Registrar.Core.Contracts;
using Registrar.Core.Money;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Billing;

/// <summary>
/// KZ-2.1: what was paid for a registration whose name was taken, less the refunds decided so far, recorded as held for another
/// name on the refund ledger's tally, which a refund decision rewrites too: of a hold and a refund judged side by side the second
/// sees the first, so the customer is never told money is held that a refund has taken. The ledger keeps the first hold's amount.
/// </summary>
public sealed class NameTakenHolds(IRefundLedger refunds, TimeProvider clock)
{
    /// <summary>A hold worked out against a ledger a refund changed meanwhile is worked out again, this often at most.</summary>
    private const int Attempts = 3;

    /// <returns>The hold as recorded; null when refunds took all that was paid, so nothing is held.</returns>
    public async Task<HeldForAnotherName?> HoldAsync(string registrationId, Money paid, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ledger = await refunds.ReadAsync(registrationId, ct);
            var refunded = ledger.Decided.TotalBesides("", paid.Currency);
            if (ledger.Held is null && refunded.Amount >= paid.Amount) return null;
            try
            {
                return await refunds.HoldAsync(ledger, new HeldForAnotherName(paid - refunded, clock.GetUtcNow()), ct);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // A refund was decided since the ledger was read: it is left out of what is held.
            }
        }
    }
}
