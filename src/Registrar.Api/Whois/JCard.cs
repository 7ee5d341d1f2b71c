using System.Text.Json.Nodes;

namespace Registrar.Api.Whois;

/// <summary>jCard (RFC 7095): a vCard 4.0 as JSON arrays of [name, parameters, value type, value].</summary>
public static class JCard
{
    /// <summary>["vcard", [["version", {}, "text", "4.0"], …properties]].</summary>
    public static JsonArray Of(IEnumerable<JsonArray> properties)
    {
        var all = new JsonArray(Text("version", "4.0"));
        foreach (var property in properties) all.Add(property);
        return new JsonArray("vcard", all);
    }

    public static JsonArray Text(string name, string value) => new(name, new JsonObject(), "text", value);
}
