using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Lifecycle;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Storefront;

/// <summary>
/// POST /api/registrations/{registrationId}/choice — KZ-2.1: when the name was taken before it could
/// be registered, the customer chooses another name or a refund; the money is held until then.
/// </summary>
public sealed class NameTakenChoiceHandler(
    ClientAuthenticator authenticator, IOrderStore<Order> orders, ILifecycleEvents<RegistrationEvent> registrations)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        var body = await StrictJson.ReadAsync<NameTakenChoice>(request, ct);
        if (body.Problem is not null) return body.Problem;
        if (!RegistrationIds.TryOrderOf(registrationId, out var orderId) || await orders.GetAsync(customer.Principal!, orderId, ct) is null)
            return Problems.NotFound($"Registration '{registrationId}'");

        // One choice per registration: the event id makes a repeated or changed choice a no-op.
        var eventId = $"choice:{registrationId}";
        await registrations.RaiseAsync(registrationId, eventId, new CustomerChoseAfterNameTaken(eventId, body.Value!.Choice), ct);
        return TypedResults.Accepted((string?)null);
    }
}

public sealed record NameTakenChoice(CustomerChoice Choice);
