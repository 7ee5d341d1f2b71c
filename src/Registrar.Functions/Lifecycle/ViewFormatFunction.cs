using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Lifecycle;

namespace Registrar.Functions.Lifecycle;

/// <summary>Every hour, and so within an hour of a deploy that raised the views' format, asks each registration not ended whose
/// view is of an earlier format to record it again; once the format is reached, a run is one read.</summary>
public sealed class ViewFormatFunction(RegistrationViewFormatCheck check)
{
    [Function("RecordViewsAgain")]
    public Task Run([TimerTrigger("0 30 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        check.RunAsync(cancellationToken);
}
