using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using Registrar.Core.Names;
using Registrar.Core.Whois;
using Registrar.Core.Zones;

namespace Registrar.Api.Whois;

/// <summary>
/// GET /api/rdap/domain/{name} and GET /api/whois/{name}: the public answer for a domain this registrar holds,
/// with what <see cref="WhoisPublication"/> decides it shows (KZ-App-10.3, UA-1.15). The name may be typed in
/// Unicode or A-label form. Anonymous; the rate limit is the hosts' (<see cref="PublicLookupRateLimitPolicy"/>).
/// </summary>
public sealed class PublicLookupHandlers(
    DomainNameParser names, IRegisteredDomainDirectory directory, WhoisPublication publication, ZoneCatalog zones, IOptions<WhoisOptions> options,
    TimeProvider clock)
{
    public async Task<IResult> RdapDomainAsync(HttpRequest request, string name, CancellationToken ct)
    {
        var found = await LookUpAsync(name, ct);
        if (found.Error is not null) return found.Error;
        var self = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, $"/api/rdap/domain/{found.Record!.AsciiName}");
        return new RdapJsonResult(RdapDomainDocument.Build(found.Record, RegistrarOf(found.Record), self, clock.GetUtcNow()));
    }

    public async Task<IResult> WhoisAsync(HttpRequest request, string name, CancellationToken ct)
    {
        var found = await LookUpAsync(name, ct);
        return (IResult?)found.Error?.AsProblem()
            ?? TypedResults.Text(WhoisText.Render(found.Record!, RegistrarOf(found.Record!), clock.GetUtcNow()), "text/plain; charset=utf-8");
    }

    /// <summary>A name of 253 characters, with room for a trailing dot and a U-label's NFD form.</summary>
    private const int MaxQueryLength = 512;

    /// <summary>The registrar that sponsors the domain at its zone's registry.</summary>
    private string RegistrarOf(PublicDomainRecord record) => options.Value.RegistrarOf(zones.For(record.Zone).RegistryId);

    private async Task<(PublicDomainRecord? Record, LookupError? Error)> LookUpAsync(string name, CancellationToken ct)
    {
        // RFC 9082 3.1.3: the path segment is the name itself. The shop's parser forgives what a customer types around a
        // name (spaces, a line break); a query carrying it is not a domain name (RFC 7480 5.4), and one longer than any name
        // is not quoted back.
        if (name.Length > MaxQueryLength)
            return (null, LookupError.BadName($"The query is {name.Length} characters; a domain name has at most 253."));
        if (name.Length == 0 || char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]) || name.Any(char.IsControl))
            return (null, LookupError.BadName("A domain name has no spaces or control characters before, after or in it."));
        var parsed = names.Parse(name);
        if (!parsed.IsValid)
            return (null, IsMalformed(parsed.Refusal.Reason) ? LookupError.BadName(parsed.Refusal.Message) : LookupError.NotHeld(parsed.Refusal.Message));
        var domain = await directory.FindAsync(parsed.Name.Ascii, ct);
        return domain is null
            ? (null, LookupError.NotHeld($"This registrar holds no registration of {parsed.Name.Unicode}."))
            : (publication.Decide(domain), null);
    }

    /// <summary>RFC 7480 5.4: not a domain name at all is a bad request; a name this registrar cannot hold is simply not found.</summary>
    private static bool IsMalformed(NameRefusalReason reason) => reason is not (NameRefusalReason.UnknownZone or NameRefusalReason.ZoneOnly
        or NameRefusalReason.NotDirectlyUnderZone or NameRefusalReason.OutsideZoneRepertoire);
}
