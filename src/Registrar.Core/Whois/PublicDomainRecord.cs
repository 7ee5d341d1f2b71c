using System.Globalization;
using Registrar.Core.Customers;
using Registrar.Core.Zones;

namespace Registrar.Core.Whois;

/// <summary>
/// What the public WHOIS/RDAP answer shows of one registration, and every field it withholds with the rule
/// that withholds it. Made by <see cref="WhoisPublication"/>; renderers show exactly this and nothing else.
/// </summary>
/// <param name="Handle">This registrar's identifier of the domain object, derived from the registration id without showing it.</param>
/// <param name="Statuses">RDAP status values (RFC 8056 section 2 maps the registry's EPP statuses to them); null when the zone
/// does not publish them.</param>
/// <param name="ExpiresAt">The registry's expiry; null when not published (or not known yet).</param>
/// <param name="NameServers">The domain's name servers at the registry; null when not published (or not known yet).</param>
/// <param name="ShowsRegistrar">Whether the answer names this registrar as the sponsor.</param>
/// <param name="Registrant">The registrant fields shown; null when none is.</param>
/// <param name="PolicyRule">The rule the zone's publication policy implements (KZ-App-10.3, UA-1.15).</param>
public sealed record PublicDomainRecord(
    string Handle,
    string AsciiName,
    string UnicodeName,
    string Zone,
    IReadOnlyList<string>? Statuses,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<PublishedNameServer>? NameServers,
    bool ShowsRegistrar,
    PublishedRegistrant? Registrant,
    IReadOnlyList<WithheldField> Withheld,
    string PolicyRule)
{
    /// <summary>An internationalised name: its U-label form differs from its A-label form.</summary>
    public bool IsIdn => !string.Equals(AsciiName, UnicodeName, StringComparison.Ordinal);
}

/// <summary>A name server as RDAP names a host (RFC 9083 section 5.2): its A-label form, and its U-label form for an IDN host.</summary>
public sealed record PublishedNameServer(string LdhName, string? UnicodeName)
{
    public static PublishedNameServer Of(string host)
    {
        try
        {
            // IdnMapping's instance members are not documented as thread-safe, and lookups run in parallel.
            var idn = new IdnMapping();
            var ldh = idn.GetAscii(host).ToLowerInvariant();
            var unicode = idn.GetUnicode(ldh);
            return new(ldh, unicode == ldh ? null : unicode);
        }
        catch (ArgumentException)
        {
            // A host the registry holds is a valid name; one that is not is shown as it was given rather than left out.
            return new(host.ToLowerInvariant(), null);
        }
    }
}

/// <summary>The registrant fields a public answer shows; each null when it is withheld or was never given.</summary>
/// <param name="Address">The full postal address (street, city, postcode…); the country alone is <paramref name="Country"/>.</param>
public sealed record PublishedRegistrant(
    string? Name, string? Organization, string? Country, PostalAddress? Address, string? Email, string? Phone);

/// <summary>A field the registration has a value for that the public answer withholds, and why.</summary>
/// <param name="Rule">The contract rule that withholds it: UA-1.15, or the zone policy's KZ-App-10.3.</param>
public sealed record WithheldField(WhoisField Field, string Rule, string Reason);
