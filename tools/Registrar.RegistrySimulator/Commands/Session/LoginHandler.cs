using System.Xml.Linq;
using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Transport;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Session;

/// <summary>RFC 5730 section 2.9.1.1.</summary>
public sealed class LoginHandler(RegistrarAccounts accounts, SessionRegistry sessions, SimulatorOptions options, ServiceMenu menu) : ICommandHandler
{
    private static readonly XNamespace Epp = EppNamespaces.Epp;

    public string Name => "login";

    public EppResponse Handle(CommandContext context)
    {
        var login = context.Command;
        var clientId = login.Element(Epp + "clID")!.Value;
        var password = login.Element(Epp + "pw")!.Value;
        var newPassword = login.Element(Epp + "newPW")?.Value;
        var loginOptions = login.Element(Epp + "options")!;
        var services = login.Element(Epp + "svcs")!;
        var objectUris = services.Elements(Epp + "objURI").Select(e => XNamespace.Get(e.Value.Trim())).ToHashSet();
        var extensionUris = services.Element(Epp + "svcExtension")?.Elements(Epp + "extURI").Select(e => XNamespace.Get(e.Value.Trim())).ToHashSet() ?? [];

        if (context.Session.IsLoggedIn)
            throw new EppCommandException(ResultCode.CommandUseError, $"this session is already logged in as {context.Session.ClientId}.");
        // Another protocol version was answered 2100 before the frame was validated (ProtocolVersion).
        if (loginOptions.Element(Epp + "lang")!.Value.Trim() != "en")
            throw new EppCommandException(ResultCode.UnimplementedOption, "only lang 'en' is served.");
        // Some Hostmaster clients list the EPP namespace itself among the objects; it names no object service.
        objectUris.Remove(Epp);
        // RFC 5730 section 2.9.1.1: a login may ask only for services the greeting announced.
        if (objectUris.FirstOrDefault(u => !menu.ObjectUris.Contains(u)) is { } unknownObject)
            throw new EppCommandException(ResultCode.UnimplementedObjectService, $"{unknownObject.NamespaceName} is not served.");
        if (extensionUris.FirstOrDefault(u => !menu.ExtensionUris.Contains(u)) is { } unknownExtension)
            throw new EppCommandException(ResultCode.UnimplementedExtension, $"{unknownExtension.NamespaceName} is not served.");
        if (!accounts.Verify(clientId, password))
            throw new EppCommandException(ResultCode.AuthenticationError, "the client id or password is wrong.");
        var lease = sessions.TryAcquire(clientId, options.SessionCap)
            ?? throw new EppCommandException(ResultCode.SessionLimitExceeded, $"{clientId} already has {options.SessionCap} open sessions, the registry's limit.");

        if (newPassword is not null) accounts.ChangePassword(clientId, newPassword);
        context.Session.LogIn(clientId, lease, objectUris, extensionUris);
        return EppResponse.Ok();
    }
}

/// <summary>RFC 5730 section 2.9.1.2: answered with 1500, then the server closes the connection.</summary>
public sealed class LogoutHandler : ICommandHandler
{
    public string Name => "logout";

    public EppResponse Handle(CommandContext context)
    {
        context.Session.LogOut();
        return new EppResponse(ResultCode.EndingSession, ResultCode.Text(ResultCode.EndingSession)) { CloseConnection = true };
    }
}
