using System.Xml.Linq;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>The namespaces of one registry profile, as the tests send them.</summary>
public sealed record Profile(XNamespace Domain, XNamespace Contact, XNamespace Host, XNamespace Rgp)
{
    public static readonly Profile Ietf = new("urn:ietf:params:xml:ns:domain-1.0", "urn:ietf:params:xml:ns:contact-1.0",
        "urn:ietf:params:xml:ns:host-1.0", "urn:ietf:params:xml:ns:rgp-1.0");

    public static readonly Profile Hostmaster = new("http://hostmaster.ua/epp/domain-1.1", "http://hostmaster.ua/epp/contact-1.1",
        "http://hostmaster.ua/epp/host-1.1", "http://hostmaster.ua/epp/rgp-1.1");
}

/// <summary>EPP command frames for the tests, built with XElement.</summary>
public static class Frames
{
    private static readonly XNamespace Epp = RawEppClient.Epp;
    public static readonly XNamespace Uaepp = "http://hostmaster.ua/epp/uaepp-1.1";

    public static XElement Command(XElement verb, XElement? extension = null) =>
        new(Epp + "epp", new XElement(Epp + "command", verb, extension is null ? null : new XElement(Epp + "extension", extension)));

    public static XElement Hello() => new(Epp + "epp", new XElement(Epp + "hello"));

    public static XElement Login(string clientId, string password, bool hostmaster = false, string? newPassword = null)
    {
        var profile = hostmaster ? Profile.Hostmaster : Profile.Ietf;
        XNamespace[] extensions = hostmaster
            ? [profile.Rgp, Uaepp]
            : [profile.Rgp, "urn:ietf:params:xml:ns:secDNS-1.1"];
        return Command(new XElement(Epp + "login",
            new XElement(Epp + "clID", clientId),
            new XElement(Epp + "pw", password),
            newPassword is null ? null : new XElement(Epp + "newPW", newPassword),
            new XElement(Epp + "options", new XElement(Epp + "version", "1.0"), new XElement(Epp + "lang", "en")),
            new XElement(Epp + "svcs",
                new XElement(Epp + "objURI", profile.Domain.NamespaceName),
                new XElement(Epp + "objURI", profile.Contact.NamespaceName),
                new XElement(Epp + "objURI", profile.Host.NamespaceName),
                new XElement(Epp + "svcExtension", extensions.Select(e => new XElement(Epp + "extURI", e.NamespaceName))))));
    }

    public static XElement Logout() => Command(new XElement(Epp + "logout"));

    public static XElement DomainCheck(Profile p, params string[] names) =>
        Command(new XElement(Epp + "check", new XElement(p.Domain + "check", names.Select(n => new XElement(p.Domain + "name", n)))));

    public static XElement DomainInfo(Profile p, string name, string? authInfo = null) =>
        Command(new XElement(Epp + "info", new XElement(p.Domain + "info", new XElement(p.Domain + "name", name),
            authInfo is null ? null : new XElement(p.Domain + "authInfo", new XElement(p.Domain + "pw", authInfo)))));

    public static XElement DomainCreate(Profile p, string name, string registrant, string authInfo = "2fooBAR", int years = 1,
        IEnumerable<string>? nameServers = null, string? licence = null, string? adminContact = null) =>
        Command(new XElement(Epp + "create", new XElement(p.Domain + "create",
                new XElement(p.Domain + "name", name),
                new XElement(p.Domain + "period", new XAttribute("unit", "y"), years),
                nameServers is null ? null : new XElement(p.Domain + "ns", nameServers.Select(n => new XElement(p.Domain + "hostObj", n))),
                new XElement(p.Domain + "registrant", registrant),
                adminContact is null ? null : new XElement(p.Domain + "contact", new XAttribute("type", "admin"), adminContact),
                new XElement(p.Domain + "authInfo", new XElement(p.Domain + "pw", authInfo)))),
            licence is null ? null : new XElement(Uaepp + "create", new XElement(Uaepp + "license", licence)));

    public static XElement DomainRenew(Profile p, string name, string currentExpiryDate, int years = 1) =>
        Command(new XElement(Epp + "renew", new XElement(p.Domain + "renew",
            new XElement(p.Domain + "name", name),
            new XElement(p.Domain + "curExpDate", currentExpiryDate),
            new XElement(p.Domain + "period", new XAttribute("unit", "y"), years))));

    public static XElement DomainDelete(Profile p, string name) =>
        Command(new XElement(Epp + "delete", new XElement(p.Domain + "delete", new XElement(p.Domain + "name", name))));

