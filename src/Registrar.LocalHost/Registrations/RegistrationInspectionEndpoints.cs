using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;

namespace Registrar.LocalHost.Registrations;

/// <summary>
/// GET /api/ops/registrations/{id}: what operations see of one registration on the local runtime —
/// its state, next wake-up, pending commands and the history of events with the commands each issued.
/// (In Azure the same is the orchestration's custom status and history.)
/// </summary>
public static class RegistrationInspectionEndpoints
{
    public static IEndpointRouteBuilder MapRegistrationInspection(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/ops/registrations/{registrationId}", async (HttpRequest request, string registrationId,
                ClientAuthenticator authenticator, ILifecycleInspector<RegistrationState, RegistrationEvent, RegistrationCommand> inspector,
                CancellationToken ct) =>
            {
                if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return (IResult)problem;
                if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
                var view = await inspector.GetAsync(registrationId, ct);
                // The state holds the registrant's data: no cache keeps it.
                return view is null ? RegistrationProblems.Unknown(registrationId) : new PrivateResult(Results.Ok(view));
            })
            .WithTags("Operations")
            .Produces(StatusCodes.Status200OK).ProducesProblem(401).ProducesProblem(404)
            .WithSummary("A registration's state, next wake-up, pending commands and history (local runtime).");
        return routes;
    }
}
