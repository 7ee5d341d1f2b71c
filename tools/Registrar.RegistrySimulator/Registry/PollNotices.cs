using System.Xml.Linq;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Registry;

/// <summary>The client and server transaction ids of a command, as its response carried them.</summary>
public sealed record TransactionIds(string? Client, string Server);

/// <summary>The resData of a poll message (RFC 5730 section 2.9.2.3), rendered when the message is read, in the
/// object namespaces of the reading session (Hostmaster's for a Hostmaster login).</summary>
public abstract record PollNotice
{
    public abstract XElement ResData(EppProfile profile);
}

/// <summary>RFC 5731 trnData: a transfer was requested, or it ended.</summary>
public sealed record TransferNotice(TransferRecord Transfer) : PollNotice
{
    public override XElement ResData(EppProfile profile) => TrnData(profile.Domain, Transfer);

    public static XElement TrnData(XNamespace ns, TransferRecord record) =>
        new(ns + "trnData",
            new XElement(ns + "name", record.DomainName),
            new XElement(ns + "trStatus", record.StatusText),
            new XElement(ns + "reID", record.RequestingId),
            new XElement(ns + "reDate", EppDates.Format(record.RequestedAt)),
            new XElement(ns + "acID", record.ActingId),
            new XElement(ns + "acDate", EppDates.Format(record.ActionDue)),
            record.ProjectedExpiry is { } exDate ? new XElement(ns + "exDate", EppDates.Format(exDate)) : null);
}

/// <summary>RFC 5731 renData: the registry renewed the domain itself at expiry (auto-renew).</summary>
public sealed record RenewalNotice(string DomainName, DateTimeOffset ExpiresAt) : PollNotice
{
    public override XElement ResData(EppProfile profile)
    {
        var domain = profile.Domain;
        return new(domain + "renData", new XElement(domain + "name", DomainName), new XElement(domain + "exDate", EppDates.Format(ExpiresAt)));
    }
}

/// <summary>RFC 5731 infData, the public part: the state the registry itself put the domain in (expired and held,
/// deleted into redemption), as of the message.</summary>
public sealed record DomainStateNotice(string DomainName, string Roid, IReadOnlyList<string> Statuses, string SponsorId, DateTimeOffset ExpiresAt)
    : PollNotice
{
    public static DomainStateNotice Of(Domain domain) => new(domain.Name, domain.Roid, domain.EffectiveStatuses(), domain.SponsorId, domain.ExpiresAt);

    public override XElement ResData(EppProfile profile)
    {
        var domain = profile.Domain;
        return new(domain + "infData",
            new XElement(domain + "name", DomainName),
            new XElement(domain + "roid", Roid),
            Statuses.Select(s => new XElement(domain + "status", new XAttribute("s", s))),
            new XElement(domain + "clID", SponsorId),
            new XElement(domain + "exDate", EppDates.Format(ExpiresAt)));
    }
}

/// <summary>RFC 5731 section 3.3 panData: a command the registry answered 1001 was completed (paResult 1) or
/// will never be (0), naming that command's transaction.</summary>
public sealed record PendingActionNotice(string DomainName, bool Succeeded, TransactionIds Transaction, DateTimeOffset At) : PollNotice
{
    public override XElement ResData(EppProfile profile) => PanData(profile.Domain, "name", DomainName, Succeeded, Transaction, At);

    public static XElement PanData(XNamespace ns, string objectElement, string objectId, bool succeeded, TransactionIds transaction, DateTimeOffset at) =>
        new(ns + "panData",
            new XElement(ns + objectElement, new XAttribute("paResult", succeeded ? "1" : "0"), objectId),
            new XElement(ns + "paTRID",
                transaction.Client is null ? null : new XElement(EppNamespaces.Epp + "clTRID", transaction.Client),
                new XElement(EppNamespaces.Epp + "svTRID", transaction.Server)),
            new XElement(ns + "paDate", EppDates.Format(at)));
}

/// <summary>RFC 5733 section 3.3 panData: a contact update the registry answered 1001 was carried out (paResult 1) or
/// refused by its review (0), naming that command's transaction.</summary>
public sealed record ContactPendingActionNotice(string ContactId, bool Succeeded, TransactionIds Transaction, DateTimeOffset At) : PollNotice
{
    public override XElement ResData(EppProfile profile) => PendingActionNotice.PanData(profile.Contact, "id", ContactId, Succeeded, Transaction, At);
}
