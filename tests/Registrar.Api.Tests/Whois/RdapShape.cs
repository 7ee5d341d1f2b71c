using System.Globalization;
using System.Text.Json;

namespace Registrar.Api.Tests.Whois;

/// <summary>
/// What RFC 9083 requires of an RDAP answer, member by member and per object class, with the values its IANA
/// registries allow (10.2: status, event actions, roles), and what RFC 9537 requires of "redacted": what any RDAP
/// client can count on. Each assertion names the section it comes from.
/// </summary>
public static class RdapShape
{
    private static readonly HashSet<string> Statuses =
    [
        "validated", "renew prohibited", "update prohibited", "transfer prohibited", "delete prohibited", "proxy", "private",
        "removed", "obscured", "associated", "active", "inactive", "locked", "pending create", "pending renew", "pending transfer",
        "pending update", "pending delete", "add period", "auto renew period", "client delete prohibited", "client hold",
        "client renew prohibited", "client transfer prohibited", "client update prohibited", "pending restore", "redemption period",
        "renew period", "server delete prohibited", "server renew prohibited", "server transfer prohibited", "server update prohibited",
        "server hold", "transfer period",
    ];

    private static readonly HashSet<string> EventActions =
    [
        "registration", "reregistration", "last changed", "expiration", "deletion", "reinstantiation", "transfer", "locked",
        "unlocked", "last update of RDAP database", "registrar expiration", "enum validation expiration",
    ];

    private static readonly HashSet<string> Roles =
        ["registrant", "technical", "administrative", "abuse", "billing", "registrar", "reseller", "sponsor", "proxy", "notifications", "noc"];

    private static readonly HashSet<string> RedactionMethods = ["removal", "emptyValue", "partialValue", "replacementValue"];

    /// <summary>A complete answer to a domain query.</summary>
    public static void AssertDomainResponse(JsonElement response)
    {
        var conformance = AssertTopmost(response);
        AssertDomain(response);
        if (response.TryGetProperty("notices", out var notices)) AssertNoticesOrRemarks(notices, "4.3 notices");
        if (response.TryGetProperty("redacted", out var redacted))
        {
            Assert.True(conformance.Contains("redacted"), "RFC 9537 4.1: a response with \"redacted\" names the extension in rdapConformance");
            AssertRedacted(redacted);
        }
    }

    /// <summary>RFC 9083 6: an error response's errorCode is the HTTP status; title and description are optional, typed.</summary>
    public static void AssertErrorResponse(JsonElement response, int status)
    {
        AssertTopmost(response);
        Assert.True(response.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.Number, "6: errorCode is REQUIRED, a number");
        Assert.Equal(status, code.GetInt32());
        if (response.TryGetProperty("title", out var title)) Assert.Equal(JsonValueKind.String, title.ValueKind);
        if (response.TryGetProperty("description", out var description)) AssertStrings(description, "6: description");
    }

    /// <summary>4.1: rdapConformance MUST appear in the topmost object, an array of strings naming rdap_level_0.</summary>
    private static IReadOnlyList<string> AssertTopmost(JsonElement response)
    {
        Assert.Equal(JsonValueKind.Object, response.ValueKind);
        Assert.True(response.TryGetProperty("rdapConformance", out var conformance), "4.1: rdapConformance is REQUIRED in the topmost object");
        var values = AssertStrings(conformance, "4.1: rdapConformance");
        Assert.Contains("rdap_level_0", values);
        return values;
    }

    /// <summary>5.3: the domain object class.</summary>
    private static void AssertDomain(JsonElement domain)
    {
        AssertObjectClass(domain, "domain");
        Assert.True(domain.TryGetProperty("ldhName", out var ldh) && ldh.ValueKind == JsonValueKind.String, "5.3: ldhName, a string");
        Assert.Matches("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$", ldh.GetString());
        if (domain.TryGetProperty("unicodeName", out var unicode)) Assert.Equal(JsonValueKind.String, unicode.ValueKind);
        if (domain.TryGetProperty("handle", out var handle)) Assert.Equal(JsonValueKind.String, handle.ValueKind);
        if (domain.TryGetProperty("nameservers", out var nameservers))
        {
            Assert.Equal(JsonValueKind.Array, nameservers.ValueKind);
            foreach (var nameserver in nameservers.EnumerateArray()) AssertNameserver(nameserver);
        }
        AssertCommon(domain);
    }

    /// <summary>5.2: the nameserver object class: its host name as ldhName, and as unicodeName where it is an IDN.</summary>
    private static void AssertNameserver(JsonElement nameserver)
    {
        AssertObjectClass(nameserver, "nameserver");
        Assert.True(nameserver.TryGetProperty("ldhName", out var ldh) && ldh.ValueKind == JsonValueKind.String, "5.2: ldhName, a string");
        Assert.Matches("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$", ldh.GetString());
        if (nameserver.TryGetProperty("unicodeName", out var unicode)) Assert.Equal(JsonValueKind.String, unicode.ValueKind);
        AssertCommon(nameserver);
    }

    /// <summary>5.1: the entity object class.</summary>
    private static void AssertEntity(JsonElement entity)
    {
        AssertObjectClass(entity, "entity");
        if (entity.TryGetProperty("handle", out var handle)) Assert.Equal(JsonValueKind.String, handle.ValueKind);
        if (entity.TryGetProperty("roles", out var roles))
            Assert.All(AssertStrings(roles, "5.1: roles"), role => Assert.Contains(role, Roles));
        if (entity.TryGetProperty("vcardArray", out var card)) AssertJCard(card);
        AssertCommon(entity);
    }

