using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Claims;

namespace Registrar.Functions.Claims;

/// <summary>Every fifteen minutes, puts claims left unanswered past their deadline on the review list (UA-5.1).</summary>
public sealed class OverdueClaimsFunction(OverdueClaimsCheck check)
{
    [Function("FlagOverdueClaims")]
    public Task Run([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        check.RunAsync(cancellationToken);
}
