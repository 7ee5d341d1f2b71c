namespace Registrar.Core.Registrations;

/// <summary>One domain's registration, from payment to registered (or to a held refund).</summary>
/// <param name="AwaitedCommandId">The registry command whose answer the registration waits for; answers to any other are stale.</param>
/// <param name="DueBy">KZ-2.1: when the registration must be done; overdue ones are flagged for operations.</param>
/// <param name="DeletionRequestId">UA-1.5.6: the customer request the domain is being deleted for; null for a deletion of an unpaid domain.</param>
/// <param name="NameserverChange">KZ-2.3: a proved DNS change not yet confirmed by the registry.</param>
/// <param name="RegistrantContactChange">KZ-2.3: a proved change of the registrant's contact details not yet confirmed by the
/// registry.</param>
/// <param name="ContactEmailChange">UA-4.7: a proved contact e-mail change waiting for operations' consent.</param>
/// <param name="Suspension">UA-2.3.1: the service is suspended, on this ground.</param>
/// <param name="DisputeBlock">KZ-App-2, UA-2.2.3: a dispute decision blocks the domain.</param>
/// <param name="Breach">KZ-App-4: a breach was noticed and may still be cured.</param>
/// <param name="Ending">The registrar decided the contract ends; the domain is deleted when it takes effect.</param>
/// <param name="HoldsCommandId">The registry command last sent to bring the domain's holds in line with the suspension and block.</param>
/// <param name="TransferCode">KZ-App-9: a proved transfer code request on its way through the registry.</param>
/// <param name="TransferRestriction">KZ-App-9: another agreement with the customer forbids transferring the domain away.</param>
/// <param name="RegistrantChange">KZ-2.4: a proved registrant change, waiting for its invoice's payment or the registry.</param>
/// <param name="TransferInCancelCommandId">RFC 5731 section 3.2.4: the cancel of a pending transfer in operations decided,
/// sent to the registry and not yet answered.</param>
/// <param name="TransferInCancelWaiting">Operations decided that cancel while another registry command for the transfer (its
/// request, a read-back) was out: it is sent once that command's answer leaves the transfer pending.</param>
/// <param name="TransferAwayRejectionCommandId">UA-3.5, KZ-App-9: the reject sent for another registrar's pending transfer of the
/// domain; kept while the registry shows that transfer pending, so it is rejected once.</param>
/// <param name="EndedAt">UA-Pre-6: when the registration ended (closed, deleted, transferred away), which ends the contract it
/// was held under and starts the five years its personal data are kept; null while it has not ended.</param>
/// <param name="NameServers">The domain's name servers at the registry, in A-label form, as last read or confirmed (KZ-2.3);
/// null until the registry said, as for states stored before they were kept.</param>
/// <param name="UnknownOutcomes">Answers in a row to the awaited registry command that could not be read (a lost connection, a
/// protocol error): each is read back at once, so they are counted, and the registration stalls rather than asks without end.</param>
/// <param name="RegistryRetries">Times in a row the host gave up on the awaited registry command (the registry unreachable, a
/// maintenance window) and the registration was set to try again by itself; counted again from nothing once the registry answers.</param>
/// <param name="RetryRegistryAt">When a registration stalled that way asks the registry again by itself; null when a person decides.</param>
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
    DateTimeOffset? RetryFailedAt = null,
    RenewalProgress? Renewal = null,
    IReadOnlyList<string>? RegistryStatuses = null,
    string? RegistryMismatch = null,
    string? DeletionRequestId = null,
    NameserverChange? NameserverChange = null,
    ContactEmailChange? ContactEmailChange = null,
    ServiceSuspension? Suspension = null,
    DisputeBlock? DisputeBlock = null,
    PendingBreach? Breach = null,
    ServiceEnding? Ending = null,
    string? HoldsCommandId = null,
    TransferCodeIssue? TransferCode = null,
    RegistrantChange? RegistrantChange = null,
    DateTimeOffset? EndedAt = null,
    TransferRestriction? TransferRestriction = null,
    string? TransferInCancelCommandId = null,
    bool TransferInCancelWaiting = false,
    string? TransferAwayRejectionCommandId = null,
    RegistrantContactChange? RegistrantContactChange = null,
    IReadOnlyList<string>? NameServers = null,
    int UnknownOutcomes = 0,
    int RegistryRetries = 0,
    DateTimeOffset? RetryRegistryAt = null)
{
    public IReadOnlyList<RegistrationCommand> FailedCommands { get; init; } = FailedCommands ?? [];

    /// <summary>Reminders, invoice and payment for the current expiry; starts afresh with every new expiry.</summary>
    public RenewalProgress Renewal { get; init; } = Renewal ?? new();

    /// <summary>The statuses the registry last reported (RFC 5731, RFC 3915): the registry is their authority.</summary>
    public IReadOnlyList<string> RegistryStatuses { get; init; } = RegistryStatuses ?? [];
}

