using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Persistence;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Operations;

/// <summary>UA-3.2: a held credit is money operations act on, so it reads as money does everywhere in this API: a string with its
/// currency's decimals, whatever decimals the bank wrote; the refund of it likewise, in its answer and in the audit log.</summary>
public sealed class HeldPaymentAmountTextTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_held_credit_and_its_refund_show_money_with_the_currencys_decimals_and_the_audit_keeps_it_as_text_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(901);
        var answer = await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-HALF-1", order.InvoiceNumber, amount: "0.5")));
        var reference = Assert.Single(Assert.IsType<Ok<BankNotificationReceipt>>(answer).Value!.Payments).Reference;

        var held = HeldPaymentView.Of((await bank.HeldPayments.GetAsync(reference, default))!.Document);
        var refunded = await new RefundHeldPaymentFlow(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock)
            .RefundAsync(reference, new RefundHeldPayment("0.5", "KZT", "OUT-HALF-1", "Too little to keep."), 0.5m, "ops-desk", default);

        Assert.Equal(("0.50", "KZT", "Partial"), (held.Amount, held.Currency, held.Reason));
        var result = Assert.IsType<Ok<HeldPaymentActionResult>>(refunded).Value!;
        Assert.Equal(("0.50", "0.50"), (result.Payment.Amount, result.Payment.Resolution!.RefundedAmount));
        var audited = Assert.Single((await new AuditSearch(bank.Clients).SearchAsync(new AuditFilter(Subject: reference), null, 10, default)).Entries);
        var amount = audited.Details.GetProperty("resolution").GetProperty("refund").GetProperty("amount");
        Assert.Equal((JsonValueKind.String, "0.50"), (amount.ValueKind, amount.GetString()));
        Assert.StartsWith("Refunded 0.50 KZT", (await bank.Review.FindAsync(reference, default))!.ResolutionNote);
    }

    [Theory]
    [InlineData("6000.0", "KZT", "6000.00")]
    [InlineData("6000.000", "UAH", "6000.00")]
    [InlineData("6000", "KZT", "6000.00")]
    [InlineData("6000.0", "USD", "6000.0")]
    [InlineData("0.005", "KZT", "0.005")]
    public void An_amount_reads_with_its_currencys_decimals_when_the_currency_is_billed_in_else_as_it_came_UA_3_2(string written, string currency, string text)
    {
        Assert.Equal(text, AmountInCurrency.Text(decimal.Parse(written, CultureInfo.InvariantCulture), currency));
    }

    [Theory]
    [InlineData("100.001", "KZT", "KZT has 2 decimals: a refund is sent in whole minor units.")]
    [InlineData("100.10", "KZT", null)]
    [InlineData("100.001", "USD", null)]
    public void A_refund_finer_than_its_currency_is_the_requests_fault_naming_the_amount_not_a_refunds_limit_RFC_9457(string amount, string currency,
        string? said)
    {
        var errors = HeldPaymentHandlers.CheckRefund(new RefundHeldPayment(amount, currency, "OUT-1", "paid twice"), out _);

        Assert.Equal(said, errors.GetValueOrDefault("amount")?.Single());
    }

    [Fact]
    public void A_refund_kept_before_with_its_amount_as_a_JSON_number_still_reads_UA_3_2()
    {
        var refund = JsonSerializer.Deserialize<HeldPaymentRefund>("""{"amount":0.50,"currencyCode":"KZT","bankReference":"OUT-OLD-1"}""", StoredJson.Options)!;

        Assert.Equal(0.50m, refund.Amount);
        Assert.Contains("\"amount\":\"0.50\"", JsonSerializer.Serialize(refund, StoredJson.Options));
    }
}
