using Microsoft.Extensions.Options;
using Registrar.Api.Claims;

namespace Registrar.LocalHost.Claims;

/// <summary>Runs <see cref="OverdueClaimsCheck"/> every "Claims:OverdueCheckInterval" (UA-5.1), as the Functions app's timer does.</summary>
public sealed class OverdueClaimsService(
    OverdueClaimsCheck check, IOptions<ClaimOptions> options, TimeProvider clock, ILogger<OverdueClaimsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The operations clock moves "now", not timers: the interval stays real time however far the clock jumps.
        using var timer = new PeriodicTimer(options.Value.OverdueCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await check.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Overdue claims check failed; the next run tries again");
            }
        }
    }
}