/// <summary>The renewal of one expiry.</summary>
/// <param name="RemindersSent">KZ-2.6: keys of the reminders already sent (or passed over) for this expiry.</param>
/// <param name="InvoiceCommandId">An invoice asked for whose number has not come back yet.</param>
/// <param name="NoticeWithInvoice">The notice that waits for that invoice, to carry its number and amount.</param>
/// <param name="PaidInvoice">The invoice whose payment renews this expiry: set once, so a second payment never renews twice.</param>
/// <param name="CheckedAfterRefusal">The registry refused a renewal, or a deletion with 2201, and was asked what it holds: a second
/// refusal stalls.</param>
/// <param name="CalendarWait">KZ-2.7: what fell due for this expiry needs a calendar year that is not loaded, and waits for it.</param>
public sealed record RenewalProgress(
    IReadOnlyList<string>? RemindersSent = null,
    string? InvoiceCommandId = null,
    NoticeKind? NoticeWithInvoice = null,
    string? InvoiceNumber = null,
    Money.Money? InvoiceTotal = null,
    DateTimeOffset? InvoiceDueAt = null,
    string? PaidInvoice = null,
    int PaidYears = 0,
    bool CheckedAfterRefusal = false,
    CalendarWait? CalendarWait = null,
    IReadOnlyList<string>? EarlierInvoices = null)
{
    public IReadOnlyList<string> RemindersSent { get; init; } = RemindersSent ?? [];

    /// <summary>KZ-3.5, UA-3.4: the invoices of this expiry issued before <see cref="InvoiceNumber"/> (one lapsed, a `.ua`
    /// renewal invoice replaced by the redemption invoice at expiry). A payment of one booked in its time is notified
    /// after it was replaced, and still renews.</summary>
    public IReadOnlyList<string> EarlierInvoices { get; init; } = EarlierInvoices ?? [];

    /// <summary>Whether <paramref name="invoiceNumber"/> bills this renewal: the current invoice or an earlier one.</summary>
    public bool Bills(string invoiceNumber) => invoiceNumber == InvoiceNumber || EarlierInvoices.Contains(invoiceNumber);

    /// <summary>Every invoice of this expiry: the earlier ones and the current.</summary>
    public IEnumerable<string> Invoices() => EarlierInvoices.Append(InvoiceNumber).OfType<string>();

    /// <summary>KZ-3.3: an issued invoice that has not lapsed at <paramref name="now"/>.</summary>
    public bool HasOpenInvoice(DateTimeOffset now) => InvoiceNumber is not null && InvoiceDueAt > now;
}

/// <summary>KZ-2.7: the deadlines of an expiry are counted in <paramref name="Country"/>'s banking days, and its calendar has no
/// <paramref name="Year"/>: nothing of them is decided until it has, which is checked again at <paramref name="CheckAgainAt"/>.</summary>
public sealed record CalendarWait(string Country, int Year, DateTimeOffset CheckAgainAt);

/// <summary>KZ-2.3: a proved DNS change on its way to the registry.</summary>
/// <param name="DueBy">Where the zone's changes are requests the registrar carries out, the end of the business day
/// by which it must be done; null where the customer's change applies at once.</param>
/// <param name="OverdueFlagged">Operations were told it missed <paramref name="DueBy"/>; told once.</param>
/// <param name="CommandId">The registry command last sent for it.</param>
public sealed record NameserverChange(
    string RequestId, IReadOnlyList<string> NameServers, DateTimeOffset? DueBy, bool OverdueFlagged = false, string? CommandId = null)
    : IChangeRequest;

