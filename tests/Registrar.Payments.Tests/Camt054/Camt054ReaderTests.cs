using System.Text;
using Registrar.Payments.Camt054;
using Registrar.Payments.Invoices;
using Registrar.Payments.Notifications;
using Registrar.Payments.Tests.Samples;

namespace Registrar.Payments.Tests.Camt054;

public sealed class Camt054ReaderTests
{
    private readonly Camt054Reader _reader = new(new Camt054ReaderOptions());

    private NotificationReadResult Read(string sample, TimeZoneInfo zone) => _reader.Read("bank-1", SampleFiles.Camt054(sample), zone);

    [Fact]
    public void Version_02_credit_with_a_booking_date_counts_from_the_start_of_that_day_in_the_bank_zone_KZ_3_5()
    {
        var result = Read("camt.054.001.02-single-credit-date-only.xml", SampleFiles.Almaty);

        var credit = Assert.Single(result.Credits);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(5)), credit.BookedAt);
        Assert.Equal(("bank-1", "KASPI-7781200451", 15000.00m, "KZT"), (credit.BankId, credit.TransactionReference, credit.Amount, credit.CurrencyCode));
        Assert.Equal("ТОО \"Ромашка\"", credit.PayerName);
        Assert.Equal("KZ86125KZT5004100100", credit.PayerAccount);
        Assert.Equal("Оплата по счету № KZ 2611 00042 7 за регистрацию домена romashka.kz, без НДС", credit.PaymentPurpose);
        Assert.Equal("CASPKZKA-20261124-000187", credit.MessageReference);
    }

    [Fact]
    public void Version_04_batch_gives_one_credit_per_transaction_and_skips_the_debit_and_the_pending_entry()
    {
        var result = Read("camt.054.001.04-batch-debit-pending.xml", SampleFiles.Almaty);

        Assert.True(result.IsAccepted);
        Assert.Equal(["HB-TX-55120-1", "HB-BATCH-55120/2", "HB-BATCH-55120/3"], result.Credits.Select(c => c.TransactionReference));
        Assert.All(result.Credits, c => Assert.Equal(15000.00m, c.Amount));
        Assert.All(result.Credits, c => Assert.Equal(DateTimeOffset.Parse("2026-11-24T16:30:05+05:00"), c.BookedAt));
        Assert.Equal("ИП Сапаров А.", result.Credits[0].PayerName);
        Assert.Collection(result.Ignored,
            debit => Assert.Contains("debit", debit),
            pending => Assert.Contains("PDNG", pending));
    }

    [Fact]
    public void A_batch_whose_transactions_do_not_add_up_to_the_booked_entry_is_refused_whole_and_the_other_entries_stand()
    {
        var batch = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.04-batch-debit-pending.xml"));
        var shortBatch = batch.Replace("<TtlAmt Ccy=\"KZT\">45000.00</TtlAmt>", "")
            .Replace("<Amt Ccy=\"KZT\">45000.00</Amt>", "<Amt Ccy=\"KZT\">46000.00</Amt>")
            .Replace("<Sts>PDNG</Sts>", "<Sts>BOOK</Sts><BookgDt><Dt>2026-11-25</Dt></BookgDt>");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(shortBatch), SampleFiles.Almaty);

        Assert.True(result.IsAccepted);
        Assert.Equal("HB-PEND-0100", Assert.Single(result.Credits).TransactionReference);
        var refused = Assert.Single(result.Refused);
        Assert.Equal(NotificationRejectionReason.Malformed, refused.Reason);
        Assert.Contains("add up to 45000.00 KZT, but the entry books 46000.00 KZT", refused.Message);
        Assert.Single(result.Ignored, i => i.Contains("debit"));
    }

    [Theory]
    [InlineData("<TtlAmt Ccy=\"KZT\">4500.00</TtlAmt>", "the batch totals (<Btch><TtlAmt>) come to 4500.00 KZT, but the entry books 45000.00 KZT")]
    [InlineData("<TtlAmt Ccy=\"USD\">45000.00</TtlAmt>", "<Btch><TtlAmt> is in USD, but the entry books KZT")]
    public void A_batch_entry_whose_stated_total_contradicts_the_entry_is_refused_whole_and_the_other_entries_stand(string total, string why)
    {
        var batch = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.04-batch-debit-pending.xml"));
        var contradicted = batch.Replace("<TtlAmt Ccy=\"KZT\">45000.00</TtlAmt>", total)
            .Replace("<Sts>PDNG</Sts>", "<Sts>BOOK</Sts><BookgDt><Dt>2026-11-25</Dt></BookgDt>");
        Assert.Contains(total, contradicted);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(contradicted), SampleFiles.Almaty);

        Assert.Equal("HB-PEND-0100", Assert.Single(result.Credits).TransactionReference);
        Assert.Contains(why, Assert.Single(result.Refused).Message);
    }

    [Theory]
    [InlineData("<Amt Ccy=\"USD\">0.01</Amt><CdtDbtInd>CRDT</CdtDbtInd>", "a transaction in USD")]
    [InlineData("<CdtDbtInd>DBIT</CdtDbtInd>", "a debit without an amount")]
    public void A_batch_entry_whose_transactions_cannot_all_be_summed_is_held_whole_not_applied(string oddTransaction, string why)
    {
        var batch = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.04-batch-debit-pending.xml"));
        var overclaimed = batch.Replace("<TtlAmt Ccy=\"KZT\">45000.00</TtlAmt>", "")
            .Replace("<Amt Ccy=\"KZT\">45000.00</Amt>", "<Amt Ccy=\"KZT\">15000.00</Amt>")
            .Replace("<Amt Ccy=\"KZT\">15000.00</Amt>\n            <CdtDbtInd>CRDT</CdtDbtInd>\n            <RmtInf><Ustrd>за домен", oddTransaction + "<RmtInf><Ustrd>за домен")
            .Replace("<Sts>PDNG</Sts>", "<Sts>BOOK</Sts><BookgDt><Dt>2026-11-25</Dt></BookgDt>");
        Assert.Contains(oddTransaction, overclaimed);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(overclaimed), SampleFiles.Almaty);

        Assert.Equal("HB-PEND-0100", Assert.Single(result.Credits).TransactionReference);
        var refused = Assert.Single(result.Refused);
        Assert.Contains("cannot be shown to add up to the 15000.00 KZT the entry books", refused.Message);
        Assert.Contains(why, refused.Message);
    }

    [Fact]
    public void A_batch_whose_transactions_are_too_large_to_add_up_is_refused_as_one_entry_and_the_others_stand()
    {
        // Each amount is a decimal a bank can write; their sum is beyond any: the entry cannot be read, the message still can.
        const string huge = "79228162514264337593543950335";
        var batch = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.04-batch-debit-pending.xml"));
        var overflowing = batch.Replace("<Amt Ccy=\"KZT\">15000.00</Amt>", $"<Amt Ccy=\"KZT\">{huge}</Amt>")
            .Replace("<Sts>PDNG</Sts>", "<Sts>BOOK</Sts><BookgDt><Dt>2026-11-25</Dt></BookgDt>");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(overflowing), SampleFiles.Almaty);

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal("HB-PEND-0100", Assert.Single(result.Credits).TransactionReference);
        Assert.Contains("cannot be shown to add up", Assert.Single(result.Refused).Message);
    }

    [Fact]
    public void A_debit_inside_a_credit_batch_is_netted_against_the_entry_before_the_credits_are_kept()
    {
        var batch = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.04-batch-debit-pending.xml"));
        var withDebit = batch.Replace("<Amt Ccy=\"KZT\">45000.00</Amt>", "<Amt Ccy=\"KZT\">44000.00</Amt>").Replace("<NbOfTxs>3</NbOfTxs>", "<NbOfTxs>4</NbOfTxs>")
            .Replace("<TtlAmt Ccy=\"KZT\">45000.00</TtlAmt>", "<TtlAmt Ccy=\"KZT\">44000.00</TtlAmt>")
            .Replace("<TxDtls>\n            <Amt Ccy=\"KZT\">15000.00</Amt>\n            <CdtDbtInd>CRDT</CdtDbtInd>\n            <RmtInf><Ustrd>за домен",
                "<TxDtls><Amt Ccy=\"KZT\">1000.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls>\n          <TxDtls>\n            <Amt Ccy=\"KZT\">15000.00</Amt>\n            <CdtDbtInd>CRDT</CdtDbtInd>\n            <RmtInf><Ustrd>за домен");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(withDebit), SampleFiles.Almaty);

        Assert.Empty(result.Refused);
        Assert.Equal(3, result.Credits.Count);
        Assert.Contains(result.Ignored, i => i.Contains("a debit inside a credit entry"));
    }

    [Theory]
    [InlineData("450.00", "12.50", "USD", 450.00)]
    [InlineData("440.00", "450.00", "UAH", 440.00)]
    public void A_transaction_is_credited_with_its_booked_amount_not_the_interbank_amount_beside_it(string booked, string interbank, string interbankCurrency, decimal credited)
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"))
            .Replace("<Amt Ccy=\"UAH\">450.00</Amt>", $"<Amt Ccy=\"UAH\">{booked}</Amt>")
            .Replace($"<TxAmt><Amt Ccy=\"UAH\">{booked}</Amt></TxAmt>", $"<TxAmt><Amt Ccy=\"{interbankCurrency}\">{interbank}</Amt></TxAmt>");
        Assert.Contains($"<TxAmt><Amt Ccy=\"{interbankCurrency}\">{interbank}</Amt></TxAmt>", xml);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        Assert.Empty(result.Refused);
        var credit = Assert.Single(result.Credits);
        Assert.Equal((credited, "UAH"), (credit.Amount, credit.CurrencyCode));
    }

    [Fact]
    public void A_reversed_credit_entry_gives_back_a_debit_so_it_is_money_received_and_held_not_a_reversal_of_a_payment_UA_3_2()
    {
        // ISO 20022 RvslInd: on a CRDT entry the original operation was a debit; only a reversed DBIT entry takes back a credit.
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"))
            .Replace("<CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts><Cd>BOOK", "<CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd>\n        <Sts><Cd>BOOK");
        Assert.Contains("<RvslInd>true</RvslInd>", xml);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        Assert.Empty(result.Reversals);
        var credit = Assert.Single(result.Credits);
        Assert.Equal((450.00m, "UAH", true), (credit.Amount, credit.CurrencyCode, credit.IsReturnedTransfer));
    }

    [Fact]
    public void Version_06_reads_several_notifications_structured_references_and_local_booking_times_UA_3_4()
    {
        var result = Read("camt.054.001.06-two-accounts-local-time.xml", SampleFiles.Kyiv);

        Assert.Equal(2, result.Credits.Count);
        Assert.Equal("UA-2611-00007-9", result.Credits[0].PaymentPurpose);
        Assert.Equal("PB-26112400917", result.Credits[0].TransactionReference);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 55, 31, TimeSpan.FromHours(2)), result.Credits[0].BookedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 58, 2, 250, TimeSpan.FromHours(2)), result.Credits[1].BookedAt);
        Assert.Equal("Оплата за реєстрацію доменів згідно рахунку UA 2611 00008 7, без ПДВ", result.Credits[1].PaymentPurpose);
    }

    [Fact]
    public void Version_08_reads_the_status_code_choice_and_the_debtor_party_choice()
    {
        var result = Read("camt.054.001.08-code-status-party-choice.xml", SampleFiles.Kyiv);

        var credit = Assert.Single(result.Credits);
        Assert.Equal("UNJS-TX-88231", credit.TransactionReference);
        Assert.Equal("Шевченко Тарас Григорович", credit.PayerName);
        Assert.Equal("5375411234567890", credit.PayerAccount);
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T11:59:48.120+02:00"), credit.BookedAt);
        Assert.Equal(2, result.Ignored.Count);
    }

    [Theory]
    [InlineData("camt.054.001.09")]
    [InlineData("camt.054.001.10")]
    [InlineData("camt.054.001.11")]
    [InlineData("camt.054.001.12")]
    [InlineData("camt.054.001.13")]
    public void Versions_09_to_13_keep_the_shape_of_08_and_are_read_as_it_is(string version)
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml")).Replace("camt.054.001.08", version);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        var credit = Assert.Single(result.Credits);
        Assert.Equal(("UNJS-TX-88231", "Шевченко Тарас Григорович"), (credit.TransactionReference, credit.PayerName));
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T11:59:48.120+02:00"), credit.BookedAt);
    }

    [Fact]
    public void A_refusal_names_the_versions_read_with_two_digits()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml")).Replace("camt.054.001.02", "camt.054.001.14");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Almaty);

        Assert.Contains("camt.054.001.02 to camt.054.001.13", result.Rejection!.Message);
    }

    [Fact]
    public void An_unknown_currency_is_not_a_parse_error_it_is_passed_on_for_a_wrong_currency_hold()
    {
        var result = Read("camt.054.001.07-foreign-currency.xml", SampleFiles.Kyiv);

        var credit = Assert.Single(result.Credits);
        Assert.Equal(("USD", 12.00m), (credit.CurrencyCode, credit.Amount));
    }

    [Fact]
    public void The_status_shape_must_match_the_version()
    {
        var v08Shape = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"))
            .Replace("camt.054.001.08", "camt.054.001.05");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(v08Shape), SampleFiles.Kyiv);

        Assert.Empty(result.Credits);
        Assert.All(result.Refused, r => Assert.Contains("<Sts>BOOK</Sts>", r.Message));
    }

    [Theory]
    [InlineData("camt.054.001.01", NotificationRejectionReason.UnsupportedVersion)]
    [InlineData("camt.054.001.14", NotificationRejectionReason.UnsupportedVersion)]
    [InlineData("camt.054.001.9", NotificationRejectionReason.UnsupportedVersion)]
    [InlineData("camt.053.001.02", NotificationRejectionReason.UnsupportedMessage)]
    public void Other_versions_and_messages_are_refused_by_namespace(string message, NotificationRejectionReason reason)
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml"))
            .Replace("camt.054.001.02", message);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Almaty);

        Assert.Equal(reason, result.Rejection?.Reason);
    }

    [Fact]
    public void A_booked_credit_without_any_reference_is_refused_because_it_could_not_be_deduplicated()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml"))
            .Replace("<AcctSvcrRef>KASPI-7781200451</AcctSvcrRef>", "");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Almaty);

        var refused = Assert.Single(result.Refused);
        Assert.Equal(NotificationRejectionReason.Malformed, refused.Reason);
        Assert.Contains("EndToEndId", refused.Message);
    }

    [Fact]
    public void A_credit_without_the_banks_reference_or_an_EndToEndId_is_known_by_its_interbank_TxId_within_its_message()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"))
            .Replace("<AcctSvcrRef>ENTRY-7713-0001</AcctSvcrRef>", "")
            .Replace("<AcctSvcrRef>UNJS-TX-88231</AcctSvcrRef>\n              <EndToEndId>NOTPROVIDED</EndToEndId>",
                "<InstrId>I-1</InstrId><EndToEndId>NOTPROVIDED</EndToEndId><TxId>PB-TXID-5501</TxId>");
        Assert.Contains("<TxId>PB-TXID-5501</TxId>", xml);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        Assert.Empty(result.Refused);
        var credit = Assert.Single(result.Credits);
        Assert.Equal(("PB-TXID-5501", true), (credit.TransactionReference, credit.ReferenceIsPayers));
    }

    [Fact]
    public void A_booked_credit_without_a_booking_date_is_refused_KZ_3_5()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml"))
            .Replace("<BookgDt><Dt>2026-11-24</Dt></BookgDt>", "");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Almaty);

        var refused = Assert.Single(result.Refused);
        Assert.Equal(NotificationRejectionReason.Malformed, refused.Reason);
        Assert.Contains("KZ-3.5", refused.Message);
    }

    [Fact]
    public void Trailing_zero_decimals_within_the_schema_are_accepted_but_real_sub_kopeck_amounts_are_not()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml"));

        var padded = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml.Replace(">15000.00<", ">15000.00000<")), SampleFiles.Almaty);
        var precise = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml.Replace(">15000.00<", ">15000.005<")), SampleFiles.Almaty);

        Assert.Equal(15000m, Assert.Single(padded.Credits).Amount);
        Assert.Equal(NotificationRejectionReason.AmountPrecision, Assert.Single(precise.Refused).Reason);
    }

    /// <summary>UA-3.2: a partial or odd amount is held, never guessed. A fraction too long for a decimal's 28 digits would be
    /// rounded by parsing it; the written digits are judged instead.</summary>
    [Fact]
    public void A_sub_kopeck_remainder_beyond_a_decimals_precision_is_refused_not_rounded_away_UA_3_2()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml"))
            .Replace(">15000.00<", ">15000.0000000000000000000000001<");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Almaty);

        Assert.Empty(result.Credits);
        Assert.Equal(NotificationRejectionReason.AmountPrecision, Assert.Single(result.Refused).Reason);
    }

    [Theory]
    [InlineData("+15000.00")]
    [InlineData("15000.")]
    [InlineData(" +15000 ")]
    public void An_amount_in_any_xs_decimal_form_is_read_as_its_value(string written)
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml")).Replace(">15000.00<", $">{written}<");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Almaty);

        Assert.Equal(15000m, Assert.Single(result.Credits).Amount);
    }

    [Fact]
    public void A_booking_time_with_nanoseconds_is_read_to_the_tick()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"))
            .Replace("2026-11-24T11:59:48.120+02:00", "2026-11-24T11:59:48.123456789+02:00");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        Assert.Equal(DateTimeOffset.Parse("2026-11-24T11:59:48.1234567+02:00"), Assert.Single(result.Credits).BookedAt);
    }

    [Theory]
    [InlineData(">15000.00<", ">15000.005<", NotificationRejectionReason.AmountPrecision)]
    [InlineData(">15000.00<", ">1.5E4<", NotificationRejectionReason.Malformed)]
    [InlineData("<BookgDt><Dt>2026-11-24</Dt></BookgDt>", "", NotificationRejectionReason.Malformed)]
    public void A_message_whose_only_entry_cannot_be_read_is_accepted_with_the_entry_held_for_operations(string written, string instead, NotificationRejectionReason reason)
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml")).Replace(written, instead);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Almaty);

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Empty(result.Credits);
        var refused = Assert.Single(result.Refused);
        Assert.Equal((reason, "Ntfctn 'NTF-20261124-000187', Ntry #1"), (refused.Reason, refused.Position));
    }

    [Fact]
    public void Refused_entries_of_two_notifications_sharing_an_id_are_held_each_under_its_own_position_UA_3_2()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"));
        var notification = xml[xml.IndexOf("<Ntfctn>", StringComparison.Ordinal)..(xml.IndexOf("</Ntfctn>", StringComparison.Ordinal) + "</Ntfctn>".Length)];
        var unreadable = notification.Replace(">450.00<", ">450.005<");
        xml = xml.Replace(notification, unreadable + unreadable.Replace("UNJS-TX-88231", "UNJS-TX-88232"));

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        Assert.Equal(["Ntfctn '7713-1', Ntry #1", "Ntfctn #2 '7713-1', Ntry #1"], result.Refused.Select(r => r.Position));
    }

    [Fact]
    public void A_referred_document_number_in_structured_remittance_is_part_of_the_purpose_UA_3_2()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.06-two-accounts-local-time.xml"))
            .Replace("<CdtrRefInf>\n                  <Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>\n                  <Ref>UA-2611-00007-9</Ref>\n                </CdtrRefInf>",
                "<RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>UA-2611-00007-9</Nb></RfrdDocInf>");
        Assert.DoesNotContain("CdtrRefInf", xml);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        Assert.Equal("UA-2611-00007-9", result.Credits[0].PaymentPurpose);
    }

    [Fact]
    public void An_invoice_number_in_the_additional_remittance_text_of_structured_remittance_is_part_of_the_purpose_UA_3_2()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"))
            .Replace("<Ustrd>Оплата по рахунку № UA 2611 00009 8</Ustrd>", "<Strd><AddtlRmtInf>Оплата по рахунку № UA 2611 00009 8</AddtlRmtInf></Strd>");
        Assert.Contains("<AddtlRmtInf>", xml);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        Assert.Equal("Оплата по рахунку № UA 2611 00009 8", Assert.Single(result.Credits).PaymentPurpose);
    }

    [Fact]
    public void An_invoice_number_cut_between_two_unstructured_remittance_lines_is_found_in_the_purpose_ISO20022_UA_3_2()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"))
            .Replace("<Ustrd>Оплата по рахунку № UA 2611 00009 8</Ustrd>", "<Ustrd>Оплата по рахунку № U</Ustrd><Ustrd>A 2611 00009 8</Ustrd>");
        Assert.Contains("<Ustrd>A 2611", xml);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        Assert.Equal("UA-2611-00009-8", Assert.Single(InvoiceNumber.FindIn(Assert.Single(result.Credits).PaymentPurpose)).ToString());
    }

    [Fact]
    public void A_single_transaction_without_its_own_amount_is_credited_with_the_entry_amount_not_the_instructed_foreign_one()
    {
        // A payer's 11.00 USD converted and booked as 450.00 UAH: TxDtls has no Amt, AmtDtls gives the amounts before conversion.
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.08-code-status-party-choice.xml"))
            .Replace("<Amt Ccy=\"UAH\">450.00</Amt>\n            <CdtDbtInd>CRDT</CdtDbtInd>\n", "<CdtDbtInd>CRDT</CdtDbtInd>\n")
            .Replace("<TxAmt><Amt Ccy=\"UAH\">450.00</Amt></TxAmt>", "<InstdAmt><Amt Ccy=\"USD\">11.00</Amt></InstdAmt><TxAmt><Amt Ccy=\"USD\">11.00</Amt></TxAmt>");
        Assert.Contains("<TxAmt><Amt Ccy=\"USD\">11.00</Amt></TxAmt>", xml);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Kyiv);

        Assert.Empty(result.Refused);
        var credit = Assert.Single(result.Credits);
        Assert.Equal((450.00m, "UAH"), (credit.Amount, credit.CurrencyCode));
    }

    [Theory]
    [InlineData("2026-11-24+05:00", 5)]
    [InlineData("2026-11-24Z", 0)]
    [InlineData("2026-11-24-03:00", -3)]
    public void A_booking_date_with_a_time_zone_counts_from_the_start_of_that_day_at_its_offset_KZ_3_5(string date, int offsetHours)
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml"))
            .Replace("<BookgDt><Dt>2026-11-24</Dt></BookgDt>", $"<BookgDt><Dt>{date}</Dt></BookgDt>");
        Assert.Contains(date, xml);

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Almaty);

        Assert.Empty(result.Refused);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(offsetHours)), Assert.Single(result.Credits).BookedAt);
    }

    [Fact]
    public void A_document_nested_deeper_than_any_camt054_is_refused_as_it_is_read()
    {
        var xml = Encoding.UTF8.GetString(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml"))
            .Replace("</Ntry>", string.Concat(Enumerable.Repeat("<a>", 100)) + string.Concat(Enumerable.Repeat("</a>", 100)) + "</Ntry>");

        var result = _reader.Read("bank-1", Encoding.UTF8.GetBytes(xml), SampleFiles.Almaty);

        Assert.Equal(NotificationRejectionReason.Malformed, result.Rejection?.Reason);
        Assert.Contains("deeper than 64 levels", result.Rejection!.Message);
    }

    [Fact]
    public void A_document_type_declaration_is_refused_in_UTF_16_too()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE d [<!ENTITY x \"x\">]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\"/>";

        var result = _reader.Read("bank-1", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray(), SampleFiles.Kyiv);

        Assert.Equal(NotificationRejectionReason.DtdForbidden, result.Rejection?.Reason);
    }

    /// <summary>A sample written again in windows-1251, as banks of the region often send it, its declaration saying so.</summary>
    private static byte[] InWindows1251(string sample, string declared = "windows-1251")
    {
        var text = Encoding.UTF8.GetString(SampleFiles.Camt054(sample)).Replace("encoding=\"UTF-8\"", $"encoding=\"{declared}\"", StringComparison.Ordinal);
        return CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(text);
    }

    [Fact]
    public void A_notification_declared_windows_1251_reads_its_payer_and_purpose_as_the_bank_wrote_them()
    {
        var result = _reader.Read("bank-1", InWindows1251("camt.054.001.02-single-credit-date-only.xml"), SampleFiles.Almaty);

        var credit = Assert.Single(result.Credits);
        Assert.Equal("ТОО \"Ромашка\"", credit.PayerName);
        Assert.Equal("Оплата по счету № KZ 2611 00042 7 за регистрацию домена romashka.kz, без НДС", credit.PaymentPurpose);
    }

    [Fact]
    public void A_notification_whose_bytes_are_not_in_the_encoding_it_declares_is_refused_as_malformed()
    {
        var result = _reader.Read("bank-1", InWindows1251("camt.054.001.02-single-credit-date-only.xml", declared: "UTF-8"), SampleFiles.Almaty);

        Assert.Equal(NotificationRejectionReason.Malformed, result.Rejection?.Reason);
        Assert.Contains("encoding", result.Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notification_in_windows_1251_named_only_by_its_media_type_charset_is_read_in_it_RFC_7303_section_3_2()
    {
        var body = InWindows1251("camt.054.001.02-single-credit-date-only.xml", declared: "UTF-8");

        var result = _reader.Read("bank-1", body, SampleFiles.Almaty, charset: "windows-1251");

        var credit = Assert.Single(result.Credits);
        Assert.Equal("ТОО \"Ромашка\"", credit.PayerName);
    }

    [Fact]
    public void A_byte_order_mark_comes_before_the_media_type_charset_RFC_7303_section_3_3()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(SampleFiles.Camt054("camt.054.001.02-single-credit-date-only.xml")).ToArray();

        var result = _reader.Read("bank-1", body, SampleFiles.Almaty, charset: "windows-1251");

        Assert.Equal("ТОО \"Ромашка\"", Assert.Single(result.Credits).PayerName);
    }
}
