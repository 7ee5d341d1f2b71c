using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Api.Http;
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
    public async Task A_webhook_with_a_duplicated_amount_or_status_is_refused_naming_it_and_changes_nothing_RFC_8259_section_4(string members, string duplicated)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(701);
        bank.Meter.Reset();

        var answer = await bank.PostWebhookAsync(Webhook(order.InvoiceNumber, members));

        var problem = Assert.IsType<ProblemHttpResult>(answer);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal(ProblemTypes.NotificationRejected.Uri, problem.ProblemDetails.Type);
        Assert.Contains($"'{duplicated}' is given more than once", problem.ProblemDetails.Detail);
        // Refused before the bytes were recorded: no row, no blob, no spent signature, no payment.
        Assert.Equal(0, bank.Meter.Total);
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

    /// <summary>monobank's invoice status for a payment of the invoice in tenge (ISO 4217 398), amounts in tiyn.</summary>
    private static byte[] Webhook(string invoiceNumber, string members) => Encoding.UTF8.GetBytes($$"""
        {"invoiceId":"p2_{{invoiceNumber}}",{{members}},"ccy":398,"modifiedDate":"2026-11-24T10:30:00+05:00",
         "reference":"{{invoiceNumber}}","destination":"Оплата по счету {{invoiceNumber}}"}
        """);
}
