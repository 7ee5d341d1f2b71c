using System.Xml.Linq;
using Registrar.RegistrySimulator.Xml;

namespace Registrar.RegistrySimulator.Registry;

/// <summary>The client and server transaction ids of a command, as its response carried them.</summary>
public sealed record TransactionIds(string? Client, string Server);

/// <summary>The resData of a poll message (RFC 5730 section 2.9.2.3), rendered when the message is read, in the
/// domain namespace of the reading session (Hostmaster's for a Hostmaster login).</summary>
public abstract record PollNotice
{
    public abstract XElement ResData(XNamespace domain);
}

/// <summary>RFC 5731 trnData: a transfer was requested, or it ended.</summary>
public sealed record TransferNotice(TransferRecord Transfer) : PollNotice
{
    public override XElement ResData(XNamespace domain) => TrnData(domain, Transfer);

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
    public override XElement ResData(XNamespace domain) =>
        new(domain + "renData", new XElement(domain + "name", DomainName), new XElement(domain + "exDate", EppDates.Format(ExpiresAt)));
}

/// <summary>RFC 5731 infData, the public part: the state the registry itself put the domain in (expired and held,
/// deleted into redemption), as of the message.</summary>
public sealed record DomainStateNotice(string DomainName, string Roid, IReadOnlyList<string> Statuses, string SponsorId, DateTimeOffset ExpiresAt)
    : PollNotice
{
    public static DomainStateNotice Of(Domain domain) => new(domain.Name, domain.Roid, domain.EffectiveStatuses(), domain.SponsorId, domain.ExpiresAt);

    public override XElement ResData(XNamespace domain) =>
        new(domain + "infData",
            new XElement(domain + "name", DomainName),
            new XElement(domain + "roid", Roid),
            Statuses.Select(s => new XElement(domain + "status", new XAttribute("s", s))),
            new XElement(domain + "clID", SponsorId),
            new XElement(domain + "exDate", EppDates.Format(ExpiresAt)));
}

/// <summary>RFC 5731 section 3.3 panData: a command the registry answered 1001 was completed (paResult 1) or
/// will never be (0), naming that command's transaction.</summary>
public sealed record PendingActionNotice(string DomainName, bool Succeeded, TransactionIds Transaction, DateTimeOffset At) : PollNotice
{
    public override XElement ResData(XNamespace domain) =>
        new(domain + "panData",
            new XElement(domain + "name", new XAttribute("paResult", Succeeded ? "1" : "0"), DomainName),
            new XElement(domain + "paTRID",
                Transaction.Client is null ? null : new XElement(EppNamespaces.Epp + "clTRID", Transaction.Client),
                new XElement(EppNamespaces.Epp + "svTRID", Transaction.Server)),
            new XElement(domain + "paDate", EppDates.Format(At)));
}
