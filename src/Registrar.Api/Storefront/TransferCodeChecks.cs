using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Contracts;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;
using Registrar.Payments.Invoices;
using Registrar.Storage.Stores;

namespace Registrar.Api.Storefront;

/// <summary>
/// KZ-App-9, UA-3.5: a transfer code request is refused at once, naming each reason and its rule, while the customer owes
/// this registrar for a service already rendered (an open redemption renewal of the zone's series: it renews a domain from
/// its past expiry, UA-1.7, UA-1.11) or while another agreement operations recorded on the registration forbids the
/// transfer. Every other invoice is a 100 % prepayment for a service not yet rendered (KZ-3.2, UA-1.5.3: an order, a renewal
/// before expiry, a registrant change) that lapses unpaid with no consequence (KZ-3.3), so it is no debt; KZ-App-9's unpaid
/// credit limit does not arise, as no credit is extended. The other registrar's invoices are not this one's services (UA-3.5).
/// The registry's bans are read by the registration when it carries the request out, as the registry is their authority;
/// the registration also judges a restriction recorded after this check.
/// </summary>
public sealed class TransferCodeChecks(IInvoiceStore<Invoice> invoices, ZoneCatalog zones, ContractRules contracts, TimeProvider clock)
{
    /// <summary>The problem that refuses the request, or null when nothing the registrar bills stands in the way.</summary>
    public async Task<IResult?> RefusalAsync(string customerId, RegistrationView registration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var series = zones.For(registration.Zone).CalendarCountry;
        var unpaid = 0;
        await foreach (var invoice in invoices.ListByAccountAsync(customerId, ct))
            if (invoice.StatusAt(now) == InvoiceStatus.Open && invoice.Renewal is { Operation: TariffOperation.RedemptionRenewal }
                && InSeries(invoice.Number, series)) unpaid++;
        var situation = new TransferSituation([], [], unpaid, registration.TransferRestriction, AllServicesPaidInFull: unpaid == 0);
        var refusals = contracts.Transfers(registration.Zone).Refusals(situation);
        return refusals.Count == 0 ? null : Problems.TransferRefused(refusals);
    }

    private static bool InSeries(string invoiceNumber, string series) =>
        InvoiceNumber.TryParse(invoiceNumber, out var number) && string.Equals(number.Prefix, series, StringComparison.Ordinal);
}
