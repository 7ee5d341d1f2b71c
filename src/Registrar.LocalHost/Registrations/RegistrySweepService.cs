using Microsoft.Extensions.Options;
using Registrar.Registry;

namespace Registrar.LocalHost.Registrations;

/// <summary>Runs the reconciliation sweep every "Registry:Sweep:Interval", as the Functions app's timer does.</summary>
public sealed class RegistrySweepService(
    RegistrySweep sweep, IOptions<RegistrySweepOptions> options, TimeProvider clock, ILogger<RegistrySweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The operations clock moves "now", not timers: the interval stays real time however far the clock jumps.
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await sweep.RunAsync(stoppingToken);
                logger.LogInformation("Registry sweep: {Observed} observed, {Unanswered} unanswered, {Deferred} deferred",
                    result.Observed, result.Unanswered, result.Deferred);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Registry sweep failed; the next run tries again");
            }
        }
    }
}

public static class RegistrySweepServiceExtensions
{
    /// <summary>The sweep and the background service that runs it in the local host.</summary>
    public static IServiceCollection AddRegistrySweepService(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRegistrySweep(configuration).AddHostedService<RegistrySweepService>();
}
