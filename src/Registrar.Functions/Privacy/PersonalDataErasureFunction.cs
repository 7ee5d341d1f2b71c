using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Registrar.Api.Privacy;

namespace Registrar.Functions.Privacy;

/// <summary>Every hour, erases the personal data whose retention has run out or whose erasure was requested (UA-Pre-6).</summary>
public sealed class PersonalDataErasureFunction(PersonalDataErasureCheck check)
{
    [Function("ErasePersonalData")]
    public Task Run([TimerTrigger("0 0 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        check.RunAsync(new PurgedOrchestrationHistory(client), cancellationToken);
}
