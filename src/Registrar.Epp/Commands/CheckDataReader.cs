using System.Xml;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>&lt;resData&gt;&lt;chkData&gt;&lt;cd&gt;&lt;name|id avail="…"&gt;…&lt;/…&gt;&lt;reason/&gt;&lt;/cd&gt;…
/// (RFC 5731-5733 section 3.1.1) into a <see cref="CheckResult"/>, as it streams by.</summary>
internal sealed class CheckDataReader(string objectNamespace, string keyElement) : IResultDataReader
{
    public object Read(XmlReader reader)
    {
        List<CheckItem>? items = null;
        EppProtocolException? problem = null;
        if (reader.EnterElement())
        {
            while (reader.NextChildElement())
            {
                if (items is null && reader.IsElement("chkData", objectNamespace)) items = ReadCheckData(reader, ref problem);
                else reader.Skip();
            }
        }
        if (items is null) throw EppXml.MissingResultData("chkData", objectNamespace);
        if (problem is not null) throw problem;
        return new CheckResult(items);
    }

    private List<CheckItem> ReadCheckData(XmlReader reader, ref EppProtocolException? problem)
    {
        var items = new List<CheckItem>(1);
        if (!reader.EnterElement()) return items;
        while (reader.NextChildElement())
        {
            if (reader.IsElement("cd", objectNamespace)) ReadCheckedItem(reader, items, ref problem);
            else reader.Skip();
        }
        return items;
    }

    private void ReadCheckedItem(XmlReader reader, List<CheckItem> items, ref EppProtocolException? problem)
    {
        string? key = null, avail = null, reason = null;
        if (reader.EnterElement())
        {
            while (reader.NextChildElement())
            {
                if (key is null && reader.IsElement(keyElement, objectNamespace))
                {
                    avail = reader.GetAttribute("avail", "");
                    key = reader.ReadAllText().Trim();
                    if (avail is null) problem ??= EppXml.MissingAttribute(keyElement, "avail");
                }
                else if (reason is null && reader.IsElement("reason", objectNamespace)) reason = reader.ReadAllText().Trim();
                else reader.Skip();
            }
        }
        if (key is null) problem ??= EppXml.MissingChild("cd", keyElement, objectNamespace);
        // xs:boolean collapses whitespace: " true " is as available as "1".
        else items.Add(new CheckItem(key, avail?.Trim() is "1" or "true", reason));
    }
}
