namespace Registrar.RegistrySimulator.Registry;

/// <summary>Where a domain is in its life; the RGP phases are RFC 3915's.</summary>
public enum DomainPhase
{
    Active,
    ExpiredGrace,
    RedemptionPeriod,
    PendingRestore,
    PendingDelete,
}

public enum TransferStatus
{
    Pending,
    ClientApproved,
    ClientCancelled,
    ClientRejected,
    ServerApproved,
    ServerCancelled,
}

public sealed record TransferRecord(
    string DomainName, TransferStatus Status, string RequestingId, DateTimeOffset RequestedAt,
    string ActingId, DateTimeOffset ActionDue, int PeriodYears, DateTimeOffset? ProjectedExpiry)
{
    public string StatusText => Status switch
    {
        TransferStatus.Pending => "pending",
        TransferStatus.ClientApproved => "clientApproved",
        TransferStatus.ClientCancelled => "clientCancelled",
        TransferStatus.ClientRejected => "clientRejected",
        TransferStatus.ServerApproved => "serverApproved",
        _ => "serverCancelled",
    };
}

/// <summary>A domain as the registry holds it. Mutated only under <see cref="RegistryStore"/>'s lock.</summary>
public sealed class Domain
{
    public required string Name { get; init; }
    public required string Roid { get; init; }
    public required string Zone { get; init; }
    public required string SponsorId { get; set; }
    public required string CreatorId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; set; }
    public required string Registrant { get; set; }
    public required string AuthInfo { get; set; }
    public string? UpdaterId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? TransferredAt { get; set; }
    public string? Licence { get; set; }
    public List<(string Type, string Id)> Contacts { get; } = [];
    public List<string> NameServers { get; } = [];
    public List<DsRecord> DsData { get; } = [];
    /// <summary>RFC 5910 section 3.3: the signature lifetime, in seconds, the registrant asks the parent zone's signatures of
    /// its DS records to keep to; the simulator signs nothing, so it only keeps and shows it.</summary>
    public int? MaxSigLife { get; set; }
    /// <summary>Client- and server-set statuses (clientHold, serverTransferProhibited …).</summary>
    public HashSet<string> Statuses { get; } = new(StringComparer.Ordinal);
    public DomainPhase Phase { get; set; } = DomainPhase.Active;
    /// <summary>When deletion began (explicit delete or end of the post-expiry grace).</summary>
    public DateTimeOffset? DeletionStartedAt { get; set; }
    public DateTimeOffset? RestoreRequestedAt { get; set; }
    public TransferRecord? LastTransfer { get; set; }
    /// <summary>The client delete answered 1001 that put the domain into deletion; its outcome is told by panData.</summary>
    public TransactionIds? DeleteTransaction { get; set; }

    public bool HasPendingTransfer => LastTransfer?.Status == TransferStatus.Pending;

    public bool IsInDeletion => Phase is DomainPhase.RedemptionPeriod or DomainPhase.PendingRestore or DomainPhase.PendingDelete;

    /// <summary>RFC 5731 statuses as the registry reports them, including the ones its lifecycle implies.</summary>
    public IReadOnlyList<string> EffectiveStatuses()
    {
        var statuses = new List<string>(Statuses);
        if (IsInDeletion) statuses.Add("pendingDelete");
        if (Phase == DomainPhase.ExpiredGrace && !statuses.Contains("serverHold")) statuses.Add("serverHold");
        if (HasPendingTransfer) statuses.Add("pendingTransfer");
        if (NameServers.Count == 0) statuses.Add("inactive");
        if (statuses.Count == 0) statuses.Add("ok");
        return statuses;
    }

    /// <summary>RFC 3915 rgpStatus, or null outside the grace periods.</summary>
    public string? RgpStatus => Phase switch
    {
        DomainPhase.RedemptionPeriod => "redemptionPeriod",
        DomainPhase.PendingRestore => "pendingRestore",
        DomainPhase.PendingDelete => "pendingDelete",
        _ => null,
    };

    public bool Has(params string[] statuses) => statuses.Any(Statuses.Contains);
}

/// <summary>An RFC 5910 DS record.</summary>
public sealed record DsRecord(int KeyTag, int Algorithm, int DigestType, string Digest);

public sealed class Contact
{
    public required string Id { get; init; }
    public required string Roid { get; init; }
    public required string SponsorId { get; set; }
    public required string CreatorId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string AuthInfo { get; set; }
    public required ContactDetails Details { get; set; }
    public string? UpdaterId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public HashSet<string> Statuses { get; } = new(StringComparer.Ordinal);

    /// <summary>The registry reviews this contact's updates by hand: each is answered 1001 and held until decided.</summary>
    public bool UnderReview { get; set; }

    /// <summary>RFC 5733 section 3.2.5: the update answered 1001, carried out only once the review approves it.</summary>
    public HeldContactUpdate? HeldUpdate { get; set; }
}

/// <summary>A contact update waiting for review: <paramref name="Apply"/> carries it out.</summary>
public sealed record HeldContactUpdate(Action Apply, TransactionIds Transaction);

public sealed record PostalInfo(string Type, string Name, string? Org, IReadOnlyList<string> Street, string City, string? Province, string? PostalCode, string CountryCode);

public sealed record ContactDetails(IReadOnlyList<PostalInfo> PostalInfos, string? Voice, string? Fax, string Email);

public sealed class Host
{
    public required string Name { get; set; }
    public required string Roid { get; init; }
    public required string SponsorId { get; set; }
    public required string CreatorId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? UpdaterId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public List<(string Ip, string Address)> Addresses { get; } = [];
    public HashSet<string> Statuses { get; } = new(StringComparer.Ordinal);
}

public sealed record PollMessage(long Id, string RecipientId, DateTimeOffset QueuedAt, string Text, PollNotice? Notice);
