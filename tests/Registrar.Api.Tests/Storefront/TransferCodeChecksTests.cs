using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Storefront;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;
using Registrar.Payments.Invoices;
using Registrar.Testing;

namespace Registrar.Api.Tests.Storefront;

/// <summary>KZ-App-9, UA-3.5: what the customer owes this registrar for a service already rendered refuses a transfer code at
/// once; a prepayment (KZ-3.2, UA-1.5.3) does not.</summary>
public sealed class TransferCodeChecksTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();

    [Fact]
    public async Task Transfer_code_is_issued_while_a_renewal_invoice_for_the_next_term_or_an_orders_invoice_is_open_KZ_App_9()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(601);
        await bank.RenewalInvoiceAsync(602, "O0000000000000600-1");

        Assert.Null(await Checks(bank).RefusalAsync(order.CustomerId, Registration("kz"), default));
    }

    [Fact]
    public async Task Transfer_code_is_issued_while_a_ua_renewal_invoice_for_the_next_term_is_open_UA_3_5()
    {
        var bank = new BankHarness(azurite);
        await UaRenewalInvoiceAsync(bank, 604, TariffOperation.Renew);

        Assert.Null(await Checks(bank).RefusalAsync("cust-b", Registration("com.ua"), default));
    }

    [Fact]
    public async Task An_open_redemption_renewal_of_another_expired_ua_domain_refuses_the_code_naming_UA_3_5()
    {
        var bank = new BankHarness(azurite);
        await UaRenewalInvoiceAsync(bank, 605, TariffOperation.RedemptionRenewal);

        var refused = Assert.IsType<ProblemHttpResult>(await Checks(bank).RefusalAsync("cust-b", Registration("com.ua"), default));

        Assert.Equal(StatusCodes.Status409Conflict, refused.StatusCode);
        Assert.Contains("UA-3.5", refused.ProblemDetails.Detail);
    }

    [Fact]
    public async Task The_other_registrars_open_invoice_is_not_a_service_of_this_one_UA_3_5()
    {
        var bank = new BankHarness(azurite);
        await UaRenewalInvoiceAsync(bank, 606, TariffOperation.RedemptionRenewal);

        Assert.Null(await Checks(bank).RefusalAsync("cust-b", Registration("kz"), default));
    }

    private static TransferCodeChecks Checks(BankHarness bank) =>
        new(bank.Invoices, Zones, new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(Zones)), bank.Clock);

    /// <summary>An open invoice of the Ukrainian registrar's series renewing the customer's other domain, other-1.com.ua.</summary>
    private static async Task UaRenewalInvoiceAsync(BankHarness bank, int number, TariffOperation operation)
    {
        var invoiceNumber = InvoiceNumber.Create("UA", new DateOnly(2026, 11, 24), number).ToString();
        var invoice = new Invoice(invoiceNumber, "O0000000000000700-1", "cust-b", Money.Of(450m, Currency.Uah), BankHarness.Issued,
            BankHarness.Issued.AddDays(28), InvoiceStatus.Open, Renewal: new RenewalOf("O0000000000000700-1", "other-1.com.ua", 1, operation));
        await bank.Invoices.CreateAsync(invoice.Number, invoice.CustomerId, invoice, "Open", default);
    }

    private static RegistrationView Registration(string zone) =>
        new("O0000000000000600-1", "cust-b", $"shop.{zone}", $"shop.{zone}", zone, RegistrationPhase.Registered, BankHarness.Issued.AddYears(1));
}
