using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;
using Registrar.Testing;

namespace Registrar.Api.Tests.Operations;

/// <summary>UA-6.3: the early-termination refund counts the terms paid for a registration: its order's, then each renewal.</summary>
public sealed class PaidTermsReaderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();

    [Fact]
    public async Task A_registrant_change_is_a_one_off_charge_not_a_term_of_service_UA_6_3_UA_1_5_5()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(501);
        var registrationId = RegistrationIds.For(order.OrderId, 0);
        await PayAsync(bank, order.InvoiceNumber, BankHarness.Issued.AddHours(1));
        await PaidRenewalAsync(bank, 502, registrationId, TariffOperation.RegistrantChange, BankHarness.Issued.AddMonths(2));
        await PaidRenewalAsync(bank, 503, registrationId, TariffOperation.Renew, BankHarness.Issued.AddMonths(10));
        var reader = new PaidTermsReader(bank.Orders, bank.Invoices,
            new ContractRules(Zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(Zones)));

        var terms = await reader.ReadAsync(
            new RegistrationView(registrationId, order.CustomerId, "shop.kz", "shop.kz", "kz", RegistrationPhase.Registered, BankHarness.Issued.AddYears(2)), default);

        // The order's year, then the renewal's year from its end; the registrant change adds no time and is not refunded.
        Assert.Equal([BankHarness.InvoiceNumberFor(501), BankHarness.InvoiceNumberFor(503)], terms.Select(t => t.InvoiceNumber));
        Assert.Equal(new DateOnly(2027, 11, 24), terms[1].Term.StartsOn);
    }

    private static async Task PayAsync(BankHarness bank, string invoiceNumber, DateTimeOffset paidAt)
    {
        var stored = (await bank.Invoices.GetAsync(invoiceNumber, default))!;
        await bank.Invoices.UpdateAsync(stored, stored.Document with { Status = InvoiceStatus.Paid, PaidAt = paidAt }, stored.Document.CustomerId, "Paid", default);
    }

    private static async Task PaidRenewalAsync(BankHarness bank, int number, string registrationId, TariffOperation operation, DateTimeOffset paidAt)
    {
        var invoice = new Invoice(BankHarness.InvoiceNumberFor(number), registrationId, "cust-b", Money.Of(6000m, Currency.Kzt), paidAt, paidAt.AddDays(3),
            InvoiceStatus.Paid, PaidAt: paidAt, Renewal: new RenewalOf(registrationId, "shop.kz", 1, operation));
        await bank.Invoices.CreateAsync(invoice.Number, invoice.CustomerId, invoice, "Paid", default);
    }
}
