namespace Registrar.LocalHost.Runtime;

/// <summary>What the Functions app runs on a timer, run here every <paramref name="interval"/>, first at start where
/// <paramref name="atStart"/>. The operations clock moves "now", not timers: the interval stays real time however far the
/// clock jumps. A run that fails is logged, and the next one tries again.</summary>
public abstract class RecurringService(TimeSpan interval, bool atStart, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What a run does, as the log names it when it fails.</summary>
    protected abstract string Work { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        if (atStart) await RunLoggedAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await RunLoggedAsync(stoppingToken);
    }

    private async Task RunLoggedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Work} failed; the next run tries again", Work);
        }
    }
}
