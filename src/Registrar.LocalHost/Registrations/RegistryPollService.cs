using Registrar.Registry;

namespace Registrar.LocalHost.Registrations;

/// <summary>Empties the registries' EPP message queues into the review list every five minutes,
/// as the Functions app's timer does.</summary>
public sealed class RegistryPollService(RegistryPollDrainer drainer, ILogger<RegistryPollService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var drained = await drainer.DrainAllAsync(stoppingToken);
            logger.LogInformation("Registry poll messages taken: {Drained}", string.Join(", ", drained.Select(d => $"{d.Key}={d.Value}")));
        }
    }
}
