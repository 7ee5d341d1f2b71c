using Microsoft.Extensions.Logging;
using Registrar.Api.Billing;
using Registrar.Api.Customers;
using Registrar.Core.Contracts;
using Registrar.Core.Orders;
using Registrar.Storage.Privacy;
using Registrar.Storage.Stores;

namespace Registrar.Api.Privacy;

/// <summary>
/// UA-Pre-6: a written erasure request ends the customer's contracts from the registrar's reply, so an order whose invoice is
/// still open then must not start a new one with the very data the person asked to erase. Its invoice is cancelled: a payment
/// of it is held for operations to return (<c>InvoiceCancelled</c>), and the order, dead, is erased with the rest. Orders of
/// an offer where the request does not end the contract (.kz) are left to operations, as its registrations are. A customer
/// without any registration has their dead orders erased at once, as nothing else would erase them.
/// </summary>
public sealed class ErasureRequestOrders(
    IOrderStore<Order> orders, IInvoiceStore<Invoice> invoices, UnpaidOrdersEraser unpaidOrders, CustomerAccounts accounts, ContractRules rules,
    TimeProvider clock, ILogger<ErasureRequestOrders> logger)
{
    /// <summary>The zones the customer's orders are for; empty when they placed none.</summary>
    public async Task<IReadOnlyList<string>> ZonesAsync(string customerId, CancellationToken ct) =>
        await orders.ListByAccountAsync(customerId, ct).SelectMany(order => order.Document.Lines.Select(line => line.Zone).ToAsyncEnumerable())
            .Distinct().ToListAsync(ct);

    /// <summary>UA-Pre-6: a customer none of whose orders became a contract has nothing kept for a contract's life: the orders
    /// that can no longer start one (lapsed, or cancelled by the request) and the account's contact e-mail go at once. One still payable,
    /// or that a held payment names, stays, as its payment would start a registration.</summary>
    /// <returns>How many orders were erased.</returns>
    public async Task<int> EraseWithoutContractAsync(string customerId, CancellationToken ct)
    {
        var erased = await unpaidOrders.EraseAsync(customerId, ct);
        await accounts.EraseAsync(customerId, ct);
        return erased;
    }

    /// <returns>The invoices the request cancelled, also those a first attempt of it did.</returns>
    public async Task<IReadOnlyList<string>> CancelOpenInvoicesAsync(string customerId, CancellationToken ct)
    {
        var cancelled = new List<string>();
        await foreach (var order in orders.ListByAccountAsync(customerId, ct))
        {
            if (order.Document.Lines.Any(line => rules.ErasureRequestEnding(line.Zone) is null)) continue;
            if (await CancelAsync(order.Document.InvoiceNumber, ct)) cancelled.Add(order.Document.InvoiceNumber);
        }
        return cancelled;
    }

    /// <returns>Whether the invoice is cancelled for an erasure request, now or by a first attempt of this one. One paid meanwhile
    /// stays paid: that payment started its registrations, which the request's erasure then covers.</returns>
    private async Task<bool> CancelAsync(string number, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outcome = await invoices.ChangeAsync(number, invoice => invoice.Renewal is null && invoice.StatusAt(now) == InvoiceStatus.Open
            ? invoice.Cancelled(now, renewalPaidBy: null, endingRule: InvoiceCancellation.ErasureRequestRule)
            : null, ct);
        if (outcome is not { } stands || stands.Invoice.Renewal is not null) return false;
        if (stands.Changed) logger.LogInformation("Order invoice {Invoice} cancelled: {Reason}", number, stands.Invoice.Cancellation!.Reason);
        return stands.Invoice.Cancellation?.EndingRule == InvoiceCancellation.ErasureRequestRule;
    }
}
