using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Api.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>UA-3.2: a credit in a bank message the reader could not read is read by operations, and judged as the bank's own.</summary>
public sealed class ReadCreditTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Booked = "2026-11-24T10:30:00+05:00";

    [Fact]
    public async Task A_credit_operations_read_from_an_entry_under_an_unknown_status_pays_its_invoice_once_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(901);
        var item = await UnreadableEntryAsync(bank, "TX-READ-1", order.InvoiceNumber);

        var first = await ReadAsync(bank, item.Id, Credit("TX-READ-1", order.InvoiceNumber));
        var again = await ReadAsync(bank, item.Id, Credit("TX-READ-1", order.InvoiceNumber));

        Assert.Equal(("applied", order.InvoiceNumber), (first.Result, first.InvoiceNumber));
        Assert.Equal("duplicate", again.Result);
        var invoice = (await bank.Invoices.GetAsync(order.InvoiceNumber, default))!.Document;
        Assert.Equal((InvoiceStatus.Paid, DateTimeOffset.Parse(Booked), first.Reference), (invoice.Status, invoice.PaidAt, invoice.PaymentReference));
        Assert.Single(bank.Events.Raised.OfType<RegistrationPaid>());
        // The item stays open until operations say they read every credit of it.
        Assert.Contains(await bank.OpenReviewAsync(), i => i.Id == item.Id);
    }

    [Fact]
    public async Task The_bank_sending_the_credit_again_readable_after_operations_read_it_pays_nothing_twice_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(902);
        var item = await UnreadableEntryAsync(bank, "TX-READ-2", order.InvoiceNumber);
        await ReadAsync(bank, item.Id, Credit("TX-READ-2", order.InvoiceNumber));

        var receipt = Assert.IsType<Ok<BankNotificationReceipt>>(await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-READ-2", order.InvoiceNumber)))).Value!;

        Assert.Equal("duplicate", Assert.Single(receipt.Payments).Result);
        Assert.Single(bank.Events.Raised.OfType<RegistrationPaid>());
    }

    [Fact]
    public async Task A_credit_read_that_a_host_stopped_in_after_paying_its_invoice_is_finished_by_the_recovery_pass_once_UA_3_2_KZ_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(906);
        var item = await UnreadableEntryAsync(bank, "TX-READ-6", order.InvoiceNumber);
        var read = Credit("TX-READ-6", order.InvoiceNumber);
        // The host stops after the invoice is paid and before its registrations start: what a kill there leaves.
        bank.Events.FailuresToCome = 1;
        await Assert.ThrowsAsync<IOException>(() => bank.ReadCreditFlow().ReadAsync(item.Id, read, 6000m, DateTimeOffset.Parse(Booked), "ops", default));
        var reference = PaymentKeys.BanksReference(BankHarness.Bank, "TX-READ-6");
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Empty(bank.Events.Raised);

        Assert.Equal(0, await bank.Recovery.RecoverAsync(default));
        bank.Clock.Advance(UnprocessedPaymentRecovery.Grace);
        Assert.Equal(1, await bank.Recovery.RecoverAsync(default));
        Assert.Equal(0, await bank.Recovery.RecoverAsync(default));

        Assert.Single(bank.Events.Raised.OfType<RegistrationPaid>());
        var audited = Assert.Single(await bank.ReadCreditAudits.ReadNewestFirstAsync(reference, 10, default).ToListAsync());
        Assert.Equal(("ops", "applied", order.InvoiceNumber, item.Id), (audited.Actor, audited.Details.Result, audited.Details.InvoiceNumber, audited.Details.ReviewItem));
        var kept = (await bank.Payments.GetAsync(reference, default))!.Document;
        Assert.Equal(("applied", ""), (kept.Outcome!.Value.GetProperty("result").GetString(), kept.Entered!.PaymentPurpose));
    }

    [Fact]
    public async Task A_credit_read_in_one_request_is_audited_once_and_left_to_no_recovery_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(907);
        var item = await UnreadableEntryAsync(bank, "TX-READ-7", order.InvoiceNumber);

        var read = await ReadAsync(bank, item.Id, Credit("TX-READ-7", order.InvoiceNumber));
        bank.Clock.Advance(UnprocessedPaymentRecovery.Grace);

        Assert.Equal(0, await bank.Recovery.RecoverAsync(default));
        Assert.Empty(await bank.Payments.ListEnteredUnfinishedAsync(default).ToListAsync());
        Assert.Equal("applied", Assert.Single(await bank.ReadCreditAudits.ReadNewestFirstAsync(read.Reference, 10, default).ToListAsync()).Details.Result);
    }

    [Fact]
    public async Task A_credit_read_as_booked_after_its_invoice_lapsed_is_held_and_pays_nothing_KZ_3_5()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(903);
        var item = await UnreadableEntryAsync(bank, "TX-READ-3", order.InvoiceNumber);
        bank.Clock.Advance(TimeSpan.FromDays(5));

        var read = await ReadAsync(bank, item.Id, Credit("TX-READ-3", order.InvoiceNumber) with { BookedAt = "2026-11-28T09:00:00+05:00" });

        Assert.Equal("held:InvoiceLapsed", read.Result);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Empty(bank.Events.Raised);
        Assert.NotNull(await bank.HeldPayments.GetAsync(read.Reference, default));
    }

    [Theory]
    [InlineData("amount", "6,000.00", "KZT", Booked)]
    [InlineData("amount", "6000.001", "KZT", Booked)]
    [InlineData("amount", "0", "KZT", Booked)]
    [InlineData("currency", "6000.00", "kzt", Booked)]
    [InlineData("bookedAt", "6000.00", "KZT", "2026-11-24T10:30:00")]
    [InlineData("bookedAt", "6000.00", "KZT", "24.11.2026 10:30")]
    public void A_credit_read_with_an_amount_currency_or_booking_time_not_written_exactly_is_refused_by_field_UA_3_2(
        string field, string amount, string currency, string bookedAt)
    {
        var errors = ReadCreditHandler.Check(new ReadCredit("TX-1", amount, currency, bookedAt, "Payment", "Read from the statement"), out _, out _);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task A_credit_read_as_booked_in_the_future_is_refused_and_changes_nothing_KZ_3_5()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(904);
        var item = await UnreadableEntryAsync(bank, "TX-READ-4", order.InvoiceNumber);
        var read = Credit("TX-READ-4", order.InvoiceNumber) with { BookedAt = "2026-11-25T10:30:00+05:00" };

        var answer = await bank.ReadCreditFlow().ReadAsync(item.Id, read, 6000m, DateTimeOffset.Parse(read.BookedAt), "ops", default);

        Assert.Equal(400, Assert.IsType<ProblemHttpResult>(answer).StatusCode);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Null(await bank.Payments.GetAsync(PaymentKeys.BanksReference(BankHarness.Bank, "TX-READ-4"), default));
    }

    [Fact]
    public async Task Only_an_open_item_of_an_unreadable_bank_message_is_read_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(905);
        var item = await UnreadableEntryAsync(bank, "TX-READ-5", order.InvoiceNumber);
        var flow = bank.ReadCreditFlow();
        var read = Credit("TX-READ-5", order.InvoiceNumber);
        var held = Assert.IsType<Ok<BankNotificationReceipt>>(await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-HELD", "no invoice named"))));
        var heldItem = Assert.Single(await bank.OpenReviewAsync(), i => i.Id != item.Id);
        await bank.Review.ResolveAsync(item.Id, "ops", "Read by phone", bank.Clock.GetUtcNow(), default);

        var unknown = await flow.ReadAsync("no such item", read, 6000m, DateTimeOffset.Parse(Booked), "ops", default);
        var heldPayment = await flow.ReadAsync(heldItem.Id, read, 6000m, DateTimeOffset.Parse(Booked), "ops", default);
        var resolved = await flow.ReadAsync(item.Id, read, 6000m, DateTimeOffset.Parse(Booked), "ops", default);

        Assert.Equal(404, Assert.IsType<ProblemHttpResult>(unknown).StatusCode);
        Assert.Equal(404, Assert.IsType<ProblemHttpResult>(heldPayment).StatusCode);
        Assert.Equal(409, Assert.IsType<ProblemHttpResult>(resolved).StatusCode);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.NotNull(held.Value);
    }

    private static ReadCredit Credit(string reference, string invoice) =>
        new(reference, "6000.00", "KZT", Booked, $"Оплата по счету {invoice}", "Booked, as the bank's statement of 2026-11-24 shows");

    private static async Task<Core.Operations.ReviewItem> UnreadableEntryAsync(BankHarness bank, string reference, string invoice)
    {
        var body = CamtFiles.Utf8(CamtFiles.Credit(reference, invoice).Replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts><Prtry>ACSC</Prtry></Sts>"));
        Assert.IsType<Ok<BankNotificationReceipt>>(await bank.PostCamtAsync(body));
        return Assert.Single(await bank.OpenReviewAsync(), i => i.Reason == "UnreadableUnknownStatus");
    }

    private static async Task<ReadCreditResult> ReadAsync(BankHarness bank, string itemId, ReadCredit read) =>
        Assert.IsType<Ok<ReadCreditResult>>(await bank.ReadCreditFlow().ReadAsync(itemId, read, decimal.Parse(read.Amount, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(read.BookedAt), "ops", default)).Value!;
}
