using Microsoft.AspNetCore.Http;
using Registrar.Api.Storefront;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Testing;

namespace Registrar.Api.Tests.Storefront;

/// <summary>KZ-App-9, UA-3.5: what the customer owes this registrar refuses a transfer code at once; a prepayment does not.</summary>
public sealed class TransferCodeChecksTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();

    [Fact]
    public async Task An_open_renewal_invoice_refuses_the_code_and_another_orders_open_invoice_does_not_KZ_App_9()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(601);
        var checks = Checks(bank);

        // An order's invoice is a prepayment for a domain not yet registered, not an unpaid credit limit.
        Assert.Null(await checks.RefusalAsync(order.CustomerId, Registration("kz"), default));

        await bank.RenewalInvoiceAsync(602, "O0000000000000600-1");
        var refused = Assert.IsAssignableFrom<IStatusCodeHttpResult>(await checks.RefusalAsync(order.CustomerId, Registration("kz"), default));
        Assert.Equal(StatusCodes.Status409Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task The_other_registrars_open_invoice_is_not_a_service_of_this_one_UA_3_5()
    {
        var bank = new BankHarness(azurite);
        await bank.RenewalInvoiceAsync(603, "O0000000000000600-1");

        Assert.Null(await Checks(bank).RefusalAsync("cust-b", Registration("com.ua"), default));
    }

    private static TransferCodeChecks Checks(BankHarness bank) =>
        new(bank.Invoices, Zones, new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(Zones)), bank.Clock);

    private static RegistrationView Registration(string zone) =>
        new("O0000000000000600-1", "cust-b", $"shop.{zone}", $"shop.{zone}", zone, RegistrationPhase.Registered, BankHarness.Issued.AddYears(1));
}
