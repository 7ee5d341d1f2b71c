using System.Xml.Linq;
using Registrar.RegistrySimulator.Registry;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Commands.Domains;

/// <summary>Checks shared by the domain handlers; each throws the RFC 5730 result it stands for.</summary>
public static class DomainRules
{
    public static Domain Existing(CommandContext context, string name) =>
        context.Store.Domains.TryGetValue(name, out var domain)
            ? domain
            : throw new EppCommandException(ResultCode.ObjectDoesNotExist, $"{name} is not registered.");

    public static void SponsoredByCaller(CommandContext context, Domain domain)
    {
        if (domain.SponsorId != context.ClientId)
            throw new EppCommandException(ResultCode.AuthorizationError, $"{domain.Name} is sponsored by another registrar.");
    }

    public static void NotProhibited(Domain domain, string operation, params string[] statuses)
    {
        var blocking = domain.EffectiveStatuses().Where(statuses.Contains).ToList();
        if (blocking.Count > 0)
            throw new EppCommandException(ResultCode.StatusProhibits, $"{domain.Name} has {string.Join(", ", blocking)}, which prohibits {operation}.");
    }

    /// <summary>The schema admits 1 to 99 years or months; this registry offers whole years up to the zone's maximum. A
    /// period the schema admits but the registry does not offer is a local policy subset of the protocol's range: 2306,
    /// not 2004, which RFC 5730 section 3 keeps for values outside the protocol's range.</summary>
    public static int PeriodYears(CommandContext context, ZoneSettings zone, int defaultYears = 1)
    {
        if (context.Element("period") is not { } period) return defaultYears;
        var value = int.Parse(period.Value.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var years = (string?)period.Attribute("unit") == "m" ? value / 12.0 : value;
        if (years != Math.Floor(years) || years > zone.MaxRegistrationYears)
            throw new EppCommandException(ResultCode.ParameterPolicy,
                $"this registry offers terms of 1 to {zone.MaxRegistrationYears} whole years; {value}{(string?)period.Attribute("unit")} is not one.", period);
        return (int)years;
    }

    public static void CanPay(CommandContext context, RegistrarAccounts accounts, string operation)
    {
        if (accounts.IsBillingBlocked(context.ClientId))
            throw new EppCommandException(ResultCode.BillingFailure, $"the account of {context.ClientId} cannot pay for {operation}.");
    }

    public static string? AuthInfoOf(CommandContext context) => context.Element("authInfo")?.Element(context.Ns + "pw")?.Value;

    public static string? Licence(CommandContext context, string operation) =>
        context.ExtensionElement(EppNamespaces.Uaepp, operation)?.Element(EppNamespaces.Uaepp + "license")?.Value.Trim();

    public static XElement InfData(CommandContext context, Domain domain, bool full)
    {
        XElement R(string name, object? content) => context.Res(name, content);
        var hosts = context.Store.Hosts.Values.Where(h => h.Name.EndsWith("." + domain.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        // RFC 5731 section 3.1.2: hosts="all" (the default) asks for the delegated (<ns>) and the subordinate (<host>) hosts,
        // "del" and "sub" for one of them, "none" for neither.
        var asked = ((string?)context.Element("name")?.Attribute("hosts"))?.Trim() ?? "all";
        var delegated = full && asked is "all" or "del";
        var subordinate = full && asked is "all" or "sub";
        // RFC 5731 section 3.1.2: the authInfo MUST NOT be shown to a client that is not the sponsor, even one that sent it.
        var sponsor = domain.SponsorId == context.ClientId;
        return context.Res("infData",
            R("name", domain.Name),
            R("roid", domain.Roid),
            domain.EffectiveStatuses().Select(s => context.Res("status", new XAttribute("s", s))),
            full ? R("registrant", domain.Registrant) : null,
            full ? domain.Contacts.Select(c => context.Res("contact", new XAttribute("type", c.Type), c.Id)) : null,
            delegated && domain.NameServers.Count > 0 ? R("ns", domain.NameServers.Select(n => R("hostObj", n))) : null,
            subordinate ? hosts.Select(h => R("host", h.Name)) : null,
            R("clID", domain.SponsorId),
            full ? R("crID", domain.CreatorId) : null,
            full ? R("crDate", EppDates.Format(domain.CreatedAt)) : null,
            full && domain.UpdaterId is not null ? R("upID", domain.UpdaterId) : null,
            full && domain.UpdatedAt is { } updated ? R("upDate", EppDates.Format(updated)) : null,
            full ? R("exDate", EppDates.Format(domain.ExpiresAt)) : null,
            full && domain.TransferredAt is { } transferred ? R("trDate", EppDates.Format(transferred)) : null,
            sponsor ? R("authInfo", R("pw", domain.AuthInfo)) : null);
    }

    /// <summary>RFC 3915 rgp:infData / rgp:upData, in the profile's RGP namespace; none to a session that did not ask for that
    /// namespace at login, as RFC 5730 section 2.9.1.1 negotiates the extensions a session is answered with.</summary>
    public static XElement? RgpData(CommandContext context, string elementName, string? rgpStatus) =>
        rgpStatus is null || !context.Session.ExtensionUris.Contains(context.Profile.Rgp) ? null : new XElement(context.Profile.Rgp + elementName, new XElement(context.Profile.Rgp + "rgpStatus", new XAttribute("s", rgpStatus)));
}
