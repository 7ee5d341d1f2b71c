using System.Globalization;
using System.Xml.Linq;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Camt054;

/// <summary>Walks Ntfctn → Ntry → TxDtls of one BkToCstmrDbtCdtNtfctn and keeps the booked credits.</summary>
internal sealed class Camt054MessageReader(string bankId, Camt054Version version, XNamespace ns, TimeZoneInfo bankTimeZone)
{
    private const string NotProvided = "NOTPROVIDED";

    public NotificationReadResult Read(XElement message)
    {
        var messageId = Text(message.Element(ns + "GrpHdr")?.Element(ns + "MsgId"))
                        ?? throw Malformed("<GrpHdr><MsgId> is missing: every camt.054 message has a message identification.");
        var notifications = message.Elements(ns + "Ntfctn").ToList();
        if (notifications.Count == 0)
            throw Malformed("The message has no <Ntfctn>.");

        var credits = new List<BankCreditNotification>();
        var reversals = new List<BankCreditNotification>();
        var refused = new List<RefusedEntry>();
        var ignored = new List<string>();
        var notificationIds = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < notifications.Count; n++)
        {
            var notificationId = Text(notifications[n].Element(ns + "Id")) ?? "?";
            // A refused entry is held under its position, so two entries must never share one: a bank repeating an Ntfctn/Id
            // (an account number or a date) within the message gets the notification's place named too.
            var notification = notificationIds.Add(notificationId) ? $"Ntfctn '{notificationId}'" : $"Ntfctn #{n + 1} '{notificationId}'";
            // ISO 20022 CpyDplctInd: DUPL and CODU mark a notification the bank sent before, perhaps under another MsgId.
            var isDuplicate = Text(notifications[n].Element(ns + "CpyDplctInd")) is "DUPL" or "CODU";
            var entryNumber = 0;
            foreach (var entry in notifications[n].Elements(ns + "Ntry"))
            {
                entryNumber++;
                var where = $"{notification}, Ntry #{entryNumber}";
                // Entries are judged one by one: one that cannot be read is refused with its reason and held for operations,
                // the others stand. It stands for money the bank may have moved, so it is held even when no other entry
                // could be read: the message is recorded and answered, not refused.
                try
                {
                    ReadEntry(entry, where, new Sender(messageId, isDuplicate), credits, reversals, ignored);
                }
                catch (Camt054FormatException e)
                {
                    refused.Add(new RefusedEntry(where, e.Reason, e.Message));
                }
            }
        }
        return NotificationReadResult.Accepted(credits, reversals, refused, ignored);
    }

    /// <param name="MessageId">GrpHdr/MsgId: a reference that names a credit only within its message is kept with it.</param>
    /// <param name="IsDuplicate">The notification repeats one sent before: a credit known only within its message cannot be
    /// told from the first notice's.</param>
    private sealed record Sender(string MessageId, bool IsDuplicate);

    private void ReadEntry(XElement entry, string where, Sender sender,
        List<BankCreditNotification> credits, List<BankCreditNotification> reversals, List<string> ignored)
    {
        var direction = Text(entry.Element(ns + "CdtDbtInd"));
        if (direction is not ("CRDT" or "DBIT"))
            throw Malformed($"{where}: <CdtDbtInd> '{direction}' is neither CRDT nor DBIT.");
        // ISO 20022 RvslInd: a reversed debit entry takes back a credit booked before; a reversed credit entry gives back a
        // debit (the registrar's own money returning), which is money received, never a reversal of a customer's payment.
        var reversed = Text(entry.Element(ns + "RvslInd")) is "true" or "1";
        var isReversal = reversed && direction == "DBIT";
        if (direction == "DBIT" && !isReversal)
        {
            ignored.Add($"{where}: a debit, not a payment received");
            return;
        }
        var status = EntryStatus.Of(entry, ns, version);
        if (status.Kind == EntryStatusKind.NotBookedYet)
        {
            ignored.Add($"{where}: status {status.Written}, not booked");
            return;
        }
        // UA-3.2: a status not known says nothing of whether the money is here, and no BOOK of it may ever follow, so the entry
        // is held for operations, neither applied nor ignored.
        if (status.Kind == EntryStatusKind.Unknown)
            throw new Camt054FormatException(NotificationRejectionReason.UnknownStatus,
                $"{where}: the entry's status {status.Written} is none this reader knows (BOOK, or PDNG, FUTR, INFO before a booking); "
                + $"its {direction} of {Described(entry)} is not applied.");
        // Read whole before anything is kept: a batch entry with one unreadable transaction is refused as one.
        var read = new List<BankCreditNotification>();
        var skipped = new List<string>();
        ReadCredits(entry, where, sender, read, skipped, isReversal);
        // A booked reversal moved money back: never silently ignored, whichever direction the bank writes it in.
        (isReversal ? reversals : credits).AddRange(reversed && !isReversal ? read.Select(c => c with { ReversesDebit = true }) : read);
        ignored.AddRange(skipped);
    }

    /// <summary>The entry's amount and reference as written, not judged, so operations find the money an entry not read stands for.</summary>
    private string Described(XElement entry)
    {
        var amount = entry.Element(ns + "Amt");
        var money = amount is null ? "no amount" : $"{amount.Value.Trim()} {amount.Attribute("Ccy")?.Value.Trim()}".TrimEnd();
        // A lone transaction's own reference is the one its credit would be kept under; a batch is known by the entry's.
        var refs = entry.Elements(ns + "NtryDtls").SelectMany(d => d.Elements(ns + "TxDtls")).ToList() is [var lone] ? lone.Element(ns + "Refs") : null;
        var reference = Reference(Text(refs?.Element(ns + "AcctSvcrRef"))) ?? Reference(Text(refs?.Element(ns + "UETR")))
                        ?? Reference(Text(refs?.Element(ns + "EndToEndId"))) ?? Reference(Text(entry.Element(ns + "AcctSvcrRef")))
                        ?? Reference(Text(entry.Element(ns + "NtryRef")));
        return $"{money}, reference {reference ?? "none"}";
    }

    private void ReadCredits(XElement entry, string where, Sender sender, List<BankCreditNotification> credits, List<string> ignored, bool isReversal)
    {
        var bookedAt = BookingInstant(entry, where);
        var entryAmount = entry.Element(ns + "Amt") ?? throw Malformed($"{where}: <Amt> is missing.");
        var (amountOfEntry, currencyOfEntry) = Amount(entryAmount, where);
        var entryReference = Reference(Text(entry.Element(ns + "AcctSvcrRef")));
        var transactions = entry.Elements(ns + "NtryDtls").SelectMany(d => d.Elements(ns + "TxDtls")).ToList();
        CheckBatchIsDetailed(entry, where, transactions.Count);
        CheckBatchTotal(entry, where, amountOfEntry, currencyOfEntry);

        if (transactions.Count == 0)
        {
            // Ntry/NtryRef is unique among the entries of one statement or notice, not across them: it names the credit only
            // within this message.
            var reference = entryReference ?? Reference(Text(entry.Element(ns + "NtryRef")))
                ?? throw Malformed($"{where}: no <AcctSvcrRef>, no <NtryRef> and no transaction details, so the credit cannot be told apart from others.");
            var knownWithinMessage = entryReference is null;
            CheckTellsApartFromFirstNotice(sender, knownWithinMessage, where);
            credits.Add(new BankCreditNotification(bankId, reference, amountOfEntry, currencyOfEntry, bookedAt, null, null,
                Text(entry.Element(ns + "AddtlNtryInf")) ?? "", sender.MessageId)
            {
                ReferenceIsPayers = knownWithinMessage,
                BankTransactionCode = TransactionCode(entry.Element(ns + "BkTxCd")),
            });
            return;
        }

        var booked = new BookedSum(currencyOfEntry);
        for (var i = 0; i < transactions.Count; i++)
        {
            var tx = transactions[i];
            var txWhere = transactions.Count == 1 ? where : $"{where}, TxDtls #{i + 1}";
            // TxDtls/Amt is what the transaction booked, in the entry's currency; AmtDtls/TxAmt is the interbank amount,
            // which may be in another currency or before charges. A lone transaction without its own Amt booked the entry's
            // Ntry/Amt; only a batch's transactions without one (.02 has none) are read from TxAmt, held to the entry's sum.
            var amountElement = tx.Element(ns + "Amt")
                                ?? (transactions.Count == 1 ? entryAmount : tx.Element(ns + "AmtDtls")?.Element(ns + "TxAmt")?.Element(ns + "Amt"));
            if (!isReversal && Text(tx.Element(ns + "CdtDbtInd")) == "DBIT")
            {
                booked.Subtract(amountElement is null ? null : Amount(amountElement, txWhere));
                ignored.Add($"{txWhere}: a debit inside a credit entry");
                continue;
            }

            var (amount, currency) = Amount(amountElement ?? throw Malformed($"{txWhere}: a batch entry needs the amount of each transaction (<Amt>, or <AmtDtls><TxAmt><Amt> in .02)."), txWhere);
            booked.Add((amount, currency));
            var refs = tx.Element(ns + "Refs");
            // A batch entry's own reference is shared by its transactions: the position keeps each one distinct
            // and stable when the same message is delivered again.
            var bankReference = Reference(Text(refs?.Element(ns + "AcctSvcrRef")))
                                ?? (entryReference is null ? null : transactions.Count == 1 ? entryReference : $"{entryReference}/{i + 1}");
            // Without the account servicer's reference, the UETR, unique to the transfer worldwide; else the payer's
            // EndToEndId, else the interbank TxId the payer's bank gave (unique only among that bank's transfers): either
            // names the credit only within this message.
            var lastingReference = bankReference ?? Reference(Text(refs?.Element(ns + "UETR")));
            var reference = lastingReference
                            ?? Reference(Text(refs?.Element(ns + "EndToEndId")))
                            ?? Reference(Text(refs?.Element(ns + "TxId")))
                            ?? throw Malformed($"{txWhere}: no <AcctSvcrRef> (transaction or entry), no <UETR>, no usable <EndToEndId> and no <TxId>, so the credit cannot be told apart from others.");
            CheckTellsApartFromFirstNotice(sender, lastingReference is null, txWhere);

            var parties = tx.Element(ns + "RltdPties");
            credits.Add(new BankCreditNotification(bankId, reference, amount, currency, bookedAt,
                PayerName(parties), PayerAccount(parties), Purpose(tx, entry), sender.MessageId)
            {
                ReferenceIsPayers = lastingReference is null,
                BankTransactionCode = TransactionCode(tx.Element(ns + "BkTxCd")) ?? TransactionCode(entry.Element(ns + "BkTxCd")),
                ReturnReason = ReturnReason(tx.Element(ns + "RtrInf")),
            });
        }

        // Money is never lost: credits that do not add up to what the account was booked with leave part of it
        // unexplained, so the entry is refused whole and held for operations with all of its money. Credits whose sum
        // cannot even be formed are not shown to add up either: any one of them might claim money the entry never booked.
        if (booked.Unknowable is { } unknowable)
            throw Malformed($"{where}: the transactions cannot be shown to add up to the {amountOfEntry} {currencyOfEntry} the entry books ({unknowable}).");
        if (booked.Total != amountOfEntry)
            throw Malformed($"{where}: the transactions add up to {booked.Total} {currencyOfEntry}, but the entry books {amountOfEntry} {currencyOfEntry}.");
    }

    /// <summary>ISO 20022 NtryDtls/Btch/NbOfTxs: a batch reported by its summary, or by fewer details than it counts, does not say
    /// what each payer paid; credited as one, its money would go to one payer and invoice.</summary>
    private void CheckBatchIsDetailed(XElement entry, string where, int detailed)
    {
        var counts = entry.Elements(ns + "NtryDtls").Select(d => d.Element(ns + "Btch")?.Element(ns + "NbOfTxs")).OfType<XElement>().ToList();
        if (counts.Count == 0) return;
        var counted = 0;
        foreach (var count in counts)
            counted += int.TryParse(Text(count), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n : throw Malformed($"{where}: <Btch><NbOfTxs> '{Text(count)}' is not a number of transactions.");
        if (counted != Math.Max(detailed, 1))
            throw Malformed($"{where}: the entry books a batch of {counted} transactions but details {detailed}, so what each payer paid is not known.");
    }

    /// <summary>ISO 20022 NtryDtls/Btch/TtlAmt: the batches' totals, when each states one, are the money the entry books; an entry
    /// that says otherwise of itself does not say which figure the account was booked with, so it is refused whole and held.</summary>
    private void CheckBatchTotal(XElement entry, string where, decimal amountOfEntry, string currencyOfEntry)
    {
        var batches = entry.Elements(ns + "NtryDtls").Select(d => d.Element(ns + "Btch")).OfType<XElement>().ToList();
        if (batches.Count == 0 || batches.Any(b => b.Element(ns + "TtlAmt") is null)) return;
        var total = 0m;
        foreach (var batch in batches)
        {
            var (amount, currency) = Amount(batch.Element(ns + "TtlAmt")!, where);
            if (currency != currencyOfEntry)
                throw Malformed($"{where}: <Btch><TtlAmt> is in {currency}, but the entry books {currencyOfEntry}.");
            total += amount;
        }
        if (total != amountOfEntry)
            throw Malformed($"{where}: the batch totals (<Btch><TtlAmt>) come to {total} {currencyOfEntry}, but the entry books {amountOfEntry} {currencyOfEntry}.");
    }

    private static void CheckTellsApartFromFirstNotice(Sender sender, bool knownWithinMessage, string where)
    {
        if (sender.IsDuplicate && knownWithinMessage)
            throw Malformed($"{where}: the notification repeats one sent before (CpyDplctInd), and this credit is known only by a reference "
                + "that names it within its message, so it cannot be told from the credit the first notice carried.");
    }

    private DateTimeOffset BookingInstant(XElement entry, string where)
    {
        var booking = entry.Element(ns + "BookgDt") ?? throw Malformed($"{where}: a booked entry has no <BookgDt>; the booking time is the payment instant (KZ-3.5, UA-3.4).");
        if (Text(booking.Element(ns + "DtTm")) is { } dateTime)
            return IsoDateTimes.ReadDateTime(dateTime, bankTimeZone) ?? throw Malformed($"{where}: <BookgDt><DtTm> '{dateTime}' is not an ISO 8601 date-time.");
        if (Text(booking.Element(ns + "Dt")) is { } date)
            return IsoDateTimes.ReadStartOfDay(date, bankTimeZone) ?? throw Malformed($"{where}: <BookgDt><Dt> '{date}' is not an ISO 8601 date.");
        throw Malformed($"{where}: <BookgDt> has neither <Dt> nor <DtTm>.");
    }

    private static (decimal Amount, string Currency) Amount(XElement amount, string where)
    {
        var currency = amount.Attribute("Ccy")?.Value.Trim();
        if (string.IsNullOrEmpty(currency))
            throw Malformed($"{where}: the amount has no Ccy attribute.");
        if (!ReportedAmount.TryRead(amount.Value, currency, AmountSyntax.XsDecimal, out var value, out var error))
            throw new Camt054FormatException(error!.Reason, $"{where}: {error.Message}");
        return (value, currency);
    }

    private string? PayerName(XElement? parties)
    {
        var debtor = parties?.Element(ns + "Dbtr");
        var party = version.DebtorIsPartyChoice ? debtor?.Element(ns + "Pty") : debtor;
        return Text(party?.Element(ns + "Nm"));
    }

    private string? PayerAccount(XElement? parties)
    {
        var id = parties?.Element(ns + "DbtrAcct")?.Element(ns + "Id");
        return Text(id?.Element(ns + "IBAN")) ?? Text(id?.Element(ns + "Othr")?.Element(ns + "Id"));
    }

    private string? TransactionCode(XElement? code) =>
        code?.Element(ns + "Domn") is { } domain && Text(domain.Element(ns + "Cd")) is { } domainCode
        && domain.Element(ns + "Fmly") is { } family && Text(family.Element(ns + "Cd")) is { } familyCode && Text(family.Element(ns + "SubFmlyCd")) is { } subFamily
            ? $"{domainCode}/{familyCode}/{subFamily}"
            : null;

    private string? ReturnReason(XElement? returned) =>
        returned is null
            ? null
            : Text(returned.Element(ns + "Rsn")?.Element(ns + "Cd")) ?? Text(returned.Element(ns + "Rsn")?.Element(ns + "Prtry")) ?? Text(returned.Element(ns + "AddtlInf")) ?? "";

    /// <summary>Without remittance information, or with an empty one, the transaction's further details (AddtlTxInf, where a bank
    /// may put the purpose's 420 characters), else the entry's (AddtlNtryInf).</summary>
    private string Purpose(XElement transaction, XElement entry) =>
        (transaction.Element(ns + "RmtInf") is { } remittance && Remittance(remittance) is { Length: > 0 } given ? given : null)
        ?? Text(transaction.Element(ns + "AddtlTxInf")) ?? Text(entry.Element(ns + "AddtlNtryInf")) ?? "";

    // UA-3.2: the invoice number may be in the free text, the referred document number, the creditor reference or the
    // structured remittance's own free text (Strd/AddtlRmtInf, up to three lines).
    private string Remittance(XElement remittance)
    {
        var parts = remittance.Elements(ns + "Ustrd").Select(Text)
            .Concat(remittance.Elements(ns + "Strd").SelectMany(s =>
                s.Elements(ns + "RfrdDocInf").Select(d => Text(d.Element(ns + "Nb")))
                    .Append(Text(s.Element(ns + "CdtrRefInf")?.Element(ns + "Ref")))
                    .Concat(s.Elements(ns + "AddtlRmtInf").Select(Text))))
            .OfType<string>();
        return string.Join(" ", parts);
    }

    private static string? Reference(string? value) =>
        value is null || value.Equals(NotProvided, StringComparison.OrdinalIgnoreCase) ? null : value;

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static Camt054FormatException Malformed(string message) => new(NotificationRejectionReason.Malformed, message);
}
