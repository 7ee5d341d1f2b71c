using Registrar.Epp.Profiles;

namespace Registrar.Epp.Commands;

/// <summary>What a session logs in with (RFC 5730 section 2.9.1.1): the protocol version, the language, and the object
/// and extension services. After login these are the only services its commands may use.</summary>
public sealed record EppLoginTerms(string Version, string Language, IReadOnlyList<string> ObjectUris, IReadOnlyList<string> ExtensionUris)
{
    /// <summary>The one version RFC 5730 defines.</summary>
    public const string ProtocolVersion = "1.0";

    /// <summary>Every service of <paramref name="profile"/>: a login built without a greeting to answer (a frame to look at).</summary>
    public static EppLoginTerms AllOf(EppRegistryProfile profile, string language) =>
        new(ProtocolVersion, language, profile.ObjectUris, profile.ExtensionUris);

    public bool Includes(string serviceNamespace) =>
        ExtensionUris.Contains(serviceNamespace, StringComparer.Ordinal) || ObjectUris.Contains(serviceNamespace, StringComparer.Ordinal);
}
