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
public sealed record DomainContact(string Type, string Id);

/// <summary>A status with optional reason text, e.g. clientHold.</summary>
public sealed record EppStatus(string Value, string? Reason = null);

/// <summary>RFC 5910 dsData: the DS record the parent zone publishes.</summary>
public sealed record DsData(ushort KeyTag, byte Algorithm, byte DigestType, string Digest);

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
    IReadOnlyList<DsData> DsData);

public sealed record DomainCreated(string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, bool IsPending);

public sealed record DomainRenewed(string Name, DateTimeOffset? ExpiresAt, bool IsPending);

public sealed record DomainTransferStatus(
    string Name, string Status, string RequestingClientId, DateTimeOffset RequestedAt,
    string ActingClientId, DateTimeOffset ActBy, DateTimeOffset? ExpiresAt);
