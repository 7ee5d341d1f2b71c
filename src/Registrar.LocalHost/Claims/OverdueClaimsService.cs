using Microsoft.Extensions.Options;
using Registrar.Api.Claims;
using Registrar.LocalHost.Runtime;

namespace Registrar.LocalHost.Claims;

/// <summary>Runs <see cref="OverdueClaimsCheck"/> every "Claims:OverdueCheckInterval" (UA-5.1), as the Functions app's timer does.</summary>
public sealed class OverdueClaimsService(
    OverdueClaimsCheck check, IOptions<ClaimOptions> options, TimeProvider clock, ILogger<OverdueClaimsService> logger)
    : RecurringService(options.Value.OverdueCheckInterval, atStart: false, clock, logger)
{
    protected override string Work => "Overdue claims check";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => check.RunAsync(cancellationToken);
}
