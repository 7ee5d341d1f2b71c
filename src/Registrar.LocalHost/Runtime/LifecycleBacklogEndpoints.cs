using System.Globalization;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;

namespace Registrar.LocalHost.Runtime;

/// <summary><c>GET /ops/lifecycle/backlog</c> (operations key): due timers and queued events and commands of the
/// registration lifecycle. Operations watch it for a stuck runtime; the end-to-end runs wait for it to settle
/// after each move of the clock, with <c>?settleWithin=S</c>: the answer comes once two readings in a row found
/// nothing to do, or after S seconds with what is left.</summary>
public static class LifecycleBacklogEndpoints
{
    private const int MaxSettleSeconds = 50;

    public static IEndpointRouteBuilder MapLifecycleBacklog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ops/lifecycle/backlog", async (HttpRequest request, ClientAuthenticator authenticator,
                LifecycleBacklog<RegistrationState, RegistrationEvent, RegistrationCommand> backlog, string? settleWithin, CancellationToken ct) =>
            {
                if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } refused) return refused;
                if (settleWithin is null) return Results.Ok(await backlog.ReadAsync(ct));
                // Below the usual HTTP client's timeout, so a waiting client asks again rather than gives up.
                if (!int.TryParse(settleWithin, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > MaxSettleSeconds)
                    return Problems.Validation("settleWithin", $"Whole seconds from 1 to {MaxSettleSeconds}.");
                return Results.Ok(await backlog.WaitUntilSettledAsync(TimeSpan.FromSeconds(seconds), ct));
            })
            .WithTags("Operations").Produces<LifecycleBacklogReading>().ProducesValidationProblem().ProducesProblem(401);
        return endpoints;
    }
}
