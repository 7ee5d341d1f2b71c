namespace Registrar.LocalHost.Runtime;

public sealed record ClockReading(DateTimeOffset Now, double Acceleration);

public sealed record AdvanceClock(TimeSpan By);

public sealed record AccelerateClock(double Factor);

/// <summary>Development only: <c>GET /ops/clock</c>, <c>POST /ops/clock/advance {"by":"1.00:00:00"}</c>,
/// <c>POST /ops/clock/accelerate {"factor":3600}</c>.</summary>
public static class OperationsClockEndpoints
{
    public static IEndpointRouteBuilder MapOperationsClock(this IEndpointRouteBuilder endpoints)
    {
        var clock = endpoints.ServiceProvider.GetService<OperationsClock>();
        if (clock is null) return endpoints;

        var group = endpoints.MapGroup("/ops/clock");
        group.MapGet("", () => Reading(clock));
        group.MapPost("/advance", (AdvanceClock request) => Change(clock, () => clock.Advance(request.By)));
        group.MapPost("/accelerate", (AccelerateClock request) => Change(clock, () => clock.Accelerate(request.Factor)));
        return endpoints;
    }

    private static IResult Change(OperationsClock clock, Action change)
    {
        try
        {
            change();
            return Results.Ok(Reading(clock));
        }
        catch (ClockChangeException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "The clock cannot change that way.");
        }
    }

    private static ClockReading Reading(OperationsClock clock) => new(clock.GetUtcNow(), clock.Acceleration);
}
