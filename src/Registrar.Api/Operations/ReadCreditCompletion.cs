using System.Text.Json;
using Microsoft.Extensions.Logging;
using Registrar.Api.Banks;
using Registrar.Core.Money;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Operations;

/// <summary>
/// UA-3.2, KZ-3.2: a credit operations read is kept with what they entered before it is applied, and is done once its audit
/// entry is written. A host stopped in between (the invoice paid, its registrations not started, nothing audited) leaves it
/// unfinished; its bank message is processed, so no other recovery sees it, and the operator believes it done. The recovery
/// pass applies it again from what was entered (every effect is idempotent) and writes its one audit entry.
/// </summary>
public sealed class ReadCreditCompletion(IPaymentStore payments, PaymentProcessor processor, IAuditLog<ReadCreditAudit> audit, TimeProvider clock,
    ILogger<ReadCreditCompletion> logger)
{
    public static BankCreditNotification Credit(EnteredCredit entered, ReportedMoney money, string messageId) =>
        new(entered.BankId, entered.BankReference, money.Amount, money.Currency, entered.BookedAt, null, null, entered.PaymentPurpose, messageId);

    public static string Key(EnteredCredit entered) => PaymentKeys.BanksReference(entered.BankId, entered.BankReference);

    /// <summary>Finishes the credits a host stopped in, older than the grace (so not still in the hands of their request).</summary>
    public async Task<int> FinishStoppedAsync(CancellationToken ct)
    {
        var finished = 0;
        await foreach (var stored in payments.ListEnteredUnfinishedAsync(ct))
        {
            var kept = stored.Document;
            if (clock.GetUtcNow() - kept.ReceivedAt < UnprocessedPaymentRecovery.Grace || kept.Entered is not { } entered || kept.Money is not { } money)
                continue;
            var outcome = kept.Outcome is { } processed
                ? processed.Deserialize<PaymentOutcome>(DocumentTable.Json)!
                : await processor.ApplyAsync(Credit(entered, money, kept.MessageId), Key(entered), kept.MessageId, kept.ContentType,
                    ReversalInMessage.None, ct, entered);
            await AuditAsync(Key(entered), money, outcome, ct);
            logger.LogWarning("Finished the credit {Reference} operations read at {At}: {Result}", outcome.Reference, kept.ReceivedAt, outcome.Result);
            finished++;
        }
        return finished;
    }

    /// <summary>Writes the audit entry of the credit a read recorded, once, dated when it was entered, and marks it done.</summary>
    /// <returns>False when the credit was kept by the bank's own message, being applied at the same moment: nothing was entered
    /// with it to audit.</returns>
    public async Task<bool> AuditAsync(string key, ReportedMoney money, PaymentOutcome outcome, CancellationToken ct)
    {
        var kept = await payments.FindAsync(key, money, ct);
        if (kept?.Document.Entered is null) return false;
        if (kept.Document is not { IsEnteredUnfinished: true, Entered: { } entered }) return true;
        await audit.AppendOnceAsync(Entry(kept.Document.ReceivedAt, entered, money, outcome), kept.Document.BankReference, ct);
        try
        {
            await payments.MarkEnteredAuditedAsync(kept, clock.GetUtcNow(), ct);
        }
        catch (ConcurrencyConflictException)
        {
            // The request and the recovery pass finished it together; the audit entry is written once either way.
        }
        return true;
    }

    public static AuditEntry<ReadCreditAudit> Entry(DateTimeOffset at, EnteredCredit entered, ReportedMoney money, PaymentOutcome outcome) =>
        new(outcome.Reference, at, entered.EnteredBy, ReadCreditFlow.Action, new ReadCreditAudit(entered.EnteredBy, entered.ReviewItem,
            AmountInCurrency.Text(money.Amount, money.Currency), money.Currency, entered.BookedAt, outcome.Result, outcome.Invoice, entered.Reason));
}
