namespace Registrar.Epp.Responses;

/// <summary>A state-changing command (create, renew, update, delete, transfer) was sent but no
/// answer came back: the registry may or may not have executed it. It is never re-sent blindly;
/// the caller reconciles with an <c>info</c> command (architecture principle 3).</summary>
public sealed class EppOutcomeUnknownException(string command, string clientTransactionId, Exception inner)
    : Exception($"{command} (clTRID {clientTransactionId}) was sent but the connection failed before the answer: " +
                "the registry may have executed it. Reconcile with an info command before retrying.", inner)
{
    public string Command { get; } = command;
    public string ClientTransactionId { get; } = clientTransactionId;
}
