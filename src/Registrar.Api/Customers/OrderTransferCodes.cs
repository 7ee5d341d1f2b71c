using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Storage.Stores;

namespace Registrar.Api.Customers;

/// <summary>The transfer code of a transfer-in order line, read from the stored order when the registry flow needs it.</summary>
public sealed class OrderTransferCodes(IOrderStore<Order> orders) : IIncomingTransferCodes
{
    public async Task<string?> ForAsync(string customerId, string registrationId, CancellationToken ct)
    {
        if (!RegistrationIds.TryParse(registrationId, out var orderId, out var line)) return null;
        var order = await orders.GetAsync(customerId, orderId, ct);
        return order?.Document.Lines.ElementAtOrDefault(line)?.TransferCode;
    }
}
