using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Lifecycle;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;

namespace Registrar.Api.Storefront;

/// <summary>
/// POST /api/registrations/{registrationId}/choice — KZ-2.1: when the name was taken before it could
/// be registered, the customer chooses another name or a refund; the money is held until then.
/// </summary>
public sealed class NameTakenChoiceHandler(
    ClientAuthenticator authenticator, IRegistrationViews views, ILifecycleEvents<RegistrationEvent> registrations)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var body = await StrictJson.ReadAsync<NameTakenChoice>(request, ct);
        if (body.Problem is not null) return body.Problem;
        // The customer's own view: another customer's registration, or one no payment started, is not there.
        var view = await views.GetAsync(customer.Principal!, registrationId, ct);
        if (view is null) return RegistrationProblems.Unknown(registrationId);
        if (view.Phase != RegistrationPhase.NameTaken)
            return Problems.Conflict($"Registration '{registrationId}' is {view.Phase}: a choice applies only after its name was taken (KZ-2.1).");

        // One id per choice made: the lifecycle takes the first choice made in NameTaken and ignores later ones,
        // so a choice refused as early is never mistaken for a duplicate of the real one.
        var eventId = $"choice:{registrationId}:{Guid.NewGuid():N}";
        await registrations.RaiseAsync(registrationId, eventId, new CustomerChoseAfterNameTaken(eventId, body.Value!.Choice), ct);
        return TypedResults.Accepted((string?)null);
    }
}

public sealed record NameTakenChoice(CustomerChoice Choice);
