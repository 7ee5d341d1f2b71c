using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.LocalHost.Registrations;
using Registrar.Storage.Lifecycle;

namespace Registrar.LocalHost.Runtime;

public sealed record ClockReading(DateTimeOffset Now, double Acceleration);

public sealed record AdvanceClock(TimeSpan By);

public sealed record AccelerateClock(double Factor);

/// <summary>Development only, and for operations only (the operations key, like every operations route):
/// <c>GET /ops/clock</c>, <c>POST /ops/clock/advance {"by":"1.00:00:00"}</c>,
/// <c>POST /ops/clock/accelerate {"factor":3600}</c>. A registry simulator named in configuration follows the clock
/// (<see cref="SimulatorClockSync"/>).</summary>
public static class OperationsClockEndpoints
{
    public static IEndpointRouteBuilder MapOperationsClock(this IEndpointRouteBuilder endpoints)
    {
        var clock = endpoints.ServiceProvider.GetService<OperationsClock>();
        if (clock is null) return endpoints;
        var sweep = endpoints.ServiceProvider.GetRequiredService<LifecycleSweepSignal>();
        var registry = endpoints.ServiceProvider.GetService<SimulatorClockSync>();
        var poll = endpoints.ServiceProvider.GetRequiredService<RegistryPollSignal>();
        var kept = endpoints.ServiceProvider.GetRequiredService<OperationsClockStore>();

        var group = endpoints.MapGroup("/ops/clock").WithTags("Operations");
        group.MapGet("", (HttpRequest request, ClientAuthenticator authenticator) =>
                Refusal(request, authenticator) ?? Results.Ok(Reading(clock)))
            .Produces<ClockReading>().ProducesProblem(401);
        group.MapPost("/advance", (HttpRequest request, ClientAuthenticator authenticator, CancellationToken ct) =>
                ChangeAsync<AdvanceClock>(request, authenticator, clock, body => clock.Advance(body.By), kept, new(sweep, registry, poll), ct))
            .Accepts<AdvanceClock>("application/json").Produces<ClockReading>().ProducesProblem(400).ProducesProblem(401);
        group.MapPost("/accelerate", (HttpRequest request, ClientAuthenticator authenticator, CancellationToken ct) =>
                ChangeAsync<AccelerateClock>(request, authenticator, clock, body => clock.Accelerate(body.Factor), kept, new(sweep, registry, poll), ct))
            .Accepts<AccelerateClock>("application/json").Produces<ClockReading>().ProducesProblem(400).ProducesProblem(401);
        return endpoints;
    }

    private static IResult? Refusal(HttpRequest request, ClientAuthenticator authenticator) =>
        authenticator.Authenticate(request, ApiClientRole.Operations).Problem;

    private static async Task<IResult> ChangeAsync<TBody>(HttpRequest request, ClientAuthenticator authenticator, OperationsClock clock,
        Action<TBody> change, OperationsClockStore kept, Followers followers, CancellationToken ct)
    {
        if (Refusal(request, authenticator) is { } refused) return refused;
        var body = await StrictJson.ReadAsync<TBody>(request, ct);
        if (body.Problem is not null) return body.Problem;
        try
        {
            change(body.Value!);
        }
        catch (ClockChangeException e)
        {
            return Problems.Validation(typeof(TBody) == typeof(AdvanceClock) ? "by" : "factor", e.Message);
        }
        // Kept before the answer: a host restarted after it goes on from here (crash probe D7).
        await kept.SaveAsync(clock, ct);
        // The registry's clock moves before the answer, so what is asked of it next is judged at the same time; what the jump made
        // happen there (a purge, a transfer's deadline) reaches the poll at once, as do the timers it made due.
        if (followers.Registry is not null) await followers.Registry.PushAsync(ct);
        followers.Sweep.Wake.Wake();
        followers.Poll.Wake.Wake();
        return Results.Ok(Reading(clock));
    }

    /// <summary>What follows the clock when it moves.</summary>
    private sealed record Followers(LifecycleSweepSignal Sweep, SimulatorClockSync? Registry, RegistryPollSignal Poll);

    private static ClockReading Reading(OperationsClock clock) => new(clock.GetUtcNow(), clock.Acceleration);
}
