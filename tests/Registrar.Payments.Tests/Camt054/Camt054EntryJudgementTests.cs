using System.Globalization;
using System.Text;
using Registrar.Payments.Camt054;
using Registrar.Payments.Invoices;
using Registrar.Payments.Notifications;
using Registrar.Payments.Tests.Samples;

namespace Registrar.Payments.Tests.Camt054;

/// <summary>Entries a bank writes in ways the samples do not, each judged by itself (UA-3.2: held, never guessed).</summary>
public sealed class Camt054EntryJudgementTests
{
    private readonly Camt054Reader _reader = new(new Camt054ReaderOptions());

    private static string Version08 => Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"));

    private NotificationReadResult Read(string xml) => _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

    [Theory]
    [InlineData("camt.054.001.08-code-status-party-choice.xml", "<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Cd>INFO</Cd></Sts>", "INFO")]
    [InlineData("camt.054.001.08-code-status-party-choice.xml", "<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Cd>FUTR</Cd></Sts>", "FUTR")]
    [InlineData("camt.054.001.02-single-credit-date-only.xml", "<Sts>BOOK</Sts>", "<Sts>INFO</Sts>", "INFO")]
    public void A_credit_only_announced_not_booked_pays_nothing_and_is_reported_as_ignored_KZ_3_5(string sample, string booked, string announced, string status)
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054(sample));
        var first = xml.IndexOf(booked, StringComparison.Ordinal);

        var result = Read(xml.Remove(first, booked.Length).Insert(first, announced));

        Assert.Empty(result.Credits);
        Assert.Empty(result.Refused);
        Assert.Contains(result.Ignored, i => i.EndsWith($"status {status}, not booked", StringComparison.Ordinal));
    }

    /// <summary>ISO 20022's entry status list is external and grows, and a bank may write its own (<c>Prtry</c>, even one spelling an
    /// announcement): a status the reader does not know is neither booked nor announced, so the credit is held for operations, named by its amount and reference.</summary>
    [Theory]
    [InlineData("camt.054.001.08-code-status-party-choice.xml", "<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Prtry>ACSC</Prtry></Sts>", "450.00 UAH, reference UNJS-TX-88231")]
    [InlineData("camt.054.001.08-code-status-party-choice.xml", "<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Prtry>PDNG</Prtry></Sts>", "450.00 UAH, reference UNJS-TX-88231")]
    [InlineData("camt.054.001.08-code-status-party-choice.xml", "<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Cd>XXXX</Cd></Sts>", "450.00 UAH, reference UNJS-TX-88231")]
    [InlineData("camt.054.001.08-code-status-party-choice.xml", "<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Cd>book</Cd></Sts>", "450.00 UAH, reference UNJS-TX-88231")]
    [InlineData("camt.054.001.02-single-credit-date-only.xml", "<Sts>BOOK</Sts>", "<Sts>XXXX</Sts>", "15000.00 KZT, reference")]
    public void A_credit_whose_status_is_not_known_is_held_for_operations_never_ignored_nor_applied_UA_3_2(
        string sample, string booked, string unknown, string named)
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054(sample));
        var first = xml.IndexOf(booked, StringComparison.Ordinal);

        var result = Read(xml.Remove(first, booked.Length).Insert(first, unknown));

        Assert.DoesNotContain(result.Credits, c => c.Amount == decimal.Parse(named.Split(' ')[0], CultureInfo.InvariantCulture));
        Assert.DoesNotContain(result.Ignored, i => i.Contains("Ntry #1:", StringComparison.Ordinal) && i.Contains("status", StringComparison.Ordinal));
        var held = Assert.Single(result.Refused);
        Assert.Equal(NotificationRejectionReason.UnknownStatus, held.Reason);
        Assert.EndsWith("Ntry #1", held.Position, StringComparison.Ordinal);
        Assert.Contains(named, held.Message, StringComparison.Ordinal);
    }

    /// <summary>Kazakhstan moved to one time zone, UTC+5, on 2024-03-01: a host whose time zone data predates it reads a Kazakh
    /// bank's local booking times an hour off, and this fails there.</summary>
    [Theory]
    [InlineData("<DtTm>2026-11-24T10:30:00</DtTm>", "2026-11-24T10:30:00+05:00")]
    [InlineData("<Dt>2026-11-24</Dt>", "2026-11-24T00:00:00+05:00")]
    [InlineData("<Dt>2024-02-29</Dt>", "2024-02-29T00:00:00+06:00")]
    public void A_Kazakh_banks_local_booking_time_is_read_at_UTC_plus_5_since_2024_03_01_KZ_3_5(string booking, string instant)
    {
        var xml = Version08.Replace("<BookgDt><DtTm>2026-11-24T11:59:48.120+02:00</DtTm></BookgDt>", $"<BookgDt>{booking}</BookgDt>");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty"));

        Assert.Equal(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture), Assert.Single(result.Credits).BookedAt);
    }

    /// <summary>Kyiv's clocks go back at 04:00 on 25 October 2026, so 03:30 happens twice (+03:00, then +02:00). The bank's
    /// local time cannot say which; the payment counts from the earlier moment, in the payer's favour (UA-3.4).</summary>
    [Fact]
    public void A_Ukrainian_banks_local_booking_time_in_the_repeated_autumn_hour_counts_from_its_earlier_moment_UA_3_4()
    {
        var xml = Version08.Replace("<BookgDt><DtTm>2026-11-24T11:59:48.120+02:00</DtTm></BookgDt>", "<BookgDt><DtTm>2026-10-25T03:30:00</DtTm></BookgDt>");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv"));

        Assert.Equal(DateTimeOffset.Parse("2026-10-25T03:30:00+03:00", CultureInfo.InvariantCulture), Assert.Single(result.Credits).BookedAt);
    }

    /// <summary>Kyiv's clocks go forward at 03:00 on 26 March 2028, so 03:30 never shows there. It is read at the offset before
    /// the change (01:30Z), and shown as Kyiv's clocks showed that instant, 04:30+03:00; the repeated autumn hour keeps its offset.</summary>
    [Theory]
    [InlineData("2028-03-26T03:30:00", "2028-03-26T01:30:00Z", "2028-03-26T04:30:00+03:00")]
    [InlineData("2028-10-29T03:30:00", "2028-10-29T00:30:00Z", "2028-10-29T03:30:00+03:00")]
    [InlineData("2028-10-29T04:30:00", "2028-10-29T02:30:00Z", "2028-10-29T04:30:00+02:00")]
    public void A_local_booking_time_around_Kyivs_clock_changes_is_shown_at_the_offset_Kyiv_had_at_that_instant_UA_3_4(string local, string utc, string shown)
    {
        var kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
        var xml = Version08.Replace("<BookgDt><DtTm>2026-11-24T11:59:48.120+02:00</DtTm></BookgDt>", $"<BookgDt><DtTm>{local}</DtTm></BookgDt>");

        var bookedAt = Assert.Single(_reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), kyiv).Credits).BookedAt;

        Assert.Equal(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), bookedAt);
        Assert.Equal(shown, bookedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        Assert.Equal(kyiv.GetUtcOffset(bookedAt), bookedAt.Offset);
    }

    [Fact]
    public void A_zero_credit_is_held_as_an_invalid_amount_and_the_other_entries_stand_UA_3_2()
    {
        var xml = Version08.Replace("<Amt Ccy=\"UAH\">450.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts><Cd>PDNG</Cd></Sts>",
                "<Amt Ccy=\"UAH\">0.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-24</Dt></BookgDt>");

        var result = Read(xml);

        Assert.Equal("UNJS-TX-88231", Assert.Single(result.Credits).TransactionReference);
        var held = Assert.Single(result.Refused);
        Assert.Equal((NotificationRejectionReason.InvalidAmount, "Ntfctn '7713-1', Ntry #2"), (held.Reason, held.Position));
    }

    [Fact]
    public void A_transaction_booked_in_another_currency_than_its_entry_is_held_whole_never_credited_in_either_UA_3_2()
    {
        var xml = Version08.Replace("<Amt Ccy=\"UAH\">450.00</Amt>\n            <CdtDbtInd>CRDT</CdtDbtInd>", "<Amt Ccy=\"USD\">450.00</Amt>\n            <CdtDbtInd>CRDT</CdtDbtInd>");
        Assert.Contains("<Amt Ccy=\"USD\">", xml);

        var result = Read(xml);

        Assert.Empty(result.Credits);
        Assert.Contains("a transaction in USD, not in the entry's UAH", Assert.Single(result.Refused).Message);
    }

    [Fact]
    public void An_ISO_11649_creditor_reference_built_on_the_invoice_number_names_the_invoice_UA_3_2()
    {
        var xml = Version08.Replace("<Ustrd>Оплата по рахунку № UA 2611 00009 8</Ustrd>",
            "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF94UA2611000098</Ref></CdtrRefInf></Strd>");

        var credit = Assert.Single(Read(xml).Credits);

        Assert.Equal("UA-2611-00009-8", Assert.Single(InvoiceNumber.FindIn(credit.PaymentPurpose)).ToString());
    }

    private static string Batch => Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.04-batch-debit-pending.xml"));

    [Theory]
    [InlineData("<NbOfTxs>5</NbOfTxs>", "a batch of 5 transactions but details 3")]
    [InlineData("<NbOfTxs>three</NbOfTxs>", "is not a number of transactions")]
    public void A_batch_detailed_by_fewer_transactions_than_it_counts_is_held_whole_UA_3_2(string count, string why)
    {
        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(Batch.Replace("<NbOfTxs>3</NbOfTxs>", count)), SampleFiles.Almaty);

        Assert.DoesNotContain(result.Credits, c => c.TransactionReference.StartsWith("HB-TX-55120", StringComparison.Ordinal));
        Assert.Contains(why, Assert.Single(result.Refused).Message);
    }

    [Fact]
    public void A_batch_reported_by_its_summary_alone_is_held_not_credited_to_one_payer_UA_3_2()
    {
        var start = Batch.IndexOf("<TxDtls>", StringComparison.Ordinal);
        var summaryOnly = Batch.Remove(start, Batch.IndexOf("</NtryDtls>", start, StringComparison.Ordinal) - start);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(summaryOnly), SampleFiles.Almaty);

        Assert.DoesNotContain(result.Credits, c => c.Amount == 45000m);
        Assert.Contains("a batch of 3 transactions but details 0", Assert.Single(result.Refused).Message);
    }

    [Fact]
    public void A_credit_known_by_its_UETR_is_known_beyond_its_message()
    {
        var xml = Version08.Replace("<AcctSvcrRef>UNJS-TX-88231</AcctSvcrRef>", "<UETR>eb6305c9-1f7f-49de-aed0-16487c27b42d</UETR>")
            .Replace("<AcctSvcrRef>ENTRY-7713-0001</AcctSvcrRef>", "");

        var credit = Assert.Single(Read(xml).Credits);

        Assert.Equal(("eb6305c9-1f7f-49de-aed0-16487c27b42d", false), (credit.TransactionReference, credit.ReferenceIsPayers));
    }

    [Theory]
    [InlineData("DUPL")]
    [InlineData("CODU")]
    public void A_repeated_notice_holds_a_credit_known_only_within_its_message_and_applies_one_the_bank_named_UA_3_2(string indicator)
    {
        var repeated = Version08.Replace("<CreDtTm>2026-11-24T12:01:00+02:00</CreDtTm>\n      <Acct>", $"<CreDtTm>2026-11-24T12:01:00+02:00</CreDtTm><CpyDplctInd>{indicator}</CpyDplctInd>\n      <Acct>");
        var payersOnly = repeated.Replace("<AcctSvcrRef>UNJS-TX-88231</AcctSvcrRef>\n              <EndToEndId>NOTPROVIDED</EndToEndId>", "<EndToEndId>E2E-1</EndToEndId>")
            .Replace("<AcctSvcrRef>ENTRY-7713-0001</AcctSvcrRef>", "");
        Assert.Contains("<CpyDplctInd>", repeated);
        Assert.Contains("E2E-1", payersOnly);

        Assert.Equal("UNJS-TX-88231", Assert.Single(Read(repeated).Credits).TransactionReference);
        var held = Read(payersOnly);
        Assert.Empty(held.Credits);
        Assert.Contains("repeats one sent before", Assert.Single(held.Refused).Message);
    }

    [Fact]
    public void Without_remittance_information_or_with_an_empty_one_the_purpose_is_read_from_the_further_details_of_the_transaction_then_the_entry_UA_3_2()
    {
        var withoutRemittance = Version08.Replace("<RmtInf>\n              <Ustrd>Оплата по рахунку № UA 2611 00009 8</Ustrd>\n            </RmtInf>", "");
        var inTransaction = withoutRemittance.Replace("<RltdPties>", "<AddtlTxInf>Оплата по рахунку № UA 2611 00009 8</AddtlTxInf><RltdPties>");
        var inEntry = withoutRemittance.Replace("</NtryDtls>\n      </Ntry>", "</NtryDtls>\n      <AddtlNtryInf>Оплата по рахунку UA-2611-00009-8</AddtlNtryInf></Ntry>");
        Assert.DoesNotContain("<RmtInf>", withoutRemittance);

        var emptyRemittance = inTransaction.Replace("<RltdPties>", "<RmtInf/><RltdPties>");
        Assert.Contains("<RmtInf/>", emptyRemittance);

        foreach (var xml in new[] { inTransaction, inEntry, emptyRemittance })
            Assert.Equal("UA-2611-00009-8", Assert.Single(InvoiceNumber.FindIn(Assert.Single(Read(xml).Credits).PaymentPurpose)).ToString());
    }

    [Fact]
    public void An_entry_without_the_banks_reference_or_details_is_known_by_its_entry_reference_within_its_message()
    {
        var start = Version08.IndexOf("<NtryDtls>", StringComparison.Ordinal);
        var xml = Version08.Remove(start, Version08.IndexOf("</NtryDtls>", start, StringComparison.Ordinal) + "</NtryDtls>".Length - start)
            .Replace("<AcctSvcrRef>ENTRY-7713-0001</AcctSvcrRef>", "");

        var credit = Assert.Single(Read(xml).Credits);

        Assert.Equal(("0001", true), (credit.TransactionReference, credit.ReferenceIsPayers));
    }
}
