using System.Text.Json;
using Microsoft.Extensions.Logging;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Payments.Notifications;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Banks;

/// <summary>
/// Applies a recorded bank message entry by entry, from its bytes as stored (never decoded and encoded
/// again): credits are applied, reversals and unreadable entries go to operations with their reason. One
/// entry that fails leaves the message unprocessed for the recovery pass; the others are applied all the
/// same, and every step is idempotent, so applying a message again applies nothing twice.
/// </summary>
public sealed class BankMessageApplier(
    IBankMessageStore messages,
    BankMessageReader reader,
    IInvoiceStore<Invoice> invoices,
    PaymentProcessor payments,
    ReversalReporter reversals,
    IReviewList review,
    TimeProvider clock,
    ILogger<BankMessageApplier> logger)
{
    /// <summary>Entries applied side by side. Their writes to shared partitions (an invoice series, the payments' groups) wait
    /// for each other and go out together, so more at once means fewer transactions: 64 rather than 16 took a 5,000-credit
    /// file from 1.65 to 0.43 transactions per credit (issue 16).</summary>
    public const int Parallelism = 64;

    /// <summary>The review reason of a message or entry that could not be read ("UnreadableUnknownStatus"): operations read its
    /// credits by hand (<see cref="Operations.ReadCreditFlow"/>).</summary>
    public static string UnreadableReason(NotificationRejectionReason reason) => UnreadablePrefix + reason;

    public static bool IsUnreadable(ReviewItem item) => item.Kind == "payment" && item.Reason.StartsWith(UnreadablePrefix, StringComparison.Ordinal);

    private const string UnreadablePrefix = "Unreadable";
    private const int AttemptsPerEntry = 3;

    /// <param name="readFromRecordedBody">What the caller read, with this reader's parsers, from the very bytes just recorded as
    /// <paramref name="stored"/> (named by their hash), when it holds that: they need not be read back nor parsed again (issue
    /// 16: parsing a 5,000-credit camt.054 a second time held back every entry by 0.2 s).</param>
    public async Task<BankNotificationReceipt> ApplyAsync(Stored<BankMessage> stored, NotificationReadResult? readFromRecordedBody, CancellationToken ct)
    {
        var message = stored.Document;
        if (message.IsProcessed)
            return await messages.ReadOutcomeAsync<BankNotificationReceipt>(message, ct) with { Status = BankNotificationReceipt.Duplicate };

        var read = readFromRecordedBody ?? reader.Read(message, await messages.ReadBodyAsync(message, ct));
        if (read.Rejection is { } rejection) return await HoldUnreadableAsync(stored, rejection, ct);

        var entries = Entries(message, read).ToList();
        var results = new PaymentOutcome?[entries.Count];
        var reversalsFrom = read.Credits.Count;
        var reversalsTo = reversalsFrom + read.Reversals.Count;
        bool IsReversal(int i) => i >= reversalsFrom && i < reversalsTo;
        using (var prefetched = InvoicesPrefetched.Begin())
        {
            await PrefetchAsync(prefetched, message, read.Credits, ct);
            await ApplySideBySideAsync(message, entries, results, Enumerable.Range(0, entries.Count).Where(i => !IsReversal(i)), ct);
        }
        // ISO 20022: a reversal takes back a credit booked before it, so it is judged once the credits of its message are, and
        // finds the credit it reverses wherever the bank wrote the two.
        await ApplySideBySideAsync(message, entries, results, Enumerable.Range(reversalsFrom, read.Reversals.Count), ct);
        var outcomes = results.OfType<PaymentOutcome>().ToList();
        var failed = entries.Count - outcomes.Count;

        var receipt = new BankNotificationReceipt(message.MessageId, BankNotificationReceipt.Applied, outcomes.Count, outcomes, read.Ignored);
        if (failed > 0) return receipt with { Status = BankNotificationReceipt.ApplyingStatus, Entries = outcomes.Count + failed };
        await MarkProcessedAsync(stored, receipt, ct);
        return receipt;
    }

    /// <summary>
    /// Kept though its version is not read yet, or refused by a reader changed since: it stands for money the bank may have moved,
    /// so operations must look (UA-3.2). Left unprocessed, a reader that can read it applies it later, until operations resolve
    /// its item, having read its credits themselves (<c>POST /api/ops/review/{id}/credits</c>): it is then done, and the recovery
    /// pass no longer reads it every minute.
    /// </summary>
    private async Task<BankNotificationReceipt> HoldUnreadableAsync(Stored<BankMessage> stored, NotificationRejected rejection, CancellationToken ct)
    {
        var message = stored.Document;
        var itemId = $"{message.MessageId} message";
        switch (await review.FindAsync(itemId, ct))
        {
            case { ResolvedAt: { } resolvedAt } resolved:
                var receipt = new BankNotificationReceipt(message.MessageId, BankNotificationReceipt.Applied, 0, [],
                    [$"The message could not be read ({rejection.Reason}); operations resolved it at {resolvedAt:u}: {resolved.ResolutionNote}"]);
                await MarkProcessedAsync(stored, receipt, ct);
                logger.LogInformation("Unreadable bank message {MessageId} was resolved by operations; it is done", message.MessageId);
                return receipt;
            case null:
                await review.AddAsync(new ReviewItem(itemId, "payment", message.MessageId, UnreadableReason(rejection.Reason),
                    $"The bank's message is kept as it was sent, but could not be read, so none of its entries was applied: {rejection.Message}",
                    clock.GetUtcNow()), ct);
                logger.LogError("Recorded bank message {MessageId} cannot be read ({Reason}); held for operations", message.MessageId, rejection.Reason);
                break;
            default:
                logger.LogDebug("Recorded bank message {MessageId} still cannot be read ({Reason}); its item waits for operations", message.MessageId, rejection.Reason);
                break;
        }
        return BankNotificationReceipt.Applying(message.MessageId, 0);
    }

    private async Task MarkProcessedAsync(Stored<BankMessage> stored, BankNotificationReceipt receipt, CancellationToken ct)
    {
        try
        {
            await messages.MarkProcessedAsync(stored, receipt, clock.GetUtcNow(), ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Applied concurrently too (the bank's retry, the recovery pass); every effect above is idempotent.
        }
    }

    /// <summary>Saves reads, nothing more: a prefetch that fails leaves each credit to read its invoice itself.</summary>
    private async Task PrefetchAsync(InvoicesPrefetched prefetched, BankMessage message, IReadOnlyList<BankCreditNotification> credits, CancellationToken ct)
    {
        try
        {
            await prefetched.ReadAsync(invoices, credits, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The invoices named by bank message {MessageId} were not read ahead; each credit reads its own", message.MessageId);
        }
    }

    private async Task ApplySideBySideAsync(BankMessage message, List<Func<CancellationToken, Task<PaymentOutcome>>> entries, PaymentOutcome?[] results,
        IEnumerable<int> indexes, CancellationToken ct) =>
        // Entries are independent and every step is idempotent and guarded by ETags, so they are applied side by side.
        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        results[i] = await entries[i](token);
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException && attempt < AttemptsPerEntry)
                    {
                        // Each step is idempotent: another applier of the same entry (the bank's retry, the recovery pass)
                        // winning a race is judged again here, and answers as a duplicate, rather than leaving it for later.
                        logger.LogWarning(e, "An entry of bank message {MessageId} failed on attempt {Attempt}; judging it again", message.MessageId, attempt);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogError(e, "An entry of bank message {MessageId} failed; the recovery pass tries it again", message.MessageId);
                        break;
                    }
                }
            });

    private IEnumerable<Func<CancellationToken, Task<PaymentOutcome>>> Entries(BankMessage message, NotificationReadResult read)
    {
        var reversed = ReversedInMessage(read);
        return read.Credits.Zip(Keys(read.Credits))
            .Select(c => (Func<CancellationToken, Task<PaymentOutcome>>)(ct => payments.ApplyAsync(c.First, c.Second, message.MessageId, message.Format,
                ReversalOf(reversed, c.Second, c.First), ct)))
            .Concat(read.Reversals.Zip(Keys(read.Reversals))
                .Select(r => (Func<CancellationToken, Task<PaymentOutcome>>)(ct => reversals.ReportAsync(r.First, r.Second, message.MessageId, message.Format, ct))))
            .Concat(read.Refused.Select(e => (Func<CancellationToken, Task<PaymentOutcome>>)(ct => HoldRefusedAsync(message, e, ct))));
    }

    /// <summary>The reversals this message books, by the key a reversal names its credit by (<see cref="ReversalReporter"/>).</summary>
    private static ILookup<string, BankCreditNotification> ReversedInMessage(NotificationReadResult read) =>
        read.Reversals.ToLookup(r => PaymentKeys.BanksReference(r.BankId, r.TransactionReference), StringComparer.Ordinal);

    /// <summary>KZ-3.2, UA-3.2: a credit this message also reverses with its money nets to nothing, and one it reverses a part of is
    /// not all here: neither pays an invoice.</summary>
    private static ReversalInMessage ReversalOf(ILookup<string, BankCreditNotification> reversed, string key, BankCreditNotification credit)
    {
        var money = new ReportedMoney(credit.Amount, credit.CurrencyCode).Key;
        var ofIt = reversed[key].ToList();
        if (ofIt.Any(r => new ReportedMoney(r.Amount, r.CurrencyCode).Key == money)) return ReversalInMessage.Whole;
        return ofIt.Any(r => r.CurrencyCode == credit.CurrencyCode && r.Amount > 0m && r.Amount < credit.Amount)
            ? ReversalInMessage.Part
            : ReversalInMessage.None;
    }

    private static string CreditAndMoney(string key, BankCreditNotification entry) => $"{key} {new ReportedMoney(entry.Amount, entry.CurrencyCode).Key}";

    /// <summary>The key each credit is recorded under, a repeat of an earlier credit only when the bank sent that one again.</summary>
    private static IEnumerable<string> Keys(IReadOnlyList<BankCreditNotification> credits)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var credit in credits)
        {
            // A reference the payer chose names a credit only within the bank's message that carried it (its MsgId, which the
            // bank keeps when it sends that message again): two payers' EndToEndIds alike are two credits.
            var key = PaymentKeys.Of(credit);
            // A bank does not repeat a credit within one message: the same key and money again there is another credit, told
            // apart by its place, which stays the same when the whole message comes again.
            var identity = CreditAndMoney(key, credit);
            var occurrence = seen[identity] = seen.GetValueOrDefault(identity) + 1;
            yield return PaymentKeys.Repeated(key, occurrence);
        }
    }

    /// <summary>An entry that could not be read still stands for money the bank may have moved: operations see why.</summary>
    private async Task<PaymentOutcome> HoldRefusedAsync(BankMessage message, RefusedEntry entry, CancellationToken ct)
    {
        var id = $"{message.MessageId} {entry.Position}";
        await review.AddAsync(new ReviewItem(id, "payment", message.MessageId, UnreadableReason(entry.Reason),
            $"An entry of the bank's message could not be read, so it was not applied: {entry.Message}", clock.GetUtcNow()), ct);
        logger.LogWarning("Entry {Position} of bank message {MessageId} held for operations: {Reason}", entry.Position, message.MessageId, entry.Reason);
        return new PaymentOutcome(id, "refused:" + entry.Reason, null);
    }
}

/// <summary>What became of a bank message: <see cref="Applied"/> with each entry's outcome, <see cref="ApplyingStatus"/>
/// while its entries are still being applied (recorded: the bank need not send it again), or
/// <see cref="Duplicate"/> when these same bytes had arrived before (the outcomes are those of the first time).</summary>
/// <param name="Ignored">Entries the bank reported that are not credits to apply (debits, pending), with why.</param>
public sealed record BankNotificationReceipt(string MessageId, string Status, int Entries, IReadOnlyList<PaymentOutcome> Payments, IReadOnlyList<string> Ignored)
{
    public const string Applied = "applied";
    public const string ApplyingStatus = "applying";
    public const string Duplicate = "duplicate";

    public static BankNotificationReceipt Applying(string messageId, int entries) => new(messageId, ApplyingStatus, entries, [], []);
}
