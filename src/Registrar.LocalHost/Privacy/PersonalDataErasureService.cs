using Microsoft.Extensions.Options;
using Registrar.Api.Privacy;
using Registrar.Core.Lifecycle;
using Registrar.LocalHost.Runtime;

namespace Registrar.LocalHost.Privacy;

/// <summary>Runs <see cref="PersonalDataErasureCheck"/> every "Privacy:ErasureCheckInterval" (UA-Pre-6), as the Functions app's
/// timer does, erasing from the local runtime's rows.</summary>
public sealed class PersonalDataErasureService(
    PersonalDataErasureCheck check, ILifecycleHistoryEraser history, IOptions<PrivacyOptions> options, TimeProvider clock,
    ILogger<PersonalDataErasureService> logger) : RecurringService(options.Value.ErasureCheckInterval, atStart: false, clock, logger)
{
    protected override string Work => "Personal data erasure";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => check.RunAsync(history, cancellationToken);
}
