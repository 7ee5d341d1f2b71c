using Microsoft.Extensions.Options;
using Registrar.Api.Privacy;
using Registrar.Core.Lifecycle;

namespace Registrar.LocalHost.Privacy;

/// <summary>Runs <see cref="PersonalDataErasureCheck"/> every "Privacy:ErasureCheckInterval" (UA-Pre-6), as the Functions app's
/// timer does, erasing from the local runtime's rows.</summary>
public sealed class PersonalDataErasureService(
    PersonalDataErasureCheck check, ILifecycleHistoryEraser history, IOptions<PrivacyOptions> options, TimeProvider clock,
    ILogger<PersonalDataErasureService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The operations clock moves "now", not timers: the interval stays real time however far the clock jumps.
        using var timer = new PeriodicTimer(options.Value.ErasureCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await check.RunAsync(history, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Personal data erasure failed; the next run tries again");
            }
        }
    }
}
