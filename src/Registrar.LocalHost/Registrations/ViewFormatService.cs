using Registrar.Api.Lifecycle;

namespace Registrar.LocalHost.Registrations;

/// <summary>Runs <see cref="RegistrationViewFormatCheck"/> at start and then every hour, as the Functions app's timer does: once a
/// deploy's format is reached, a run is one read.</summary>
public sealed class ViewFormatService(RegistrationViewFormatCheck check, ILogger<ViewFormatService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await check.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Asking registrations to record their views again failed; the next run tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
