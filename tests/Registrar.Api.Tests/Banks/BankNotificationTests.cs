using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api.Banks;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Matching;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>The bank endpoints on Azurite: what is recorded before what, and what becomes of each entry.</summary>
public sealed class BankNotificationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_bank_retry_after_a_crash_between_signature_and_record_is_accepted_and_applied_once()
    {
        var crashing = new CrashingOnFirstRecord();
        var bank = new BankHarness(azurite, crashing);
        crashing.Inner = new BankHarness(azurite).Messages;
        var order = await bank.OrderAsync(101);
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-CRASH-1", order.InvoiceNumber));
        var signature = bank.Sign(body);

        await Assert.ThrowsAsync<IOException>(() => bank.PostCamtAsync(body, signature));
        var retry = await bank.PostCamtAsync(body, signature);

        Assert.Equal(StatusCodes.Status200OK, Status(retry));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Single(bank.Events.Raised);
    }

    [Fact]
    public async Task The_answer_window_counts_from_the_post_so_a_body_slower_than_the_window_is_answered_202_at_once_and_still_applied()
    {
        var bank = new BankHarness(azurite, answerWithin: TimeSpan.FromSeconds(1));
        var order = await bank.OrderAsync(301);
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-SLOW-1", order.InvoiceNumber));

        var answer = await bank.PostCamtAsync(body, bodyArrivesAfter: TimeSpan.FromSeconds(1.2));

        Assert.Equal(StatusCodes.Status202Accepted, Status(answer));
        await Eventually(async () => await bank.InvoiceStatusAsync(order.InvoiceNumber) == InvoiceStatus.Paid);
    }

    [Fact]
    public async Task A_message_is_applied_from_the_bytes_just_recorded_without_reading_back_its_row_or_its_bytes()
    {
        var bank = new BankHarness(azurite);
        var first = CamtFiles.Utf8(CamtFiles.Credit("TX-ONCE-1", (await bank.OrderAsync(102)).InvoiceNumber));
        await bank.PostCamtAsync(first, bank.Sign(first));
        var order = await bank.OrderAsync(103);
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-ONCE-2", order.InvoiceNumber));
        bank.Meter.Reset();

        var answer = await bank.PostCamtAsync(body, bank.Sign(body));

        Assert.Equal(StatusCodes.Status200OK, Status(answer));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        // The row inserted, holding the body, with its signature spent in the same transaction, and marked processed, holding
        // the outcome: a file of one credit needs no blob.
        var used = bank.Meter.SnapshotByResource();
        long Used(string service) => used.Where(r => r.Key.StartsWith(service + " ", StringComparison.Ordinal) && r.Key.EndsWith("bankmessages", StringComparison.Ordinal)).Sum(r => r.Value);
        Assert.Equal((2L, 0L), (Used("table"), Used("blob")));
    }

    [Fact]
    public async Task An_entry_that_failed_once_is_judged_again_in_the_same_answer_and_applied_once()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(190);
        bank.Events.FailuresToCome = 1;

        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-AGAIN-1", order.InvoiceNumber)));

        Assert.Equal(StatusCodes.Status200OK, Status(answer));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Single(bank.Events.Raised);
    }

    [Fact]
    public async Task The_same_signed_request_after_it_was_recorded_is_a_replay_and_applies_nothing_more()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(102);
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-REPLAY-1", order.InvoiceNumber));
        var signature = bank.Sign(body);

        Assert.Equal(StatusCodes.Status200OK, Status(await bank.PostCamtAsync(body, signature)));
        Assert.Equal(StatusCodes.Status401Unauthorized, Status(await bank.PostCamtAsync(body, signature)));
        Assert.Single(bank.Events.Raised);
    }

    [Fact]
    public async Task A_401_names_the_scheme_it_accepts_in_WWW_Authenticate_RFC_9110_11_6_1()
    {
        var bank = new BankHarness(azurite);
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-FORGED-1", "KZ-2611-00001-3"));

        var forged = await RunAsync(await bank.PostCamtAsync(body, bank.Sign(body)[..^4] + "0000"));

        Assert.Equal(StatusCodes.Status401Unauthorized, forged.StatusCode);
        Assert.Equal("HMAC-SHA256 realm=\"banks\", header=\"X-Signature\"", forged.Headers.WWWAuthenticate.ToString());
    }

    [Theory]
    [InlineData("<Dt>0001-01-01</Dt>")]
    [InlineData("<DtTm>0001-01-01T00:00:00</DtTm>")]
    public async Task One_entry_booked_at_the_edge_of_the_calendar_is_held_with_its_reason_and_the_others_are_applied(string booking)
    {
        var bank = new BankHarness(azurite);
        var (first, second) = (await bank.OrderAsync(103), await bank.OrderAsync(104));
        var body = CamtFiles.Utf8(
            CamtFiles.Credit("TX-GOOD-1", first.InvoiceNumber),
            CamtFiles.Credit("TX-EDGE-1", "KZ-2611-00099-0", booking),
            CamtFiles.Credit("TX-GOOD-2", second.InvoiceNumber));

        var answer = await bank.PostCamtAsync(body);

        var receipt = Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!;
        Assert.Equal(["applied", "applied", "refused:Malformed"], receipt.Payments.Select(p => p.Result));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(first.InvoiceNumber));
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(second.InvoiceNumber));
        var held = Assert.Single(await bank.OpenReviewAsync());
        Assert.Contains("Ntry #2", held.Explanation);
    }

    [Theory]
    [InlineData("6000.005", "<DtTm>2026-11-24T10:30:00+05:00</DtTm>", "refused:AmountPrecision")]
    [InlineData("6000.00", "", "refused:Malformed")]
    public async Task A_message_whose_only_entry_cannot_be_read_is_recorded_and_the_entry_held_for_operations_not_refused(string amount, string booking, string outcome)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(107);

        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-ALONE-1", order.InvoiceNumber, booking, amount: amount)));

        Assert.Equal(outcome, Assert.Single(Receipt(answer).Payments).Result);
        Assert.Contains("Ntry #1", Assert.Single(await bank.OpenReviewAsync()).Explanation);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Theory]
    [InlineData("+6000.00", "<DtTm>2026-11-24T10:30:00+05:00</DtTm>")]
    [InlineData("6000.", "<DtTm>2026-11-24T10:30:00.123456789+05:00</DtTm>")]
    public async Task A_credit_written_in_any_xs_decimal_and_xs_dateTime_form_pays_its_invoice(string amount, string booking)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(108);

        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-FORM-1", order.InvoiceNumber, booking, amount: amount)));

        Assert.Equal("applied", Assert.Single(Receipt(answer).Payments).Result);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Fact]
    public async Task A_reversal_of_a_credit_that_paid_an_invoice_reaches_operations_with_the_invoice_and_its_registrations()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(105);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-PAID-1", order.InvoiceNumber)));

        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-PAID-1", order.InvoiceNumber, reversal: true, direction: "DBIT")));

        var receipt = Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!;
        Assert.Equal("held:" + ReversalReporter.ReversedPaidInvoice, Assert.Single(receipt.Payments).Result);
        Assert.Empty(receipt.Ignored);
        var item = Assert.Single(await bank.OpenReviewAsync());
        Assert.Equal(order.InvoiceNumber, item.Subject);
        Assert.Contains(RegistrationIds.For(order.OrderId, 0), item.Explanation);
    }

    [Fact]
    public async Task A_reversal_of_the_second_credit_under_a_reused_reference_is_not_taken_for_a_reversal_of_the_first()
    {
        var bank = new BankHarness(azurite);
        var (paid, other) = (await bank.OrderAsync(172), await bank.OrderAsync(173));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-REUSED-2", paid.InvoiceNumber)));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-REUSED-2", other.InvoiceNumber, amount: "9000.00")));

        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("TX-REUSED-2", paid.InvoiceNumber, reversal: true, direction: "DBIT", amount: "9000.00")));

        var reversal = Assert.Single(Receipt(answer).Payments);
        Assert.Equal(("held:" + ReversalReporter.ReversedHeldCredit, other.InvoiceNumber), (reversal.Result, reversal.Invoice));
        Assert.Equal(HeldPaymentAction.Reversed, (await bank.HeldPayments.GetAsync("halyk:TX-REUSED-2~9000KZT", default))!.Document.Resolution!.Action);
    }

    [Fact]
    public async Task A_reversal_that_names_no_paid_invoice_is_held_for_review_not_ignored()
    {
        var bank = new BankHarness(azurite);

        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-REV-2", "no invoice", reversal: true, direction: "DBIT")));

        Assert.Equal("held:" + ReversalReporter.Unmatched, Assert.Single(Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!.Payments).Result);
        Assert.Equal(ReversalReporter.Unmatched, Assert.Single(await bank.OpenReviewAsync()).Reason);
    }

    [Fact]
    public async Task A_reversed_debit_naming_a_paid_invoice_is_money_received_held_as_such_not_a_reversal_of_the_payment_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(174);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-RD-1", order.InvoiceNumber)));

        // ISO 20022 RvslInd on a CRDT entry: a debit of the registrar's undone, money coming in; it takes back no payment.
        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-RD-BACK", order.InvoiceNumber, reversal: true)));

        var entry = Assert.Single(Receipt(answer).Payments);
        Assert.Equal(("halyk:TX-RD-BACK", "held:ReturnedTransfer"), (entry.Reference, entry.Result));
        Assert.True((await bank.HeldPayments.GetAsync("halyk:TX-RD-BACK", default))!.Document.IsHeld);
        Assert.DoesNotContain(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.ReversedPaidInvoice);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Fact]
    public async Task A_credit_booked_months_before_its_invoice_was_issued_is_held_and_starts_nothing_KZ_2_1()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(106);

        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-EARLY-1", order.InvoiceNumber, "<Dt>2026-08-01</Dt>")));

        Assert.Equal("held:BookedBeforeInvoiceIssued", Assert.Single(Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!.Payments).Result);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Empty(bank.Events.Raised);
    }

    [Fact]
    public async Task A_bank_reference_that_comes_again_with_other_money_is_judged_as_the_credit_it_is_not_dropped_as_a_repeat()
    {
        var bank = new BankHarness(azurite);
        var (paid, other) = (await bank.OrderAsync(170), await bank.OrderAsync(171));
        var first = CamtFiles.Utf8(CamtFiles.Credit("TX-REUSED-1", paid.InvoiceNumber));
        var reused = CamtFiles.Utf8(CamtFiles.Credit("TX-REUSED-1", other.InvoiceNumber, amount: "9000.00"));
        var reusedAgain = CamtFiles.Utf8(CamtFiles.Credit("TX-REUSED-1", other.InvoiceNumber, amount: "9000"));

        await bank.PostCamtAsync(first);
        var answer = Assert.Single(Receipt(await bank.PostCamtAsync(reused)).Payments);
        var again = Assert.Single(Receipt(await bank.PostCamtAsync(reusedAgain)).Payments);

        Assert.Equal(("halyk:TX-REUSED-1~9000KZT", "held:Overpaid"), (answer.Reference, answer.Result));
        Assert.Equal(("halyk:TX-REUSED-1~9000KZT", "duplicate"), (again.Reference, again.Result));
        Assert.Equal(9000m, (await bank.HeldPayments.GetAsync("halyk:TX-REUSED-1~9000KZT", default))!.Document.Credit.Amount);
        Assert.Equal((InvoiceStatus.Paid, InvoiceStatus.Open), (await bank.InvoiceStatusAsync(paid.InvoiceNumber), await bank.InvoiceStatusAsync(other.InvoiceNumber)));
    }

    [Fact]
    public async Task A_bank_reference_reused_with_the_same_money_for_another_invoice_is_judged_as_the_credit_it_is_not_dropped_as_a_repeat_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var (paid, other) = (await bank.OrderAsync(172), await bank.OrderAsync(173));
        // Another payer's transfer, booked the same day for the same money: only its purpose tells it from the first.
        var reused = CamtFiles.Utf8(CamtFiles.Credit("TX-REUSED-2", other.InvoiceNumber));
        var reusedAgain = CamtFiles.Utf8(CamtFiles.Credit("TX-REUSED-2", other.InvoiceNumber, amount: "6000"));

        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-REUSED-2", paid.InvoiceNumber)));
        var answer = Assert.Single(Receipt(await bank.PostCamtAsync(reused)).Payments);
        var again = Assert.Single(Receipt(await bank.PostCamtAsync(reusedAgain)).Payments);

        Assert.Equal(("applied", other.InvoiceNumber), (answer.Result, answer.Invoice));
        Assert.StartsWith("halyk:TX-REUSED-2~6000KZT~20261124-", answer.Reference);
        Assert.Equal((answer.Reference, "duplicate"), (again.Reference, again.Result));
        Assert.Equal((InvoiceStatus.Paid, InvoiceStatus.Paid), (await bank.InvoiceStatusAsync(paid.InvoiceNumber), await bank.InvoiceStatusAsync(other.InvoiceNumber)));
        Assert.Equal(2, bank.Events.Raised.Count);
    }

    [Fact]
    public async Task A_file_of_three_hundred_credits_is_recorded_whole_and_every_invoice_is_paid_once()
    {
        var bank = new BankHarness(azurite);
        var orders = new List<Order>();
        for (var i = 0; i < 300; i++) orders.Add(await bank.OrderAsync(1000 + i));
        var body = CamtFiles.Utf8([.. orders.Select((o, i) => CamtFiles.Credit($"TX-BULK-{i}", o.InvoiceNumber))]);
        Assert.True(body.Length > 121 * 1024);

        var status = Status(await bank.PostCamtAsync(body));

        Assert.Contains(status, new[] { StatusCodes.Status200OK, StatusCodes.Status202Accepted });
        await Eventually(async () => bank.Events.Raised.Count == 300 && (await bank.Messages.ListUnprocessedAsync(default).ToListAsync()).Count == 0);
        foreach (var order in orders) Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Fact]
    public async Task Credits_and_their_reversals_in_one_file_pay_nothing_and_each_reversal_finds_its_credit_KZ_3_2_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var orders = new List<Order>();
        for (var i = 0; i < 24; i++) orders.Add(await bank.OrderAsync(400 + i));
        var body = CamtFiles.Utf8([.. orders.SelectMany((o, i) => new[]
        {
            CamtFiles.Credit($"TX-PAIR-{i}", o.InvoiceNumber),
            CamtFiles.Credit($"TX-PAIR-{i}", o.InvoiceNumber, reversal: true, direction: "DBIT"),
        })]);

        var receipt = Receipt(await bank.PostCamtAsync(body));

        var reversals = receipt.Payments.Where(p => p.Reference.EndsWith(":reversal", StringComparison.Ordinal)).ToList();
        var credits = receipt.Payments.Except(reversals).ToList();
        Assert.Equal((24, 24), (reversals.Count, credits.Count));
        Assert.All(credits, p => Assert.Equal("held:" + nameof(HoldReason.ReversedBeforeApplied), p.Result));
        Assert.All(reversals, p => Assert.Equal("held:" + ReversalReporter.ReversedHeldCredit, p.Result));
        Assert.Empty(bank.Events.Raised);
        foreach (var order in orders) Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Fact]
    public async Task Credits_racing_for_one_invoice_pay_it_once_and_the_others_are_held_naming_it_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(430);
        var body = CamtFiles.Utf8([.. Enumerable.Range(0, 16).Select(i => CamtFiles.Credit($"TX-RACE-{i}", order.InvoiceNumber))]);

        var receipt = Receipt(await bank.PostCamtAsync(body));

        Assert.Single(receipt.Payments, p => p.Result == "applied");
        Assert.All(receipt.Payments, p => Assert.Equal(order.InvoiceNumber, p.Invoice));
        var held = await bank.HeldPayments.ListHeldAsync(default).ToListAsync();
        Assert.Equal(15, held.Count);
        Assert.All(held, p => Assert.Equal(order.InvoiceNumber, p.InvoiceNumber));
    }

    [Fact]
    public async Task Two_payers_credits_under_the_same_EndToEndId_and_amount_in_two_files_each_pay_their_invoice()
    {
        var bank = new BankHarness(azurite);
        var (first, second) = (await bank.OrderAsync(440), await bank.OrderAsync(441));

        var one = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(PayersCredit("INV-PAYMENT-1", first.InvoiceNumber)))).Payments);
        var other = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(PayersCredit("INV-PAYMENT-1", second.InvoiceNumber)))).Payments);

        Assert.Equal(("applied", "applied"), (one.Result, other.Result));
        Assert.Equal((InvoiceStatus.Paid, InvoiceStatus.Paid), (await bank.InvoiceStatusAsync(first.InvoiceNumber), await bank.InvoiceStatusAsync(second.InvoiceNumber)));
    }

    [Fact]
    public async Task Credits_alike_within_one_message_are_distinct_credits_and_that_message_sent_again_applies_nothing_more()
    {
        var bank = new BankHarness(azurite);
        var (first, second, third) = (await bank.OrderAsync(442), await bank.OrderAsync(443), await bank.OrderAsync(444));
        // A batch entry whose transactions repeat the entry's own reference, beside two entries under one EndToEndId.
        var batch = $"""
            <Ntry><Amt Ccy="KZT">12000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><DtTm>2026-11-24T10:30:00+05:00</DtTm></BookgDt>
              <AcctSvcrRef>BATCH-1</AcctSvcrRef><NtryDtls>
              <TxDtls><Refs><AcctSvcrRef>BATCH-1</AcctSvcrRef></Refs><Amt Ccy="KZT">6000.00</Amt><RmtInf><Ustrd>Оплата по счету {first.InvoiceNumber}</Ustrd></RmtInf></TxDtls>
              <TxDtls><Refs><AcctSvcrRef>BATCH-1</AcctSvcrRef></Refs><Amt Ccy="KZT">6000.00</Amt><RmtInf><Ustrd>Оплата по счету {second.InvoiceNumber}</Ustrd></RmtInf></TxDtls>
              </NtryDtls></Ntry>
            """;
        var message = Encoding.UTF8.GetString(CamtFiles.Utf8(batch, PayersCredit("E2E-1", third.InvoiceNumber), PayersCredit("E2E-1", "no invoice")));
        // The bank sends the same message (its MsgId) again, written anew.
        var again = message.Replace("<CreDtTm>2026-11-24T10:31:00+05:00</CreDtTm></GrpHdr>", "<CreDtTm>2026-11-24T10:45:00+05:00</CreDtTm></GrpHdr>", StringComparison.Ordinal);

        var receipt = Receipt(await bank.PostCamtAsync(Encoding.UTF8.GetBytes(message)));
        var repeat = Receipt(await bank.PostCamtAsync(Encoding.UTF8.GetBytes(again)));

        Assert.Equal(4, receipt.Payments.Select(p => p.Reference).Distinct().Count());
        Assert.Equal(["applied", "applied", "applied", "held:NoInvoiceNumberInPurpose"], receipt.Payments.Select(p => p.Result));
        Assert.All(repeat.Payments, p => Assert.Equal("duplicate", p.Result));
        Assert.Equal(receipt.Payments.Select(p => p.Reference), repeat.Payments.Select(p => p.Reference));
        Assert.Equal(3, bank.Events.Raised.Count);
    }

    [Theory]
    [InlineData("<Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly>", "</RmtInf>")]
    [InlineData("<Fmly><Cd>RCDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly>", "</RmtInf>")]
    [InlineData("<Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly>", "</RmtInf><RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>")]
    public async Task A_transfer_of_ours_sent_back_is_held_with_its_reason_and_pays_no_invoice_its_purpose_names_ISO_20022_RRTN(string family, string remittanceEnd)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(450);
        var returned = CamtFiles.Credit("TX-RETURN-1", order.InvoiceNumber, purpose: "Возврат платежа по счету")
            .Replace("<Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly>", family, StringComparison.Ordinal)
            .Replace("</RmtInf>", remittanceEnd, StringComparison.Ordinal);

        var answer = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(returned))).Payments);

        Assert.Equal("held:ReturnedTransfer", answer.Result);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Empty(bank.Events.Raised);
        Assert.Null((await bank.HeldPayments.GetAsync("halyk:TX-RETURN-1", default))!.Document.CountsToward);
    }

    /// <summary>A credit known only by the EndToEndId its payer chose: no reference of the bank's.</summary>
    private static string PayersCredit(string endToEndId, string invoice) => $"""
        <Ntry><Amt Ccy="KZT">6000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><DtTm>2026-11-24T10:30:00+05:00</DtTm></BookgDt>
          <NtryDtls><TxDtls><Refs><EndToEndId>{endToEndId}</EndToEndId></Refs><Amt Ccy="KZT">6000.00</Amt>
            <RmtInf><Ustrd>Оплата по счету {invoice}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
        """;

    private static BankNotificationReceipt Receipt(IResult result) => Assert.IsType<Ok<BankNotificationReceipt>>(result).Value!;

    private static int Status(IResult result) => ((IStatusCodeHttpResult)result).StatusCode!.Value;

    private static async Task<HttpResponse> RunAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return context.Response;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not within 120 s");
            await Task.Delay(200);
        }
    }

    /// <summary>The host stops while recording the first delivery: nothing is recorded, the bank sends it again.</summary>
    private sealed class CrashingOnFirstRecord : DelegatingBankMessageStore
    {
        private int _calls;

        public override Task<RecordedBankMessage> RecordAsync(BankMessageOrigin origin, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt,
            SignatureToSpend? signature, CancellationToken ct) =>
            Interlocked.Increment(ref _calls) == 1 ? throw new IOException("The host stopped.") : base.RecordAsync(origin, body, receivedAt, signature, ct);
    }
}
