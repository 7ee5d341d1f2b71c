using Microsoft.Extensions.Logging;
using Registrar.Api.Operations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Banks;

/// <summary>
/// Finishes bank messages that were recorded but not applied in full: the host died after keeping the
/// message (its signature may be spent, and the bank may not send it again), or an entry failed. Each is
/// applied again from its recorded bytes (authentic when it arrived), idempotently. Applies of held credits a host stopped in
/// before their invoice was paid or they were counted, and credits operations read that a host stopped in before their audit
/// entry, are finished too (UA-3.2).
/// </summary>
public sealed class UnprocessedPaymentRecovery(
    IBankMessageStore messages,
    BankMessageApplier applier,
    HeldPaymentCompletion heldPayments,
    ReadCreditCompletion readCredits,
    TimeProvider clock,
    ILogger<UnprocessedPaymentRecovery> logger)
{
    /// <summary>Younger messages may still be in the hands of the request that recorded them.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        var recovered = 0;
        await foreach (var stored in messages.ListUnprocessedAsync(ct))
        {
            var message = stored.Document;
            if (clock.GetUtcNow() - message.ReceivedAt < Grace) continue;
            var receipt = await applier.ApplyAsync(stored, readFromRecordedBody: null, ct);
            logger.LogWarning("Recovered bank message {MessageId}, recorded at {ReceivedAt}: {Status}, {Entries} entries",
                message.MessageId, message.ReceivedAt, receipt.Status, receipt.Entries);
            if (receipt.Status == BankNotificationReceipt.Applied) recovered++;
        }
        return recovered + await heldPayments.FinishStoppedAsync(ct) + await readCredits.FinishStoppedAsync(ct);
    }
}

/// <summary>How a recorded message's bytes are to be read again.</summary>
public static class BankNotificationFormats
{
    public const string Camt054 = "camt.054";
    public const string HmacJson = "hmac-json";
    public const string EcdsaJson = "ecdsa-json";
}
