using System.Text.Json.Nodes;
using Registrar.Core.Whois;
using Registrar.Core.Zones;

namespace Registrar.Api.Whois;

/// <summary>
/// RFC 9537 "redacted" members: one per withheld value, with its name (a registered redacted name where the
/// registry has one), where it is or would be (JSONPath), how it was withheld and the rule that withholds it.
/// An emptied or replaced value is found by "postPath" (a replacement's source by "replacementPath"); a removed one is where
/// "prePath" would have found it.
/// </summary>
public static class RdapRedactions
{
    private const string Registrant = "$.entities[?(@.roles[0]=='registrant')].vcardArray[1]";

    public static JsonArray Of(IReadOnlyList<WithheldField> withheld, RegistrantCard? card)
    {
        var redacted = new JsonArray();
        foreach (var field in withheld)
            foreach (var entry in Entries(field.Field, card))
                redacted.Add((entry with { Reason = $"{field.Rule}: {field.Reason}" }).ToJson());
        return redacted;
    }

    private static IEnumerable<Redaction> Entries(WhoisField field, RegistrantCard? card) => field switch
    {
        WhoisField.RegistrantName => [card switch
        {
            { NameEmptied: true } => Redaction.Emptied("Registrant Name", $"{Registrant}[?(@[0]=='fn')][3]"),
            // RFC 9537 section 3.3: "fn" is there, holding the organisation's name in place of the person's.
            { NameReplaced: true } => Redaction.Replaced("Registrant Name", $"{Registrant}[?(@[0]=='fn')][3]", $"{Registrant}[?(@[0]=='org')][3]"),
            _ => Redaction.Removed("Registrant Name", $"{Registrant}[?(@[0]=='fn')]"),
        }],
        WhoisField.RegistrantOrganization => [Redaction.Removed("Registrant Organization", $"{Registrant}[?(@[0]=='org')]")],
        WhoisField.RegistrantCountry => [Redaction.Removed("Registrant Country", $"{Registrant}[?(@[0]=='adr')][1].cc", registered: false)],
        WhoisField.RegistrantAddress =>
        [
            AddressPart("Registrant Street", 2, card), AddressPart("Registrant City", 3, card),
            AddressPart("Registrant Region", 4, card, registered: false), AddressPart("Registrant Postal Code", 5, card),
        ],
        WhoisField.RegistrantEmail => [Redaction.Removed("Registrant Email", $"{Registrant}[?(@[0]=='email')]")],
        WhoisField.RegistrantPhone => [Redaction.Removed("Registrant Phone", $"{Registrant}[?(@[0]=='tel')]")],
        WhoisField.Status => [Redaction.Removed("Domain Status", "$.status", registered: false)],
        WhoisField.Expiry => [Redaction.Removed("Expiration Date", "$.events[?(@.eventAction=='expiration')]", registered: false)],
        WhoisField.NameServers => [Redaction.Removed("Name Servers", "$.nameservers", registered: false)],
        WhoisField.Registrar => [Redaction.Removed("Registrar", "$.entities[?(@.roles[0]=='registrar')]", registered: false)],
        _ => [Redaction.Removed(field.ToString(), null, registered: false)],
    };

    /// <summary>Emptied where the card keeps an address (the country is shown), removed with it otherwise.</summary>
    private static Redaction AddressPart(string name, int component, RegistrantCard? card, bool registered = true) =>
        card?.HasAddress == true
            ? Redaction.Emptied(name, $"{Registrant}[?(@[0]=='adr')][3][{component}]", registered)
            : Redaction.Removed(name, $"{Registrant}[?(@[0]=='adr')][3][{component}]", registered);

    /// <param name="Registered">The name is one of the registered redacted names ("type"); otherwise it is described.</param>
    private sealed record Redaction(string Name, bool Registered, string Method, string? PrePath, string? PostPath, string Reason = "",
        string? ReplacementPath = null)
    {
        public static Redaction Removed(string name, string? prePath, bool registered = true) => new(name, registered, "removal", prePath, null);

        public static Redaction Emptied(string name, string postPath, bool registered = true) => new(name, registered, "emptyValue", null, postPath);

        public static Redaction Replaced(string name, string postPath, string replacementPath) =>
            new(name, true, "replacementValue", null, postPath, ReplacementPath: replacementPath);

        public JsonObject ToJson()
        {
            var entry = new JsonObject { ["name"] = new JsonObject { [Registered ? "type" : "description"] = Name } };
            if (PrePath is not null) entry["prePath"] = PrePath;
            if (PostPath is not null) entry["postPath"] = PostPath;
            if (ReplacementPath is not null) entry["replacementPath"] = ReplacementPath;
            if (PrePath is not null || PostPath is not null) entry["pathLang"] = "jsonpath";
            entry["method"] = Method;
            entry["reason"] = new JsonObject { ["description"] = Reason };
            return entry;
        }
    }
}
