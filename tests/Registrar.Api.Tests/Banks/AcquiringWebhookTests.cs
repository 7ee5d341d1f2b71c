using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Api.Http;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>The acquiring webhook endpoint on Azurite: a body that says two things about the money is refused whole.</summary>
public sealed class AcquiringWebhookTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Paid = "\"status\":\"success\",\"amount\":600000";

    [Theory]
    [InlineData("\"status\":\"success\",\"amount\":600000,\"amount\":6000000", "amount")]
    [InlineData("\"status\":\"failure\",\"status\":\"success\",\"amount\":600000", "status")]
    public async Task A_webhook_with_a_duplicated_amount_or_status_is_refused_naming_it_pays_nothing_and_is_kept_for_operations_RFC_8259_section_4_UA_3_2(
        string members, string duplicated)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(701);
        var body = Webhook(order.InvoiceNumber, members);

        var answers = new[] { await bank.PostWebhookAsync(body), await bank.PostWebhookAsync(body) };

        Assert.All(answers, answer =>
        {
            var problem = Assert.IsType<ProblemHttpResult>(answer);
            Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
            Assert.Equal(ProblemTypes.NotificationRejected.Uri, problem.ProblemDetails.Type);
            Assert.Contains($"'{duplicated}' is given more than once", problem.ProblemDetails.Detail);
        });
        // The acquirer's own message (its signature verified) is kept as sent and put before operations once; nothing is paid.
        Assert.NotNull(await bank.Messages.GetAsync($"{BankHarness.Acquirer}:{Convert.ToHexStringLower(SHA256.HashData(body))}", default));
        Assert.Equal("UnreadableMalformed", Assert.Single(await bank.OpenReviewAsync()).Reason);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Empty(bank.Events.Raised);
    }

    [Fact]
    public async Task The_acquirers_corrected_webhook_after_a_refused_one_pays_the_invoice_once()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(702);
        await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, Paid + ",\"amount\":6000000"));

        var answer = await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, Paid));

        Assert.Equal(StatusCodes.Status200OK, ((IStatusCodeHttpResult)answer).StatusCode);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Single(bank.Events.Raised);
    }

    [Fact]
    public async Task A_reversed_acquiring_payment_that_paid_an_invoice_reaches_operations_like_a_camt054_reversal_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(703);
        await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, Paid + ",\"finalAmount\":600000"));

        // monobank posts the invoice's status again once the payment is reversed: the money it keeps (finalAmount) is then none.
        var answer = await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, "\"status\":\"reversed\",\"amount\":600000,\"finalAmount\":0"));

        var receipt = Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!;
        Assert.Equal("held:" + ReversalReporter.ReversedPaidInvoice, Assert.Single(receipt.Payments).Result);
        var item = Assert.Single(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.ReversedPaidInvoice);
        Assert.Equal(order.InvoiceNumber, item.Subject);
    }

    [Fact]
    public async Task A_payment_whose_reversal_the_acquirer_told_first_pays_nothing_and_is_kept_as_reversed_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(706);

        // monobank's webhooks come in no set order: the reversal first, then the payment it took back.
        await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, "\"status\":\"reversed\",\"amount\":600000,\"finalAmount\":0"));
        var answer = await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, Paid + ",\"finalAmount\":600000"));

        var receipt = Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!;
        Assert.Equal("held:ReversedBeforeApplied", Assert.Single(receipt.Payments).Result);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Empty(bank.Events.Raised);
        var held = (await bank.HeldPayments.GetAsync(Assert.Single(receipt.Payments).Reference, default))!.Document;
        Assert.Equal((false, HeldPaymentAction.Reversed), (held.IsHeld, held.Resolution!.Action));
        Assert.Contains(await bank.OpenReviewAsync(), i => i.Reason == ReversalReporter.Unmatched);
    }

    [Fact]
    public async Task A_later_status_of_a_paid_acquiring_payment_keeping_less_is_that_payment_changed_told_to_operations_never_a_second_payment_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(708);
        await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, Paid + ",\"finalAmount\":600000"));
        // monobank posts the invoice's status again after a part of the payment went back to the payer: it keeps 4,000 of 6,000.
        var partReturned = Webhook(order.InvoiceNumber, Paid + ",\"finalAmount\":400000");
        var postedAgainLater = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(partReturned).Replace("10:30:00", "10:31:00", StringComparison.Ordinal));

        var answer = Assert.Single(Assert.IsType<Ok<BankNotificationReceipt>>(await bank.PostWebhookAsync(partReturned)).Value!.Payments);
        var again = Assert.Single(Assert.IsType<Ok<BankNotificationReceipt>>(await bank.PostWebhookAsync(postedAgainLater)).Value!.Payments);

        Assert.Equal(("held:" + AcquirerPaymentChanges.Reason, order.InvoiceNumber), (answer.Result, answer.Invoice));
        Assert.Equal((answer.Reference, "duplicate"), (again.Reference, again.Result));
        Assert.Null(await bank.HeldPayments.GetAsync(answer.Reference, default));
        var item = Assert.Single(await bank.OpenReviewAsync(), i => i.Reason == AcquirerPaymentChanges.Reason);
        Assert.Equal(order.InvoiceNumber, item.Subject);
        Assert.Contains("2000.00 KZT went back to the payer", item.Explanation);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        Assert.Single(bank.Events.Raised);
    }

    [Fact]
    public async Task A_payment_the_acquirer_told_before_its_reversal_pays_its_invoice_as_before()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(707);

        var answer = await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, Paid + ",\"finalAmount\":600000"));

        Assert.Equal("applied", Assert.Single(Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!.Payments).Result);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Theory]
    [InlineData(new byte[] { 0xCE, 0xEF, 0xEB, 0xE0, 0xF2, 0xE0 })]
    [InlineData(new byte[] { 0x5C, 0x75, 0x64, 0x38, 0x33, 0x64 })]
    public async Task A_webhook_whose_text_is_not_UTF_8_is_refused_as_malformed_pays_nothing_and_is_kept_for_operations_RFC_8259_section_8_1_UA_3_2(byte[] destination)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(704);
        var body = Encoding.UTF8.GetString(Webhook(order.InvoiceNumber, Paid)).Split("Оплата по счету");

        // windows-1251 "Оплата", or an escaped lone surrogate ("\ud83d", half of an emoji).
        var answer = await bank.PostWebhookAsync([.. Encoding.UTF8.GetBytes(body[0]), .. destination, .. Encoding.UTF8.GetBytes(body[1])]);

        var problem = Assert.IsType<ProblemHttpResult>(answer);
        Assert.Equal((StatusCodes.Status400BadRequest, ProblemTypes.NotificationRejected.Uri), (problem.StatusCode, problem.ProblemDetails.Type));
        Assert.Contains("not UTF-8 JSON text", problem.ProblemDetails.Detail);
        Assert.Equal("UnreadableMalformed", Assert.Single(await bank.OpenReviewAsync()).Reason);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Theory]
    [InlineData("application/json; charset=windows-1251", StatusCodes.Status415UnsupportedMediaType)]
    [InlineData("application/json; charset=\"UTF-8\"", StatusCodes.Status200OK)]
    public async Task A_webhook_declared_in_a_charset_other_than_UTF_8_is_refused_RFC_8259_section_8_1(string contentType, int status)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(705);

        var answer = await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, Paid), contentType);

        Assert.Equal(status, ((IStatusCodeHttpResult)answer).StatusCode);
        Assert.Equal(status == StatusCodes.Status200OK ? InvoiceStatus.Paid : InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    /// <summary>monobank's invoice status for a payment of the invoice in tenge (ISO 4217 398), amounts in tiyn.</summary>
    private static byte[] Webhook(string invoiceNumber, string members) => Encoding.UTF8.GetBytes($$"""
        {"invoiceId":"p2_{{invoiceNumber}}",{{members}},"ccy":398,"modifiedDate":"2026-11-24T10:30:00+05:00",
         "reference":"{{invoiceNumber}}","destination":"Оплата по счету {{invoiceNumber}}"}
        """);
}
