using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Contracts;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Storefront;

/// <summary>
/// KZ-App-9, UA-3.5: a transfer code request is refused at once, naming each reason and its rule, while the customer has an
/// invoice open (every service paid in full is what a transfer needs) or while another agreement operations recorded on the
/// registration forbids the transfer. The registry's bans are read by the registration when it carries the request out, as
/// the registry is their authority; the registration also judges a restriction recorded after this check.
/// </summary>
public sealed class TransferCodeChecks(IInvoiceStore<Invoice> invoices, ContractRules contracts, TimeProvider clock)
{
    /// <summary>The problem that refuses the request, or null when nothing the registrar bills stands in the way.</summary>
    public async Task<IResult?> RefusalAsync(string customerId, RegistrationView registration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var unpaid = 0;
        await foreach (var invoice in invoices.ListByAccountAsync(customerId, ct))
            if (invoice.StatusAt(now) == InvoiceStatus.Open) unpaid++;
        var situation = new TransferSituation([], [], unpaid, registration.TransferRestriction, AllServicesPaidInFull: unpaid == 0);
        var refusals = contracts.Transfers(registration.Zone).Refusals(situation);
        return refusals.Count == 0 ? null : Problems.TransferRefused(refusals);
    }
}
