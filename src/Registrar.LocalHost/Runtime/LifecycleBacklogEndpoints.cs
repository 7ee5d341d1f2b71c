using Registrar.Api.Security;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;

namespace Registrar.LocalHost.Runtime;

/// <summary><c>GET /ops/lifecycle/backlog</c> (operations key): due timers and queued events and commands of the
/// registration lifecycle. Operations watch it for a stuck runtime; the end-to-end runs wait for it to settle
/// after each move of the clock.</summary>
public static class LifecycleBacklogEndpoints
{
    public static IEndpointRouteBuilder MapLifecycleBacklog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ops/lifecycle/backlog", async (HttpRequest request, ClientAuthenticator authenticator,
                LifecycleBacklog<RegistrationState, RegistrationEvent, RegistrationCommand> backlog, CancellationToken ct) =>
                authenticator.Authenticate(request, ApiClientRole.Operations).Problem ?? Results.Ok(await backlog.ReadAsync(ct)))
            .WithTags("Operations").Produces<LifecycleBacklogReading>().ProducesProblem(401);
        return endpoints;
    }
}
