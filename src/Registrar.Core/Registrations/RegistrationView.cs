namespace Registrar.Core.Registrations;

/// <summary>A registration as its customer sees it.</summary>
/// <param name="EndedAt">UA-Pre-6: when it ended; the erasure of its personal data is due five years later.</param>
/// <param name="DueBy">KZ-2.1: while the registration is being carried out (from payment until registered, refused or
/// stalled), when it must be done by; null otherwise, and in views recorded before it was kept.</param>
/// <param name="TransferRestriction">KZ-App-9: the agreement with the customer that forbids transferring the domain away, while
/// it stands; the storefront refuses a transfer code at once from it.</param>
/// <param name="RegistryStatuses">The domain's EPP statuses (RFC 5731, RFC 3915) as the lifecycle last read them, for the public
/// WHOIS and RDAP answers; null while the registry has reported none, and in views recorded before they were kept.</param>
/// <param name="NameServers">The domain's name servers at the registry, in A-label form, as last read or confirmed (KZ-2.3); null
/// while the registry has not said, and in views recorded before they were kept.</param>
/// <param name="ContractEnd">UA-6.1, UA-6.4, UA-1.3.4.1, KZ-App-4: when the contract ends, once a notice or a decision fixed it;
/// the storefront refuses requests from then on (<see cref="CustomerRequestRefusals"/>). Null in views recorded before it was kept.</param>
/// <param name="DisputeBlockedSince">KZ-App-2, UA-2.2.3: since when a dispute decision blocks the domain; null while none does,
/// and in views recorded before it was kept.</param>
/// <param name="SuspendedSince">UA-2.3.1: since when the registrar suspended its service for the domain; null while it has not,
/// and in views recorded before it was kept.</param>
/// <param name="BreachCureDeadline">KZ-App-4: while a breach notice runs, the end of the time it gave to cure the breach, as the
/// customer was told it; null while none runs, and in views recorded before it was kept.</param>
public sealed record RegistrationView(
    string RegistrationId, string CustomerId, string DomainName, string DisplayName, string Zone, RegistrationPhase Phase, DateTimeOffset? ExpiresAt,
    DateTimeOffset? EndedAt = null, DateTimeOffset? DueBy = null, string? TransferRestriction = null,
    IReadOnlyList<string>? RegistryStatuses = null, IReadOnlyList<string>? NameServers = null, ContractEnd? ContractEnd = null,
    DateTimeOffset? DisputeBlockedSince = null, DateTimeOffset? SuspendedSince = null, DateTimeOffset? BreachCureDeadline = null)
{
    /// <summary>The shape of the views recorded now. Raise it with a member whose absence from a view kept earlier would let a
    /// check through that the registration's state refuses; a host asks each registration not ended whose view is of an
    /// earlier format to record it again (<see cref="ViewRecordAgainRequested"/>). 1: the contract's end, dispute block,
    /// suspension and breach notice, kept since issue 14; views kept before this number was are 0.</summary>
    public const int CurrentFormat = 1;

    /// <summary>KZ-2.1: the registration is still being carried out past the deadline it waits on.</summary>
    public bool IsOverdue(DateTimeOffset now) => DueBy is { } due && now >= due;
}

/// <summary>The contract ends at <paramref name="EndsAt"/> under <paramref name="Rule"/> (the offer's rule id), on
/// <paramref name="Ground"/> (null for a dispute decision to delete): UA-6.2 refunds only a registrar's own notice.</summary>
public sealed record ContractEnd(string Rule, DateTimeOffset EndsAt, TerminationGround? Ground = null)
{
    public static ContractEnd? Of(ServiceEnding? ending) => ending is null ? null : new(ending.Rule, ending.EffectiveAt, ending.Ground);
}
