namespace Registrar.Epp.Responses;

/// <summary>The registry answered 2500–2502 and closed the session (RFC 5730 §3): an internal error, an authentication
/// error or a session limit, each ending the session before the command was carried out. That is no refusal of the
/// command, so it is not an <see cref="EppCommandFailedException"/>: the command may be sent again on a new session (the
/// registry commands' queue does so, and its flows read back what a repeat finds already done).</summary>
public sealed class EppSessionEndedException(string command, EppResult result, string clientTransactionId, string? serverTransactionId)
    : Exception($"{command} was not carried out: the registry ended the session with {(int)result.Code} {result.Message} " +
                $"(clTRID {clientTransactionId}, svTRID {serverTransactionId ?? "none"})")
{
    public string Command { get; } = command;
    public EppResultCode Code { get; } = result.Code;
    public string ClientTransactionId { get; } = clientTransactionId;
}
