using Registrar.Core.Orders;

namespace Registrar.Core.Registrations;

public static class RegistrationOrders
{
    /// <summary>What the registration of one order line needs, fixed at payment.</summary>
    public static RegistrationOrder From(Order order, int lineIndex)
    {
        var line = order.Lines[lineIndex];
        return new RegistrationOrder(order.OrderId, order.CustomerId, line.DomainName, line.DisplayName, line.Zone, line.TermYears,
            order.ContactEmail, order.RegistrantHandle, order.Registrant, order.TechnicalContact, line.TrademarkRequired,
            line.Trademark?.RegistrationNumber, order.Language, line.TransferCode is not null);
    }
}
