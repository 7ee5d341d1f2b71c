using Registrar.Api.Lifecycle;
using Registrar.LocalHost.Runtime;

namespace Registrar.LocalHost.Registrations;

/// <summary>Runs <see cref="RegistrationViewFormatCheck"/> at start and then every hour, as the Functions app's timer does: once a
/// deploy's format is reached, a run is one read.</summary>
public sealed class ViewFormatService(RegistrationViewFormatCheck check, TimeProvider clock, ILogger<ViewFormatService> logger)
    : RecurringService(TimeSpan.FromHours(1), atStart: true, clock, logger)
{
    protected override string Work => "Asking registrations to record their views again";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => check.RunAsync(cancellationToken);
}
