using Registrar.Core.Contracts;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>The terms paid for one registration, in payment order. UA-6.4 and UA-1.7: the first term runs from the
/// payment of the order's invoice for the line's years, and each paid renewal adds its years to the end of the term
/// before it.</summary>
public sealed class PaidTermsReader(IOrderStore<Order> orders, IInvoiceStore<Invoice> invoices, ContractRules rules)
{
    public async Task<List<(string InvoiceNumber, PaidTerm Term)>> ReadAsync(RegistrationView registration, CancellationToken ct)
    {
        var terms = new List<(string, PaidTerm)>();
        if (!RegistrationIds.TryOrderOf(registration.RegistrationId, out var orderId)) return terms;
        var order = (await orders.GetAsync(registration.CustomerId, orderId, ct))?.Document;
        var line = order?.Lines.Where((_, index) => RegistrationIds.For(orderId, index) == registration.RegistrationId).FirstOrDefault();
        var invoice = order is null ? null : (await invoices.GetAsync(order.InvoiceNumber, ct))?.Document;
        if (line is null || invoice is not { Status: InvoiceStatus.Paid, PaidAt: { } paidAt }) return terms;

        var calendar = rules.CalendarOf(registration.Zone);
        var term = PaidTerm.ForYears(line.Price.Total, calendar.LocalDate(paidAt), line.TermYears);
        terms.Add((invoice.Number, term));
        var renewals = new List<Invoice>();
        await foreach (var listed in invoices.ListByAccountAsync(registration.CustomerId, ct))
            if (listed is { Status: InvoiceStatus.Paid, PaidAt: not null, Renewal: { } renewal } && renewal.RegistrationId == registration.RegistrationId
                && ExtendsTheTerm(renewal.Operation))
                renewals.Add(listed);
        foreach (var renewal in renewals.OrderBy(r => r.PaidAt))
        {
            term = PaidTerm.ForYears(renewal.Total, term.EndsOn, renewal.Renewal!.Years);
            terms.Add((renewal.Number, term));
        }
        return terms;
    }

    /// <summary>UA-6.3 refunds unused months of service: a registrant change (KZ-2.4, invoiced as a one-year renewal record)
    /// is a one-off charge that adds no time, so it is neither a term nor refunded (UA-1.5.5).</summary>
    private static bool ExtendsTheTerm(TariffOperation operation) => operation is TariffOperation.Renew or TariffOperation.RedemptionRenewal;
}
