using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Registrar.Registry;

namespace Registrar.Functions.Registry;

/// <summary>Every ten minutes, reads a batch of live registrations at their registry (oldest-checked first)
/// and raises what it read on each; the batch size is "Registry:Sweep:BatchSize".</summary>
public sealed class RegistrySweepFunction(RegistrySweep sweep, ILogger<RegistrySweepFunction> logger)
{
    [Function("SweepRegistry")]
    public async Task Run([TimerTrigger("0 */10 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        RegistrySweepResult result = await sweep.RunAsync(cancellationToken);
        logger.LogInformation("Registry sweep: {Observed} observed, {Unanswered} unanswered, {Deferred} deferred; next run {Next}",
            result.Observed, result.Unanswered, result.Deferred, timer.ScheduleStatus?.Next);
    }
}
