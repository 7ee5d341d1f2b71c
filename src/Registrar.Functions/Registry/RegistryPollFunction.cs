using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Registrar.Registry;

namespace Registrar.Functions.Registry;

/// <summary>Every five minutes, empties the registries' EPP message queues into the review list.</summary>
public sealed class RegistryPollFunction(RegistryPollDrainer drainer, ILogger<RegistryPollFunction> logger)
{
    [Function("DrainRegistryPollQueues")]
    public async Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, int> drained = await drainer.DrainAllAsync(cancellationToken);
        logger.LogInformation("Registry poll messages taken: {Drained}; next run {Next}",
            string.Join(", ", drained.Select(d => $"{d.Key}={d.Value}")), timer.ScheduleStatus?.Next);
    }
}
