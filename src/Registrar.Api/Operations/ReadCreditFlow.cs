using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Registrar.Api.Banks;
using Registrar.Api.Http;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>
/// UA-3.2: an authentic bank message, or an entry of one, the reader could not read (a status it does not know, an amount it
/// cannot trust, a file that does not parse) stands for money the bank may have booked, and only a person can read it. Operations
/// read each credit from the kept message or the bank's statement, and it is judged as a readable one from the bank would be:
/// it pays the invoice its purpose names if it came in time (KZ-3.5, UA-3.4), and is held otherwise. It is kept under the bank's
/// own reference, so reading it again, or the bank sending it again readable, pays nothing twice. The review item stays open
/// until operations resolve it, as one message may hold several credits.
/// </summary>
public sealed class ReadCreditFlow(
    IReviewList review, IBankMessageStore messages, PaymentProcessor payments, ReadCreditCompletion completion, IAuditLog<ReadCreditAudit> audit,
    TimeProvider clock, ILogger<ReadCreditFlow> logger)
{
    public const string Action = "read-credit";

    public async Task<IResult> ReadAsync(string itemId, ReadCredit read, decimal amount, DateTimeOffset bookedAt, string client, CancellationToken ct)
    {
        var item = await review.FindAsync(itemId, ct);
        if (item is null || !BankMessageApplier.IsUnreadable(item))
            return Problems.Missing($"Review item '{itemId}' of a bank message that could not be read");
        if (item.ResolvedAt is { } resolvedAt)
            return Problems.Conflict($"Review item '{itemId}' was resolved at {resolvedAt:u} by {item.ResolvedBy}; nothing was read from it.");
        var message = (await messages.GetAsync(item.Subject, ct))?.Document
            ?? throw new InvalidOperationException($"The bank message {item.Subject} of review item '{itemId}' is not kept.");
        var now = clock.GetUtcNow();
        if (bookedAt > now)
            return Problems.Validation("bookedAt", $"The money is booked by the time it is read: at {now:u} at the latest.");

        var entered = new EnteredCredit(itemId, message.BankId, read.BankReference, read.PaymentPurpose, bookedAt, client, read.Reason);
        var money = new ReportedMoney(amount, read.Currency);
        var key = ReadCreditCompletion.Key(entered);
        var outcome = await payments.ApplyAsync(ReadCreditCompletion.Credit(entered, money, message.MessageId), key, message.MessageId,
            message.Format, ReversalInMessage.None, ct, entered);
        // The credit this read kept is audited once, as the recovery pass would if the host stopped here; one kept before (read
        // again, or sent readable by the bank) is audited as this read of it.
        if (outcome.Result == "duplicate" || !await completion.AuditAsync(key, money, outcome, ct))
            await audit.AppendAsync(ReadCreditCompletion.Entry(now, entered, money, outcome), ct);
        logger.LogInformation("Operations read credit {Reference} from review item {Item}: {Result}", outcome.Reference, itemId, outcome.Result);
        return TypedResults.Ok(new ReadCreditResult(outcome.Reference, outcome.Result, outcome.Invoice));
    }
}
