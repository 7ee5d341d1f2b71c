using System.Globalization;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Contracts;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>
/// UA-6.2, UA-6.3: what the registrar would refund if it ended a registration's service early on a given day: the whole
/// unused months of every term paid for it. UA-6.4 and UA-1.7: the first term runs from the payment of the order's invoice
/// for the line's years, and each paid renewal adds its years to the end of the term before it.
/// </summary>
public sealed class EarlyTerminationRefundHandler(
    ClientAuthenticator authenticator, IRegistrationViews views, IOrderStore<Order> orders, IInvoiceStore<Invoice> invoices,
    ContractRules rules)
{
    private const string Condition = "Paid when the registrant presents the payment documents (UA-6.3).";

    /// <param name="on">The day the service would end, yyyy-MM-dd (the query's "on").</param>
    public async Task<IResult> QuoteAsync(HttpRequest request, string registrationId, string? on, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var terminatedOn))
            return Problems.Validation("on", "The day the service would end, as yyyy-MM-dd.");

        var registration = await views.FindAsync(registrationId, ct);
        if (registration is null) return RegistrationProblems.Unknown(registrationId);
        if (rules.EarlyTerminationRefund(registration.Zone) is not { } refund)
            return RuleProblems.NotAllowed(EarlyTerminationRefund.Rule,
                $"The offer for .{registration.Zone} refunds no unused months when the registrar ends its service early (UA-6.2 and UA-6.3 are .ua clauses).");
        var paid = await PaidTermsAsync(registration, ct);
        if (paid.Count == 0)
            return Problems.Conflict($"Registration '{registrationId}' has no paid invoice: nothing was paid, so nothing is refunded.");

        var quote = refund.Quote([.. paid.Select(p => p.Term)], terminatedOn);
        var terms = quote.Lines.Zip(paid, (line, term) => new RefundedTerm(term.InvoiceNumber, line.Term.Paid, line.Term.StartsOn,
            line.Term.EndsOn, line.Term.Months, line.UnusedWholeMonths, line.Refund)).ToList();
        return new PrivateResult(TypedResults.Ok(new EarlyTerminationRefundQuote(registrationId, registration.DomainName, terminatedOn, terms,
            quote.Total, quote.Rule, Condition)));
    }

    /// <summary>The order line's term from its invoice's payment, then each paid renewal after it, in payment order.</summary>
    private async Task<List<(string InvoiceNumber, PaidTerm Term)>> PaidTermsAsync(RegistrationView registration, CancellationToken ct)
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
            if (listed is { Status: InvoiceStatus.Paid, PaidAt: not null, Renewal: { } renewal } && renewal.RegistrationId == registration.RegistrationId)
                renewals.Add(listed);
        foreach (var renewal in renewals.OrderBy(r => r.PaidAt))
        {
            term = PaidTerm.ForYears(renewal.Total, term.EndsOn, renewal.Renewal!.Years);
            terms.Add((renewal.Number, term));
        }
        return terms;
    }
}
