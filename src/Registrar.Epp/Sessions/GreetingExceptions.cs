namespace Registrar.Epp.Sessions;

/// <summary>The registry's greeting does not offer EPP 1.0 (RFC 5730 section 2.4), the only version this client speaks: no
/// login is sent, and trying again will not help until the registry or the client changes.</summary>
public sealed class EppVersionNotAnnouncedException(string serverId, IReadOnlyList<string> announced) : Exception(
    $"The registry {serverId} announces EPP version(s) {string.Join(", ", announced)} but not {Commands.EppLoginTerms.ProtocolVersion}; no login was sent.")
{
    public IReadOnlyList<string> AnnouncedVersions { get; } = announced;
}

/// <summary>The registry's greeting does not offer an object service (RFC 5730 section 2.4 objURI) the profile's commands
/// are written in, so a login may not ask for it (section 2.9.1.1): no login is sent, and the session is not opened.</summary>
public sealed class EppObjectServiceNotAnnouncedException(string serverId, string profileName, IReadOnlyList<string> missing) : Exception(
    $"The registry {serverId} does not announce {string.Join(", ", missing)}, which the '{profileName}' profile needs; no login was sent.")
{
    public IReadOnlyList<string> MissingObjectUris { get; } = missing;
}
