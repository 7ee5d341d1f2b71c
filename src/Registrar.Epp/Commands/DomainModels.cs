namespace Registrar.Epp.Commands;

public enum PeriodUnit { Years, Months }

/// <summary>A registration or renewal period (RFC 5731 periodType: 1-99 years or months).</summary>
public sealed record EppPeriod(int Value, PeriodUnit Unit = PeriodUnit.Years)
{
    public static EppPeriod Years(int years) => new(years);

    internal string UnitCode => Unit == PeriodUnit.Years ? "y" : "m";

    internal void Validate(string command)
    {
        if (Value is < 1 or > 99)
            throw new EppCommandValidationException($"{command}: a period is 1 to 99 {Unit.ToString().ToLowerInvariant()}, not {Value}.");
    }
}

/// <summary>A contact linked to a domain by role: "admin", "billing" or "tech".</summary>
public sealed record DomainContact(string Type, string Id)
{
    /// <summary>RFC 5731 contactAttrType: the registrant has an element of its own, so a role is admin, billing or tech.</summary>
    internal void Validate(string command)
    {
        if (Type is not ("admin" or "billing" or "tech"))
            throw new EppCommandValidationException($"{command}: a domain contact's type is admin, billing or tech (RFC 5731), not '{Type}'.");
    }
}

/// <summary>A status with optional reason text, e.g. clientHold.</summary>
public sealed record EppStatus(string Value, string? Reason = null);

/// <summary>RFC 5910 dsData: the DS record the parent zone publishes.</summary>
public sealed record DsData(ushort KeyTag, byte Algorithm, byte DigestType, string Digest);

/// <summary>RFC 5910 keyData: the DNSKEY a registry of the key-data interface keeps, deriving the DS record itself.</summary>
/// <param name="PublicKey">Base64, as the DNSKEY record's RDATA carries it.</param>
public sealed record KeyData(ushort Flags, byte Protocol, byte Algorithm, string PublicKey);

public enum TransferOperation { Request, Query, Approve, Reject, Cancel }

public sealed record DomainInfo(
    string Name,
    string Roid,
    IReadOnlyList<EppStatus> Statuses,
    string? Registrant,
    IReadOnlyList<DomainContact> Contacts,
    IReadOnlyList<string> NameServers,
    IReadOnlyList<string> SubordinateHosts,
    string SponsoringClientId,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? TransferredAt,
    string? AuthInfoPassword,
    IReadOnlyList<string> RgpStatuses,
    IReadOnlyList<DsData> DsData,
    IReadOnlyList<KeyData> KeyData);

public sealed record DomainCreated(string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, bool IsPending);

public sealed record DomainRenewed(string Name, DateTimeOffset? ExpiresAt, bool IsPending);

public sealed record DomainTransferStatus(
    string Name, string Status, string RequestingClientId, DateTimeOffset RequestedAt,
    string ActingClientId, DateTimeOffset ActBy, DateTimeOffset? ExpiresAt);
