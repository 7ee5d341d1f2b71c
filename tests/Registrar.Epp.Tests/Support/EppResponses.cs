using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Tests.Support;

/// <summary>Registry answers as RFC 5730 shapes them, built for the scripted server and parser tests.</summary>
public static class EppResponses
{
    private static readonly XNamespace Epp = EppXml.Epp;

    public static byte[] Greeting(GreetingMenu menu) => EppFrameWriter.Serialize(new XDocument(
        new XElement(Epp + "epp", new XElement(Epp + "greeting",
            new XElement(Epp + "svID", "Scripted EPP server"),
            new XElement(Epp + "svDate", "2026-11-24T07:00:00Z"),
            new XElement(Epp + "svcMenu",
                menu.Versions.Select(v => new XElement(Epp + "version", v)),
                menu.Languages.Select(l => new XElement(Epp + "lang", l)),
                menu.ObjectUris.Select(u => new XElement(Epp + "objURI", u)),
                menu.ExtensionUris.Count == 0 ? null
                    : new XElement(Epp + "svcExtension", menu.ExtensionUris.Select(u => new XElement(Epp + "extURI", u))))))));

    public static byte[] Result(int code, string? clTrid, string svTrid = "SV-1", XElement? resData = null, XElement? msgQ = null,
        string message = "Command completed") =>
        EppFrameWriter.Serialize(new XDocument(new XElement(Epp + "epp", new XElement(Epp + "response",
            new XElement(Epp + "result", new XAttribute("code", code), new XElement(Epp + "msg", message)),
            msgQ,
            resData is null ? null : new XElement(Epp + "resData", resData),
            new XElement(Epp + "trID", clTrid is null ? null : new XElement(Epp + "clTRID", clTrid), new XElement(Epp + "svTRID", svTrid))))));

    public static XElement DomainCheckData(XNamespace d, params (string Name, bool Available)[] names) =>
        new(d + "chkData", new XAttribute(XNamespace.Xmlns + "domain", d),
            names.Select(n => new XElement(d + "cd", new XElement(d + "name", new XAttribute("avail", n.Available ? "1" : "0"), n.Name))));

    public static XElement DomainCreateData(XNamespace d, string name) =>
        new(d + "creData", new XAttribute(XNamespace.Xmlns + "domain", d),
            new XElement(d + "name", name), new XElement(d + "crDate", "2026-11-24T07:00:00Z"), new XElement(d + "exDate", "2027-11-24T07:00:00Z"));
}