    public static XElement DomainUpdate(Profile p, string name, XElement? add = null, XElement? remove = null, XElement? change = null, XElement? extension = null) =>
        Command(new XElement(Epp + "update", new XElement(p.Domain + "update",
            new XElement(p.Domain + "name", name), add, remove, change)), extension);

    public static XElement Restore(Profile p, string name, string op = "request") =>
        DomainUpdate(p, name, change: new XElement(p.Domain + "chg"),
            extension: new XElement(p.Rgp + "update", new XElement(p.Rgp + "restore", new XAttribute("op", op),
                op == "report" ? RestoreReport(p) : null)));

    private static XElement RestoreReport(Profile p) =>
        new(p.Rgp + "report",
            new XElement(p.Rgp + "preData", "Pre-delete registration data"),
            new XElement(p.Rgp + "postData", "Post-restore registration data"),
            new XElement(p.Rgp + "delTime", "2027-01-01T00:00:00.0Z"),
            new XElement(p.Rgp + "resTime", "2027-01-10T00:00:00.0Z"),
            new XElement(p.Rgp + "resReason", "Registrant error."),
            new XElement(p.Rgp + "statement", "The information in this report is true."),
            new XElement(p.Rgp + "statement", "Restored for the registrant, not for a new owner."));

    public static XElement DomainTransfer(Profile p, string op, string name, string? authInfo = null, int? years = null) =>
        Command(new XElement(Epp + "transfer", new XAttribute("op", op), new XElement(p.Domain + "transfer",
            new XElement(p.Domain + "name", name),
            years is null ? null : new XElement(p.Domain + "period", new XAttribute("unit", "y"), years),
            authInfo is null ? null : new XElement(p.Domain + "authInfo", new XElement(p.Domain + "pw", authInfo)))));

    public static XElement ContactCheck(Profile p, params string[] ids) =>
        Command(new XElement(Epp + "check", new XElement(p.Contact + "check", ids.Select(i => new XElement(p.Contact + "id", i)))));

    public static XElement ContactInfo(Profile p, string id) =>
        Command(new XElement(Epp + "info", new XElement(p.Contact + "info", new XElement(p.Contact + "id", id))));

    public static XElement ContactCreate(Profile p, string id, string name = "Jane Doe", string email = "jane@example.kz") =>
        Command(new XElement(Epp + "create", new XElement(p.Contact + "create",
            new XElement(p.Contact + "id", id),
            new XElement(p.Contact + "postalInfo", new XAttribute("type", "int"),
                new XElement(p.Contact + "name", name),
                new XElement(p.Contact + "addr",
                    new XElement(p.Contact + "street", "1 Abay Avenue"),
                    new XElement(p.Contact + "city", "Almaty"),
                    new XElement(p.Contact + "cc", "KZ"))),
            new XElement(p.Contact + "voice", "+7.7271234567"),
            new XElement(p.Contact + "email", email),
            new XElement(p.Contact + "authInfo", new XElement(p.Contact + "pw", "contact-pw")))));

    public static XElement ContactUpdate(Profile p, string id, string newEmail) =>
        Command(new XElement(Epp + "update", new XElement(p.Contact + "update",
            new XElement(p.Contact + "id", id),
            new XElement(p.Contact + "chg", new XElement(p.Contact + "email", newEmail)))));

    public static XElement ContactDelete(Profile p, string id) =>
        Command(new XElement(Epp + "delete", new XElement(p.Contact + "delete", new XElement(p.Contact + "id", id))));

    public static XElement HostCheck(Profile p, params string[] names) =>
        Command(new XElement(Epp + "check", new XElement(p.Host + "check", names.Select(n => new XElement(p.Host + "name", n)))));

    public static XElement HostCreate(Profile p, string name, params string[] ipv4) =>
        Command(new XElement(Epp + "create", new XElement(p.Host + "create",
            new XElement(p.Host + "name", name),
            ipv4.Select(a => new XElement(p.Host + "addr", new XAttribute("ip", "v4"), a)))));

    public static XElement HostUpdate(Profile p, string name, string addIpv4) =>
        Command(new XElement(Epp + "update", new XElement(p.Host + "update",
            new XElement(p.Host + "name", name),
            new XElement(p.Host + "add", new XElement(p.Host + "addr", new XAttribute("ip", "v4"), addIpv4)))));

    public static XElement HostDelete(Profile p, string name) =>
        Command(new XElement(Epp + "delete", new XElement(p.Host + "delete", new XElement(p.Host + "name", name))));

    public static XElement PollRequest() => Command(new XElement(Epp + "poll", new XAttribute("op", "req")));

    public static XElement PollAck(string id) => Command(new XElement(Epp + "poll", new XAttribute("op", "ack"), new XAttribute("msgID", id)));
}
