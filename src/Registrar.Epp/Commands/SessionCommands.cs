using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>RFC 5730 section 2.9.1.1, asking for the <paramref name="terms"/> the greeting was found to offer. The password
/// is never part of <see cref="ToString"/>.</summary>
public sealed class LoginCommand(string clientId, string password, string? newPassword, EppLoginTerms terms) : EppCommand<EppAcknowledged>
{
    public override string Name => "login";

    public override void Validate(EppRegistryProfile profile)
    {
        if (clientId.Length is < 3 or > 16) throw new EppCommandValidationException("The EPP client id must be 3 to 16 characters (RFC 5730 clIDType).");
        if (password.Length is < 6 or > 16)
            throw new EppCommandValidationException("The EPP password must be 6 to 16 characters (RFC 5730 pwType).");
        if (newPassword is { Length: < 6 or > 16 })
            throw new EppCommandValidationException("The new EPP password must be 6 to 16 characters (RFC 5730 pwType).");
    }

    public override XElement BuildCommand(EppRegistryProfile profile) =>
        new(Epp + "login",
            new XElement(Epp + "clID", clientId),
            new XElement(Epp + "pw", password),
            newPassword is null ? null : new XElement(Epp + "newPW", newPassword),
            new XElement(Epp + "options", new XElement(Epp + "version", terms.Version), new XElement(Epp + "lang", terms.Language)),
            new XElement(Epp + "svcs",
                terms.ObjectUris.Select(uri => new XElement(Epp + "objURI", uri)),
                terms.ExtensionUris.Count == 0 ? null
                    : new XElement(Epp + "svcExtension", terms.ExtensionUris.Select(uri => new XElement(Epp + "extURI", uri)))));

    public override EppAcknowledged ParseResult(EppResponse response, EppRegistryProfile profile) => new(response.Code);

    public override string ToString() => $"login {clientId}";
}

/// <summary>RFC 5730 section 2.9.1.2; the server answers 1500 and closes the connection.</summary>
public sealed class LogoutCommand : EppCommand<EppAcknowledged>
{
    public override string Name => "logout";

    public override XElement BuildCommand(EppRegistryProfile profile) => new(Epp + "logout");

    public override EppAcknowledged ParseResult(EppResponse response, EppRegistryProfile profile) => new(response.Code);
}
