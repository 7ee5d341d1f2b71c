namespace Registrar.Core.Registrations;

/// <summary>One domain's registration, from payment to registered (or to a held refund).</summary>
/// <param name="AwaitedCommandId">The registry command whose answer the registration waits for; answers to any other are stale.</param>
/// <param name="DueBy">KZ-2.1: when the registration must be done; overdue ones are flagged for operations.</param>
/// <param name="FailedCommands">Commands a host gave up on (mail, records, flags), tried again under their own
/// ids at <paramref name="RetryFailedAt"/> or when operations ask.</param>
public sealed record RegistrationState(
    string RegistrationId,
    RegistrationPhase Phase,
    RegistrationOrder? Order = null,
    DateTimeOffset? PaidAt = null,
    DateTimeOffset? DueBy = null,
    string? RegistrantHandle = null,
    string? AwaitedCommandId = null,
    DateTimeOffset? ExpiresAt = null,
    bool OverdueFlagged = false,
    int CommandsIssued = 0,
    IReadOnlyList<RegistrationCommand>? FailedCommands = null,
    DateTimeOffset? RetryFailedAt = null)
{
    public IReadOnlyList<RegistrationCommand> FailedCommands { get; init; } = FailedCommands ?? [];
}

public enum RegistrationPhase
{
    AwaitingPayment,

    /// <summary>UA-Pre-7: the registry is not asked before operations approve the trademark.</summary>
    AwaitingTrademarkReview,
    CreatingContact,
    CreatingDomain,

    /// <summary>A create's outcome is unknown; the registry is asked (info) instead of asked twice.</summary>
    Reconciling,

    /// <summary>The registry refused for a reason no rule here resolves, or a registry command could not be
    /// carried out at all; operations decide (and may retry).</summary>
    Stalled,

    /// <summary>UA-1.6: registered, with the registry's expiry instant.</summary>
    Registered,

    /// <summary>KZ-2.1: the name was taken meanwhile; the money is held until the customer chooses.</summary>
    NameTaken,

    /// <summary>The customer chose a refund or another name, or the trademark was refused; operations settle the money.</summary>
    Closed,
}
