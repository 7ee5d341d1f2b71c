using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Api.Billing;
using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Testing;

namespace Registrar.Api.Tests.Billing;

/// <summary>Carrying out the decider's <see cref="HoldUnrenderedRenewalPayment"/> on Azurite: a paid renewal the registry never
/// carried out is held once, where operations refund it as any held payment is.</summary>
public sealed class HoldUnrenderedRenewalPaymentFlowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_money_of_a_renewal_never_carried_out_is_held_once_from_its_payment_and_refunded_as_a_held_payment_KZ_3_2_UA_1_5_3()
    {
        var bank = new BankHarness(azurite);
        var registrationId = RegistrationIds.For("O0000000000000401", 0);
        var invoice = await bank.RenewalInvoiceAsync(401, registrationId);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-RENEW-401", invoice.Number)));
        var paidAt = (await bank.Invoices.GetAsync(invoice.Number, default))!.Document.PaidAt;
        var command = new HoldUnrenderedRenewalPayment(RegistrationIds.Command(registrationId, 9), registrationId, invoice.Number);
        var flow = Flow(bank);

        await flow.CarryOutAsync(command, default);
        await flow.CarryOutAsync(command with { CommandId = command.CommandId + "0" }, default);

        var reference = HoldUnrenderedRenewalPayment.ReferenceFor(invoice.Number);
        var held = Assert.Single(await bank.HeldPayments.ListHeldAsync(default).ToListAsync(), p => p.Reason == "RenewalNotRendered");
        Assert.Equal((reference, 6000m, "KZT", paidAt), (held.Credit.Reference, held.Credit.Amount, held.Credit.CurrencyCode, (DateTimeOffset?)held.Credit.BookedAt));
        Assert.Contains(invoice.Number, held.Explanation);
        Assert.Single(await bank.OpenReviewAsync(), i => i.Id == reference);

        var refunded = await new RefundHeldPaymentFlow(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock)
            .RefundAsync(reference, new RefundHeldPayment("6000.00", "KZT", "OUT-401", "renewal not carried out"), 6000m, "ops-desk", default);

        Assert.IsType<Ok<HeldPaymentActionResult>>(refunded);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(invoice.Number));
        Assert.DoesNotContain(await bank.OpenReviewAsync(), i => i.Id == reference);
    }

    [Fact]
    public async Task An_invoice_not_paid_is_never_held_and_the_command_fails_to_be_delivered_again()
    {
        var bank = new BankHarness(azurite);
        var registrationId = RegistrationIds.For("O0000000000000402", 0);
        var invoice = await bank.RenewalInvoiceAsync(402, registrationId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Flow(bank).CarryOutAsync(
            new HoldUnrenderedRenewalPayment(RegistrationIds.Command(registrationId, 9), registrationId, invoice.Number), default));

        Assert.Null(await bank.HeldPayments.GetAsync(HoldUnrenderedRenewalPayment.ReferenceFor(invoice.Number), default));
    }

    private static HoldUnrenderedRenewalPaymentFlow Flow(BankHarness bank) =>
        new(bank.Invoices, bank.HeldPayments, bank.Review, bank.Clock, NullLogger<HoldUnrenderedRenewalPaymentFlow>.Instance);
}
