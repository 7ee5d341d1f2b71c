using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Matching;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>UA-1.7, UA-3.2: money for the renewal of a registration that ended before the invoice was due renews nothing, so it
/// is held for operations, never applied where the finished lifecycle would drop it unseen.</summary>
public sealed class EndedRenewalPaymentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_renewal_invoice_paid_after_its_registration_was_transferred_away_is_held_for_operations_and_stays_open_UA_1_7_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var (ended, live) = (await bank.RenewalInvoiceAsync(401, "O0000000000000401-1"), await bank.RenewalInvoiceAsync(402, "O0000000000000402-1"));
        await RecordAsync(bank, "O0000000000000401-1", RegistrationPhase.TransferredAway);
        await RecordAsync(bank, "O0000000000000402-1", RegistrationPhase.Registered);

        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-ENDED-1", ended.Number), CamtFiles.Credit("TX-LIVE-1", live.Number)));

        Assert.Equal((InvoiceStatus.Open, InvoiceStatus.Paid), (await bank.InvoiceStatusAsync(ended.Number), await bank.InvoiceStatusAsync(live.Number)));
        var held = (await bank.HeldPayments.GetAsync($"{BankHarness.Bank}:TX-ENDED-1", default))!.Document;
        Assert.Equal((nameof(HoldReason.RegistrationEnded), ended.Number), (held.Reason, held.InvoiceNumber));
        Assert.Contains("TransferredAway", held.Explanation);
        Assert.Contains(await bank.OpenReviewAsync(), item => item.Subject == $"{BankHarness.Bank}:TX-ENDED-1" && item.Reason == nameof(HoldReason.RegistrationEnded));
        Assert.Equal(live.Number, Assert.IsType<RenewalPaid>(Assert.Single(bank.Events.Raised)).InvoiceNumber);
    }

    [Fact]
    public async Task Operations_cannot_apply_held_money_to_the_renewal_of_a_deleted_registration_UA_1_7()
    {
        var bank = new BankHarness(azurite);
        var invoice = await bank.RenewalInvoiceAsync(403, "O0000000000000403-1");
        await RecordAsync(bank, "O0000000000000403-1", RegistrationPhase.Deleted);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-UNNAMED-1", "", purpose: "Оплата за домен")));

        var refused = await bank.ApplyFlow().ApplyAsync($"{BankHarness.Bank}:TX-UNNAMED-1", new ApplyHeldPayment(invoice.Number, "The payer phoned."), "ops-desk", default);

        var problem = Assert.IsType<ProblemHttpResult>(refused);
        Assert.Equal((StatusCodes.Status422UnprocessableEntity, nameof(HoldReason.RegistrationEnded)), (problem.StatusCode, problem.ProblemDetails.Extensions["reason"]));
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(invoice.Number));
        Assert.True((await bank.HeldPayments.GetAsync($"{BankHarness.Bank}:TX-UNNAMED-1", default))!.Document.IsHeld);
        Assert.Empty(bank.Events.Raised);
    }

    [Fact]
    public async Task A_renewal_invoice_paid_while_its_registration_is_being_deleted_is_held_for_operations_and_stays_open_UA_1_5_6_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var invoice = await bank.RenewalInvoiceAsync(404, "O0000000000000404-1");
        await RecordAsync(bank, "O0000000000000404-1", RegistrationPhase.Deleting);

        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-DELETING-1", invoice.Number)));

        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(invoice.Number));
        var held = (await bank.HeldPayments.GetAsync($"{BankHarness.Bank}:TX-DELETING-1", default))!.Document;
        Assert.Equal((nameof(HoldReason.RegistrationEnded), invoice.Number), (held.Reason, held.InvoiceNumber));
        Assert.Contains("deletion is under way", held.Explanation);
        Assert.Empty(bank.Events.Raised);
    }

    private static Task RecordAsync(BankHarness bank, string registrationId, RegistrationPhase phase) =>
        bank.Views.RecordAsync(new RegistrationView(registrationId, "cust-b", "shop.kz", "shop.kz", "kz", phase, BankHarness.Issued.AddDays(20),
            EndedAt: phase.HasEnded() ? BankHarness.Issued.AddMinutes(10) : null), 5, default);
}
