using System.Xml.Linq;
using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Transport;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands;

/// <summary>One command as a handler sees it: the object element (e.g. &lt;domain:create&gt;), its
/// extensions, the session, the registry and the simulated now.</summary>
public sealed class CommandContext(
    EppSession session, EppProfile profile, XElement command, XElement? extension, RegistryStore store, DateTimeOffset now, TransactionIds transaction)
{
    public EppSession Session { get; } = session;
    public EppProfile Profile { get; } = profile;
    public XElement Command { get; } = command;
    public XElement? Extension { get; } = extension;
    public RegistryStore Store { get; } = store;
    public DateTimeOffset Now { get; } = now;

    /// <summary>The command's clTRID and the svTRID its response carries, for messages that name it later.</summary>
    public TransactionIds Transaction { get; } = transaction;

    public string ClientId => Session.ClientId ?? throw new InvalidOperationException("No registrar is logged in.");

    public XNamespace Ns => Command.Name.Namespace;

    public XElement? Element(string localName) => Command.Element(Ns + localName);

    public IEnumerable<XElement> Elements(string localName) => Command.Elements(Ns + localName);

    public string? Value(string localName) => Element(localName)?.Value.Trim();

    /// <summary>RFC 5731 to 5733, update: at least one of add, rem and chg, unless an extension carries the change.</summary>
    public void RequireSomeChange()
    {
        if (Extension is null && Element("add") is null && Element("rem") is null && Element("chg") is null)
            throw new EppCommandException(ResultCode.MissingParameter, "an update needs <add>, <rem> or <chg>, or an extension that carries the change.");
    }

    public string Required(string localName) => RequiredElement(localName).Value.Trim();

    /// <summary>The element itself, for a check that names it in its refusal's extValue.</summary>
    public XElement RequiredElement(string localName) =>
        Element(localName) is { } element && element.Value.Trim().Length > 0
            ? element
            : throw new EppCommandException(ResultCode.MissingParameter, $"<{Command.Name.LocalName}> needs <{localName}>.");

    public XElement? ExtensionElement(XNamespace ns, string localName) => Extension?.Element(ns + localName);

    /// <summary>An object element in the command's own namespace, for responses.</summary>
    public XElement Res(string localName, params object?[] content) => new(Ns + localName, content);
}

public interface ICommandHandler
{
    /// <summary>"domain:create", "contact:check", "poll" …: the key for dispatch and for /stats.</summary>
    string Name { get; }

    EppResponse Handle(CommandContext context);
}
