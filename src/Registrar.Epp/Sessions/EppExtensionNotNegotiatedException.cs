using Registrar.Epp.Commands;

namespace Registrar.Epp.Sessions;

/// <summary>The command carries an extension the session did not log in with, because the registry's greeting did not
/// announce it: RFC 5730 section 2.9.1.1 lets a client use only the services it asked for at login, so the command is
/// refused here rather than sent. Nothing was sent.</summary>
public sealed class EppExtensionNotNegotiatedException(string commandName, string extensionNamespace, string serverId)
    : EppCommandValidationException(
        $"{commandName} carries an extension in {extensionNamespace}, which the registry {serverId} did not announce in its greeting; it was not sent.")
{
    public string ExtensionNamespace { get; } = extensionNamespace;
}
