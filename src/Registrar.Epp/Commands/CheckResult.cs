using System.Xml.Linq;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>One name (domain, host) or id (contact) of a check answer.</summary>
public sealed record CheckItem(string Name, bool Available, string? Reason);

public sealed record CheckResult(IReadOnlyList<CheckItem> Items)
{
    public CheckItem this[string name] =>
        Items.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"The check answer does not mention '{name}'.");

    /// <summary>&lt;chkData&gt;&lt;cd&gt;&lt;name|id avail="…"&gt;…&lt;/…&gt;&lt;reason/&gt;&lt;/cd&gt;… (RFC 5731-5733).</summary>
    internal static CheckResult Parse(XElement chkData, XNamespace ns, string keyElement)
    {
        var cdName = ns + "cd";
        var keyName = ns + keyElement;
        var reasonName = ns + "reason";
        var items = new List<CheckItem>(1);
        foreach (var cd in chkData.Elements(cdName))
        {
            var key = EppXml.RequiredElement(cd, keyName);
            var avail = EppXml.RequiredAttribute(key, "avail");
            items.Add(new CheckItem(key.Value.Trim(), avail is "1" or "true", cd.Element(reasonName)?.Value.Trim()));
        }
        return new CheckResult(items);
    }
}