/// <summary>KZ-2.3: a proved change of the registrant's contact details on its way to the registry; <paramref name="DueBy"/>,
/// <paramref name="OverdueFlagged"/> and <paramref name="CommandId"/> as for a <see cref="NameserverChange"/>.</summary>
public sealed record RegistrantContactChange(
    string RequestId, Customers.RegistrantContact Contact, DateTimeOffset? DueBy, bool OverdueFlagged = false, string? CommandId = null)
    : IChangeRequest;

/// <summary>UA-4.7, KZ-2.2: the contact e-mail a proved request asks for, until operations approve or refuse it.</summary>
public sealed record ContactEmailChange(string RequestId, string Email);

/// <summary>UA-2.3.1: suspended since <paramref name="Since"/> on <paramref name="Ground"/>.</summary>
public sealed record ServiceSuspension(Contracts.SuspensionGround Ground, DateTimeOffset Since);

/// <summary>KZ-App-9: since <paramref name="Since"/>, the agreement <paramref name="Agreement"/> forbids the transfer.</summary>
public sealed record TransferRestriction(string Agreement, DateTimeOffset Since);

/// <summary>KZ-App-2, UA-2.2.3: blocked since <paramref name="Since"/> on the decision <paramref name="Document"/>.</summary>
public sealed record DisputeBlock(string Document, DateTimeOffset Since);

/// <summary>KZ-App-4: noticed at <paramref name="NoticedAt"/>; cancelled at <paramref name="CureDeadline"/> unless cured.</summary>
public sealed record PendingBreach(DateTimeOffset NoticedAt, DateTimeOffset CureDeadline);

/// <summary>The contract ends at <paramref name="EffectiveAt"/> under <paramref name="Rule"/>; <paramref name="Ground"/> says
/// why (null for a dispute decision to delete).</summary>
/// <param name="CarriedOut">The deletion was asked of the registry (or the domain was already gone).</param>
public sealed record ServiceEnding(string Rule, DateTimeOffset EffectiveAt, TerminationGround? Ground, bool CarriedOut = false);

/// <summary>KZ-App-9: a transfer code request: first the domain is read for bans, then its fresh code is set.</summary>
/// <param name="CommandId">The registry command whose answer the request waits for.</param>
/// <param name="ByPapers">UA-1.5.8: proved on papers operations checked, by someone without access to the contact e-mail, so the
/// code is handed over through operations rather than mailed there.</param>
public sealed record TransferCodeIssue(string RequestId, string CommandId, bool ByPapers = false);

/// <summary>KZ-2.4: a registrant change: invoiced (<paramref name="InvoiceCommandId"/>, then <paramref name="InvoiceNumber"/>),
/// and once paid carried out at the registry (<paramref name="CommandId"/>). A re-delegation a dispute decision orders
/// (KZ-App-2, UA-2.2.3) is not invoiced: its <paramref name="InvoiceCommandId"/> is null and <paramref name="RequestId"/>
/// is the decision's id. <paramref name="PayBy"/>: when its invoice falls due (none on changes kept before it was kept).</summary>
public sealed record RegistrantChange(
    string RequestId, Customers.RegistrantData Registrant, string? InvoiceCommandId, string? InvoiceNumber = null, string? CommandId = null,
    DateTimeOffset? PayBy = null);

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

    /// <summary>UA-1.7: a paid renewal was sent to the registry (or waits for its pending answer).</summary>
    Renewing,

    /// <summary>UA-1.12: expired unpaid; the registrant may still renew until deletion (at the redemption tariff, UA-1.11).</summary>
    Expired,

    /// <summary>RFC 3915: a paid renewal first restores a name the registry already put into redemption.</summary>
    Restoring,

    /// <summary>KZ-2.8, UA-1.10: deletion asked of the registry; waits until the registry confirms the name is gone.</summary>
    Deleting,

    /// <summary>Deleted at the registry: the name is free for anyone.</summary>
    Deleted,

    /// <summary>The registry shows another registrar as sponsor: nothing more happens here.</summary>
    TransferredAway,

    /// <summary>RFC 5731 section 3.2.4: a paid transfer in was requested; the registry approves it after its period, or the
    /// sponsoring registrar rejects it, and its poll message says which.</summary>
    TransferringIn,
}
