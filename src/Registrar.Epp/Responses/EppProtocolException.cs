namespace Registrar.Epp.Responses;

/// <summary>The registry sent something that is not a valid EPP answer (malformed XML, a DTD, a
/// missing element, an oversize frame, a clTRID that does not match). The session it came on is
/// discarded: its state is unknown. Answering a state-changing command, it also leaves that command's
/// outcome unknown: reconcile with an info command as for <see cref="EppOutcomeUnknownException"/>.</summary>
public class EppProtocolException(string message, Exception? inner = null) : Exception(message, inner);
