using Registrar.Core.Orders;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Customers;

/// <summary>The transfer code of a transfer-in order line, read from the stored order when the registry flow needs it and
/// erased there once the transfer has ended.</summary>
public sealed class OrderTransferCodes(IOrderStore<Order> orders) : IIncomingTransferCodes
{
    public async Task<string?> ForAsync(string customerId, string registrationId, CancellationToken ct)
    {
        if (!RegistrationIds.TryParse(registrationId, out var orderId, out var line)) return null;
        var order = await orders.GetAsync(customerId, orderId, ct);
        return order?.Document.Lines.ElementAtOrDefault(line)?.TransferCode is { } code && code != ErasedPersonalData.Erased ? code : null;
    }

    public async Task EraseAsync(string customerId, string registrationId, CancellationToken ct)
    {
        if (!RegistrationIds.TryParse(registrationId, out var orderId, out var line)) return;
        while (await orders.GetAsync(customerId, orderId, ct) is { } order
            && order.Document.Lines.ElementAtOrDefault(line)?.TransferCode is { } code && code != ErasedPersonalData.Erased)
        {
            // The marker, not null: the line is still read as a transfer in (what the storefront shows, what a payment starts).
            var lines = order.Document.Lines.Select((l, i) => i == line ? l with { TransferCode = ErasedPersonalData.Erased } : l).ToList();
            try
            {
                await orders.ReplaceDocumentAsync(order, order.Document with { Lines = lines }, ct);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // Changed meanwhile (paid, or another line's code erased): erase it in the order as it is now.
            }
        }
    }
}
