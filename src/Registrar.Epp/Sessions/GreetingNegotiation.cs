using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Sessions;

/// <summary>Turns a registry's greeting into the terms a session logs in with. RFC 5730 section 2.4 has the greeting list
/// the versions, languages and services the server offers, and section 2.9.1.1 lets a login ask only for those: a strict
/// server refuses a login that asks for more (2307 or 2103). The profile's object services are what the client's commands
/// are written in, so one missing ends the attempt; an extension missing is left out of the login, and the commands that
/// would carry it are refused on that session (<see cref="EppExtensionNotNegotiatedException"/>).</summary>
public static class GreetingNegotiation
{
    /// <summary>RFC 5730 section 2.9.1.1 names "en" as the language every server is expected to offer.</summary>
    public const string FallbackLanguage = "en";

    public static EppLoginTerms Negotiate(EppRegistryProfile profile, EppGreeting greeting, string preferredLanguage)
    {
        if (!greeting.Versions.Contains(EppLoginTerms.ProtocolVersion, StringComparer.Ordinal))
            throw new EppVersionNotAnnouncedException(greeting.ServerId, greeting.Versions);
        var missingObjects = profile.ObjectUris.Where(uri => !greeting.ObjectUris.Contains(uri, StringComparer.Ordinal)).ToList();
        if (missingObjects.Count > 0)
            throw new EppObjectServiceNotAnnouncedException(greeting.ServerId, profile.Name, missingObjects);
        var extensions = profile.ExtensionUris.Where(uri => greeting.ExtensionUris.Contains(uri, StringComparer.Ordinal)).ToList();
        return new EppLoginTerms(EppLoginTerms.ProtocolVersion, Language(greeting, preferredLanguage), profile.ObjectUris, extensions);
    }

    /// <summary>The configured language when the server offers it, else "en", else the first the server offers: a login's
    /// &lt;lang&gt; must be one of the greeting's (RFC 5730 section 2.9.1.1). Language tags compare without case (RFC 5646).</summary>
    private static string Language(EppGreeting greeting, string preferred)
    {
        foreach (var candidate in (string[])[preferred, FallbackLanguage])
            if (greeting.Languages.FirstOrDefault(l => string.Equals(l, candidate, StringComparison.OrdinalIgnoreCase)) is { } offered)
                return offered;
        return greeting.Languages.FirstOrDefault() ?? FallbackLanguage;
    }
}
