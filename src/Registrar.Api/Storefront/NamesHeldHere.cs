using Registrar.Core.Registrations;
using Registrar.Core.Whois;

namespace Registrar.Api.Storefront;

/// <summary>
/// UA-2.1.1, KZ-App-8: a name is registrable only while it is free. One this registrar holds, or is registering (paid, its create
/// not yet answered: waiting for a trademark review, say, while the registry's domain:check still calls it free), is not, in
/// whichever spelling it was typed (the A-label is looked up, RFC 5891): quotes and orders answer alike.
/// </summary>
public sealed class NamesHeldHere(IRegistrationViews registrations)
{
    public const string Refusal = "is registered already, or being registered, through this registrar; choose another name.";

    /// <param name="asciiName">The A-label form, lower case.</param>
    public async Task<bool> IsHeldAsync(string asciiName, CancellationToken ct) =>
        await registrations.FindByDomainAsync(asciiName, ct) is { } view && (DomainHolding.Holds(view) || RegistrationDecider.IsInProgress(view.Phase));
}
