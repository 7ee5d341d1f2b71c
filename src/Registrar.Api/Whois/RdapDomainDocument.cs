using System.Globalization;
using System.Text.Json.Nodes;
using Registrar.Core.Whois;

namespace Registrar.Api.Whois;

/// <summary>
/// The RDAP domain object (RFC 9083 5.3) of one <see cref="PublicDomainRecord"/>: only what the record shows,
/// and an RFC 9537 "redacted" member naming every field it withholds, how and why.
/// </summary>
public static class RdapDomainDocument
{
    public static JsonObject Build(PublicDomainRecord record, string registrarName, string selfLink, DateTimeOffset now)
    {
        var registrant = record.Registrant is { } shown ? RegistrantCard.Of(shown) : null;
        var document = new JsonObject
        {
            ["rdapConformance"] = new JsonArray("rdap_level_0", "redacted"),
            ["objectClassName"] = "domain",
            ["handle"] = record.Handle,
            ["ldhName"] = record.AsciiName,
        };
        if (record.IsIdn) document["unicodeName"] = record.UnicodeName;
        if (record.Statuses is { } statuses) document["status"] = new JsonArray([.. statuses.Select(s => JsonValue.Create(s))]);
        if (record.NameServers is { } nameServers) document["nameservers"] = new JsonArray([.. nameServers.Select(NameServer)]);
        document["events"] = Events(record, now);
        if (Entities(record, registrarName, registrant) is { Count: > 0 } entities) document["entities"] = entities;
        document["links"] = new JsonArray(new JsonObject
        {
            ["value"] = selfLink, ["rel"] = "self", ["href"] = selfLink, ["type"] = RdapJsonResult.MediaType,
        });
        document["notices"] = new JsonArray(Notice(record));
        if (record.Withheld.Count > 0) document["redacted"] = RdapRedactions.Of(record.Withheld, registrant);
        return document;
    }

    /// <summary>RFC 3339, in UTC.</summary>
    public static string Date(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 9083 section 5.2: a nameserver object; unicodeName only for an IDN host, as for the domain itself.</summary>
    private static JsonNode NameServer(PublishedNameServer host)
    {
        var nameServer = new JsonObject { ["objectClassName"] = "nameserver", ["ldhName"] = host.LdhName };
        if (host.UnicodeName is { } unicode) nameServer["unicodeName"] = unicode;
        return nameServer;
    }

    private static JsonArray Events(PublicDomainRecord record, DateTimeOffset now)
    {
        var events = new JsonArray();
        if (record.ExpiresAt is { } expiry) events.Add(Event("expiration", expiry));
        events.Add(Event("last update of RDAP database", now));
        return events;
    }

    private static JsonObject Event(string action, DateTimeOffset at) => new() { ["eventAction"] = action, ["eventDate"] = Date(at) };

    private static JsonArray Entities(PublicDomainRecord record, string registrarName, RegistrantCard? registrant)
    {
        var entities = new JsonArray();
        if (record.ShowsRegistrar) entities.Add(Entity("registrar", JCard.Of([JCard.Text("fn", registrarName)])));
        if (registrant is not null) entities.Add(Entity("registrant", registrant.VcardArray));
        return entities;
    }

    private static JsonObject Entity(string role, JsonArray vcardArray) => new()
    {
        ["objectClassName"] = "entity", ["roles"] = new JsonArray(role), ["vcardArray"] = vcardArray,
    };

    private static JsonObject Notice(PublicDomainRecord record)
    {
        var description = new JsonArray($"Registration data of .{record.Zone} names, published as the zone's policy allows ({record.PolicyRule}).");
        foreach (var reason in record.Withheld.Select(w => $"{w.Rule}: {w.Reason}").Distinct())
            description.Add(reason);
        if (record.Withheld.Count > 0)
            description.Add("Each withheld field is listed under \"redacted\" (RFC 9537).");
        return new JsonObject { ["title"] = "Data policy", ["description"] = description };
    }
}
