using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Sessions;

namespace Registrar.Registry;

/// <summary>
/// Carries out one registry command and raises what came of it on its registration, for both hosts' queue workers: the
/// registry's answer as <see cref="RegistryAnswered"/> under the command's id. A registry whose greeting lacks what the
/// command needs (EPP 1.0, an object service or an extension: RFC 5730 sections 2.4 and 2.9.1.1) is a mismatch between
/// its service and our configuration that no retry heals, so the command fails at once, naming why, and the registration
/// is stalled for operations (as a command given up after every delivery is) instead of being retried until poisoned. So
/// does a command that cannot be built from the registration's data (<see cref="EppCommandValidationException"/>): it
/// would be built the same way on every delivery. Any other failure where nothing was sent propagates, for the queue to
/// retry. A command still waiting for the registry's answer when it comes again (the engine sends a decision's commands
/// again once its dispatch grace passed, and a registry may take up to the EPP read timeout to answer) waits for that
/// answer instead of going out a second time: sent twice, a renew's repeat is refused and may be answered first.
/// </summary>
public sealed class RegistryCommandRunner(
    RegistryCommandExecutor registry,
    ILifecycleEvents<RegistrationEvent> registrations,
    ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand> decider,
    ILogger<RegistryCommandRunner> logger)
{
    private readonly ConcurrentDictionary<string, Task<RegistryOutcome>> _inFlight = new(StringComparer.Ordinal);

    public async Task RunAsync(RegistrationCommand command, CancellationToken ct)
    {
        RegistrationEvent result;
        try
        {
            var outcome = await ExecuteOnceAsync(command, ct);
            // Ids only: what the registry sent may quote the registrant's data.
            if (outcome is OutcomeUnknown)
                logger.LogWarning("Registry command {CommandId} of {RegistrationId} has no answer this client can trust (lost, or refused as a protocol error); the registration reads it back",
                    command.CommandId, command.RegistrationId);
            result = new RegistryAnswered("answer:" + command.CommandId, command.CommandId, outcome);
        }
        catch (Exception e) when (WhyNoRetryHelps(e) is { } why)
        {
            // The kind only: a validation message may quote the registrant's data, which logs never carry.
            logger.LogError("Registry command {CommandId} of {RegistrationId} cannot be sent ({Kind}): {Why}",
                command.CommandId, command.RegistrationId, e.GetType().Name, why);
            result = decider.CommandFailed(command, $"{why}, and retrying will not change that: {e.Message}");
        }
        await registrations.RaiseAsync(command.RegistrationId, result.EventId, result, ct);
    }

    private async Task<RegistryOutcome> ExecuteOnceAsync(RegistrationCommand command, CancellationToken ct)
    {
        var mine = new TaskCompletionSource<RegistryOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _inFlight.GetOrAdd(command.CommandId, mine.Task);
        if (running != mine.Task)
        {
            logger.LogInformation("Registry command {CommandId} is already out; waiting for its answer instead of sending it again", command.CommandId);
            return await running.WaitAsync(ct);
        }
        try
        {
            var outcome = await registry.ExecuteAsync(command, ct);
            mine.SetResult(outcome);
            return outcome;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception; // observed here: a waiter, if any, gets it as well
            throw;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<RegistryOutcome>>(command.CommandId, mine.Task));
        }
    }

    private static string? WhyNoRetryHelps(Exception e) => e switch
    {
        EppVersionNotAnnouncedException or EppObjectServiceNotAnnouncedException or EppExtensionNotNegotiatedException =>
            "the registry's greeting does not offer what the command needs",
        EppCommandValidationException => "the command cannot be built from the registration's data as the registry's schema asks",
        _ => null,
    };
}
