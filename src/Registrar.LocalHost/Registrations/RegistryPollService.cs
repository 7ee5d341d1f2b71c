using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Registrar.Registry;
using Registrar.Storage.Queues;

namespace Registrar.LocalHost.Registrations;

/// <summary>Takes the registries' poll messages every "Registry:Poll:Interval", as the Functions app's timer does, and at once
/// when woken (<see cref="RegistryPollSignal"/>).</summary>
public sealed class RegistryPollService(
    RegistryPollDrainer drainer, RegistryPollSignal signal, IOptions<RegistryPollOptions> options, ILogger<RegistryPollService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the wait, so a wake while the registries are drained is not missed.
            var woken = signal.Wake.Next;
            await WakeSignal.IdleAsync(woken, options.Value.Interval, TimeProvider.System, stoppingToken);
            // Each registry's failure is logged and its messages kept for the next run by the drainer itself.
            var drained = await drainer.DrainAllAsync(stoppingToken);
            logger.LogInformation("Registry poll messages taken: {Drained}", string.Join(", ", drained.Select(d => $"{d.Key}={d.Value}")));
        }
    }
}

/// <summary>Polls the registries now rather than at the end of the interval: the development clock wakes it after a jump, since
/// the registry simulator, moved with it, queues what the jump made happen (a .ua domain purged at the end of its redemption
/// period), and the notice that follows should not wait minutes of wall time.</summary>
public sealed class RegistryPollSignal
{
    public WakeSignal Wake { get; } = new();
}

/// <summary>Bound from "Registry:Poll": how often the local host reads the registries' message queues.</summary>
public sealed class RegistryPollOptions
{
    public const string Section = "Registry:Poll";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
