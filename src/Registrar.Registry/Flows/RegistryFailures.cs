using Microsoft.Extensions.Logging;
using Registrar.Core.Registrations;
using Registrar.Epp.Responses;

namespace Registrar.Registry.Flows;

/// <summary>What every flow does with a command the registry did not carry out as asked. Failures where
/// nothing was sent (no connection, a command that cannot be built) are not handled here: they propagate,
/// for the queue to retry.</summary>
internal sealed class RegistryFailures(ILogger logger)
{
    /// <summary>Sent, but no answer we can trust: the registration asks the registry (info) instead of asking twice.</summary>
    public static bool LeftOutcomeUnknown(Exception e) => e is EppOutcomeUnknownException or EppProtocolException;

    public RegistryRefused Refused(EppCommandFailedException e)
    {
        // The registry's message may quote what was sent (an address, a name): it reaches operations in the outcome, never the log.
        logger.LogWarning("Registry refused {Command} ({ClTrid}): {Code}", e.Command, e.ClientTransactionId, (int)e.Code);
        return new RegistryRefused((int)e.Code, e.Result.Message);
    }

    /// <summary>RFC 5731 section 3.2.2: a domain whose subordinate hosts cannot all go is refused its delete (2305) as the registry
    /// itself would refuse it, saying which step failed and the registry's answer to it, for operations to act on.</summary>
    public RegistryRefused DeletionBlocked(string why, EppCommandFailedException e)
    {
        logger.LogWarning("Registry refused {Command} ({ClTrid}) before a domain:delete: {Code}", e.Command, e.ClientTransactionId, (int)e.Code);
        return new RegistryRefused((int)EppResultCode.ObjectAssociationProhibitsOperation, $"{why}: {(int)e.Code} ({e.Result.Message}).");
    }
}