    /// <summary>Members any object class may carry: status (4.6), events (4.5), entities, links (4.2), remarks (4.3).</summary>
    private static void AssertCommon(JsonElement instance)
    {
        if (instance.TryGetProperty("status", out var status))
            Assert.All(AssertStrings(status, "4.6: status"), s => Assert.Contains(s, Statuses));
        if (instance.TryGetProperty("events", out var events))
        {
            Assert.Equal(JsonValueKind.Array, events.ValueKind);
            foreach (var e in events.EnumerateArray())
            {
                Assert.True(e.TryGetProperty("eventAction", out var action), "4.5: eventAction is REQUIRED");
                Assert.Contains(action.GetString()!, EventActions);
                Assert.True(e.TryGetProperty("eventDate", out var date), "4.5: eventDate is REQUIRED");
                Assert.True(DateTimeOffset.TryParseExact(date.GetString(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"4.5: eventDate is RFC 3339, not '{date}'");
            }
        }
        if (instance.TryGetProperty("entities", out var entities))
        {
            Assert.Equal(JsonValueKind.Array, entities.ValueKind);
            foreach (var entity in entities.EnumerateArray()) AssertEntity(entity);
        }
        if (instance.TryGetProperty("links", out var links)) AssertLinks(links);
        if (instance.TryGetProperty("remarks", out var remarks)) AssertNoticesOrRemarks(remarks, "4.3 remarks");
    }

    /// <summary>4.8: objectClassName is REQUIRED in every object class instance.</summary>
    private static void AssertObjectClass(JsonElement instance, string objectClass)
    {
        Assert.Equal(JsonValueKind.Object, instance.ValueKind);
        Assert.True(instance.TryGetProperty("objectClassName", out var name), $"4.8: objectClassName is REQUIRED in a {objectClass}");
        Assert.Equal(objectClass, name.GetString());
    }

    /// <summary>4.2: each link's href is REQUIRED, an absolute URI.</summary>
    private static void AssertLinks(JsonElement links)
    {
        Assert.Equal(JsonValueKind.Array, links.ValueKind);
        foreach (var link in links.EnumerateArray())
        {
            Assert.True(link.TryGetProperty("href", out var href), "4.2: href is REQUIRED");
            Assert.True(Uri.TryCreate(href.GetString(), UriKind.Absolute, out _), "4.2: href is a URI");
            foreach (var member in new[] { "value", "rel", "type" })
                if (link.TryGetProperty(member, out var value)) Assert.Equal(JsonValueKind.String, value.ValueKind);
        }
    }

    /// <summary>4.3: each notice or remark has a REQUIRED description, an array of strings.</summary>
    private static void AssertNoticesOrRemarks(JsonElement items, string section)
    {
        Assert.Equal(JsonValueKind.Array, items.ValueKind);
        foreach (var item in items.EnumerateArray())
        {
            Assert.True(item.TryGetProperty("description", out var description), $"{section}: description is REQUIRED");
            AssertStrings(description, section);
            if (item.TryGetProperty("title", out var title)) Assert.Equal(JsonValueKind.String, title.ValueKind);
        }
    }

    /// <summary>RFC 7095 / RFC 6350: ["vcard", [[name, {params}, type, value…]…]], version 4.0 first, and a formatted name.</summary>
    private static void AssertJCard(JsonElement card)
    {
        Assert.Equal(2, card.GetArrayLength());
        Assert.Equal("vcard", card[0].GetString());
        var properties = card[1].EnumerateArray().ToList();
        foreach (var property in properties)
        {
            Assert.True(property.GetArrayLength() >= 4, "RFC 7095 3.3: name, parameters, type, value");
            Assert.Equal(JsonValueKind.String, property[0].ValueKind);
            Assert.Equal(JsonValueKind.Object, property[1].ValueKind);
            Assert.Equal(JsonValueKind.String, property[2].ValueKind);
        }
        Assert.Equal(["version", "4.0"], [properties[0][0].GetString()!, properties[0][3].GetString()!]);
        Assert.Contains(properties, p => p[0].GetString() == "fn");
    }

    /// <summary>RFC 9537 4.2: each entry names the field, says how it was redacted, and where for anything but removal.</summary>
    private static void AssertRedacted(JsonElement redacted)
    {
        Assert.Equal(JsonValueKind.Array, redacted.ValueKind);
        foreach (var entry in redacted.EnumerateArray())
        {
            Assert.True(entry.TryGetProperty("name", out var name), "RFC 9537 4.2: name is REQUIRED");
            Assert.True(name.TryGetProperty("type", out _) || name.TryGetProperty("description", out _), "RFC 9537 4.2: name has a type or a description");
            var method = entry.TryGetProperty("method", out var m) ? m.GetString()! : "removal";
            Assert.Contains(method, RedactionMethods);
            if (method != "removal") Assert.True(entry.TryGetProperty("postPath", out _), $"RFC 9537 4.2: {method} says where, in postPath");
            if (entry.TryGetProperty("pathLang", out var lang)) Assert.Equal("jsonpath", lang.GetString());
            if (entry.TryGetProperty("reason", out var reason))
                Assert.True(reason.TryGetProperty("type", out _) || reason.TryGetProperty("description", out _), "RFC 9537 4.2: reason has a type or a description");
        }
    }

    private static List<string> AssertStrings(JsonElement array, string what)
    {
        Assert.True(array.ValueKind == JsonValueKind.Array, $"{what}: an array");
        Assert.All(array.EnumerateArray(), v => Assert.Equal(JsonValueKind.String, v.ValueKind));
        return [.. array.EnumerateArray().Select(v => v.GetString()!)];
    }
}
