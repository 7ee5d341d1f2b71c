using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Core.Telemetry;
using Registrar.Epp.Responses;
using Registrar.Epp.Transport;

namespace Registrar.Registry;

/// <summary>What one sweep run did.</summary>
/// <param name="Observed">Registrations whose domain:info answer was raised as <see cref="RegistryObserved"/>.</param>
/// <param name="Unanswered">Registrations the registry answered with something other than the domain (refused, unknown).</param>
/// <param name="Deferred">Registrations left for the next run because their registry could not be reached.</param>
public sealed record RegistrySweepResult(int Observed, int Unanswered, int Deferred);

/// <summary>
/// Reconciliation: the registry is the authority for a domain's expiry, statuses and sponsor. Each run reads a
/// bounded number of live registrations, the longest unchecked first, with domain:info through the same EPP
/// clients (and so within the same session caps) as the registry commands, and raises what it read on each as
/// <see cref="RegistryObserved"/>, an unknown domain or another sponsor included: the decider judges it.
/// </summary>
public sealed class RegistrySweep(
    RegistryCommandExecutor registry,
    ZoneRegistries registries,
    IRegistrationViews registrations,
    ILifecycleEvents<RegistrationEvent> events,
    IOptions<RegistrySweepOptions> options,
    TimeProvider clock,
    ILogger<RegistrySweep> logger)
{
    public async Task<RegistrySweepResult> RunAsync(CancellationToken cancellationToken)
    {
        using var activity = RegistrarTelemetry.Lifecycle.StartActivity("registry sweep", ActivityKind.Internal);
        var due = await registrations.DueForRegistryCheckAsync(options.Value.BatchSize, cancellationToken);
        var unreachable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int observed = 0, unanswered = 0, deferred = 0;
        foreach (var check in due)
        {
            var registryId = registries.RegistryIdOrZone(check.Zone);
            if (unreachable.Contains(registryId))
            {
                deferred++;
                continue;
            }

            try
            {
                if (await CheckAsync(check, cancellationToken)) observed++;
                else unanswered++;
            }
            catch (Exception e) when (e is EppConnectionException or EppSessionEndedException)
            {
                // Nothing was sent, or the registry ended the session instead (RFC 5730 §3: 2500–2502): it is down or refuses
                // sessions; its other registrations wait for the next run.
                unreachable.Add(registryId);
                deferred++;
                logger.LogWarning("Registry {RegistryId} unreachable during the sweep ({Reason}); its registrations wait for the next run", registryId, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One registration that cannot be checked must not stay at the head of the line and stop every run.
                unanswered++;
                logger.LogError(e, "The sweep could not check registration {Registration}; it goes to the back of the line", check.RegistrationId);
                await registrations.MarkRegistryCheckedAsync(check.RegistrationId, clock.GetUtcNow(), cancellationToken);
            }
        }

        activity?.SetTag("registrar.sweep.observed", observed);
        activity?.SetTag("registrar.sweep.unanswered", unanswered);
        activity?.SetTag("registrar.sweep.deferred", deferred);
        return new RegistrySweepResult(observed, unanswered, deferred);
    }

    /// <returns>True when the registry's answer was raised on the registration.</returns>
    private async Task<bool> CheckAsync(RegistryCheckDue check, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var eventId = $"observed:{check.RegistrationId}:{now.UtcTicks}";
        var outcome = await registry.ExecuteAsync(new QueryDomain(eventId, check.RegistrationId, check.Zone, check.DomainName), cancellationToken);
        if (outcome is DomainInfo info)
        {
            await events.RaiseAsync(check.RegistrationId, eventId, new RegistryObserved(eventId, info, now), cancellationToken);
        }
        else
        {
            logger.LogWarning("The sweep's domain:info for registration {Registration} was answered {Outcome}; it is read again in its turn",
                check.RegistrationId, outcome.GetType().Name);
        }

        // Even an unanswered check goes to the back of the line, so one troubled domain cannot hold the head of every run.
        await registrations.MarkRegistryCheckedAsync(check.RegistrationId, now, cancellationToken);
        return outcome is DomainInfo;
    }
}
