namespace Registrar.Epp.Responses;

/// <summary>The registry answered the command with a failure result (2xxx). The command was not
/// executed; <see cref="Code"/> says why.</summary>
public sealed class EppCommandFailedException(string command, EppResult result, string clientTransactionId, string? serverTransactionId)
    : Exception($"{command} failed at the registry: {(int)result.Code} {result.Message}{FormatReason(result)} (clTRID {clientTransactionId}, svTRID {serverTransactionId ?? "none"})")
{
    public string Command { get; } = command;
    public EppResultCode Code { get; } = result.Code;
    public EppResult Result { get; } = result;
    public string ClientTransactionId { get; } = clientTransactionId;
    public string? ServerTransactionId { get; } = serverTransactionId;

    private static string FormatReason(EppResult result) =>
        result.Reasons.Count == 0 ? "" : " — " + string.Join("; ", result.Reasons);
}
