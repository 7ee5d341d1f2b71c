using Microsoft.Extensions.Logging;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Epp.Sessions;

namespace Registrar.Registry;

/// <summary>
/// Carries out one registry command and raises what came of it on its registration, for both hosts' queue workers: the
/// registry's answer as <see cref="RegistryAnswered"/> under the command's id. A registry whose greeting lacks what the
/// command needs (EPP 1.0, an object service or an extension: RFC 5730 sections 2.4 and 2.9.1.1) is a mismatch between
/// its service and our configuration that no retry heals, so the command fails at once, naming why, and the registration
/// is stalled for operations (as a command given up after every delivery is) instead of being retried until poisoned.
/// Any other failure where nothing was sent propagates, for the queue to retry.
/// </summary>
public sealed class RegistryCommandRunner(
    RegistryCommandExecutor registry,
    ILifecycleEvents<RegistrationEvent> registrations,
    ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand> decider,
    ILogger<RegistryCommandRunner> logger)
{
    public async Task RunAsync(RegistrationCommand command, CancellationToken ct)
    {
        RegistrationEvent result;
        try
        {
            var outcome = await registry.ExecuteAsync(command, ct);
            result = new RegistryAnswered("answer:" + command.CommandId, command.CommandId, outcome);
        }
        catch (Exception e) when (IsNegotiationRefusal(e))
        {
            logger.LogError(e, "Registry command {CommandId} of {RegistrationId} cannot be sent: the registry does not offer what it needs",
                command.CommandId, command.RegistrationId);
            result = decider.CommandFailed(command, $"the registry's greeting does not offer what the command needs, and retrying will not change that: {e.Message}");
        }
        await registrations.RaiseAsync(command.RegistrationId, result.EventId, result, ct);
    }

    private static bool IsNegotiationRefusal(Exception e) =>
        e is EppVersionNotAnnouncedException or EppObjectServiceNotAnnouncedException or EppExtensionNotNegotiatedException;
}
