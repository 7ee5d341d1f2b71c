using Registrar.Epp.Profiles;

namespace Registrar.Epp.Tests.Support;

/// <summary>What a scripted server's greeting offers (RFC 5730 section 2.4 svcMenu).</summary>
public sealed record GreetingMenu(
    IReadOnlyList<string> Versions, IReadOnlyList<string> Languages, IReadOnlyList<string> ObjectUris, IReadOnlyList<string> ExtensionUris)
{
    /// <summary>EPP 1.0 in English with every service of <paramref name="profile"/>.</summary>
    public static GreetingMenu Of(EppRegistryProfile profile) => new(["1.0"], ["en"], profile.ObjectUris, profile.ExtensionUris);
}
