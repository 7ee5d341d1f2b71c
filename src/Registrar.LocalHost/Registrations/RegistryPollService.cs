using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Registrar.Registry;

namespace Registrar.LocalHost.Registrations;

/// <summary>Takes the registries' poll messages every "Registry:Poll:Interval", as the Functions app's timer does.</summary>
public sealed class RegistryPollService(RegistryPollDrainer drainer, IOptions<RegistryPollOptions> options, ILogger<RegistryPollService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Each registry's failure is logged and its messages kept for the next run by the drainer itself.
            var drained = await drainer.DrainAllAsync(stoppingToken);
            logger.LogInformation("Registry poll messages taken: {Drained}", string.Join(", ", drained.Select(d => $"{d.Key}={d.Value}")));
        }
    }
}

/// <summary>Bound from "Registry:Poll": how often the local host reads the registries' message queues.</summary>
public sealed class RegistryPollOptions
{
    public const string Section = "Registry:Poll";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
