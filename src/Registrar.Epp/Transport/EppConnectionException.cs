namespace Registrar.Epp.Transport;

/// <summary>The connection to the registry failed (refused, TLS refused, closed, timed out).
/// Whether a command in flight was executed is decided by the caller of the session, which knows
/// whether the command is safe to repeat.</summary>
public sealed class EppConnectionException(string message, Exception? inner = null) : Exception(message, inner);
