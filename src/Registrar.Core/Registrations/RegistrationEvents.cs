using System.Text.Json.Serialization;
using Registrar.Core.Customers;
using Registrar.Core.Requests;

namespace Registrar.Core.Registrations;

/// <summary>What can happen to a registration. Every event has an id so a redelivered one is a no-op.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RegistrationPaid), "paid")]
[JsonDerivedType(typeof(TrademarkReviewed), "trademark-reviewed")]
[JsonDerivedType(typeof(RegistryAnswered), "registry-answered")]
[JsonDerivedType(typeof(RegistrationTimerDue), "timer-due")]
[JsonDerivedType(typeof(CustomerChoseAfterNameTaken), "customer-chose")]
[JsonDerivedType(typeof(OperationsRetried), "operations-retried")]
[JsonDerivedType(typeof(RegistrationCommandFailed), "command-failed")]
[JsonDerivedType(typeof(RenewalInvoiceIssued), "renewal-invoice-issued")]
[JsonDerivedType(typeof(RenewalPaid), "renewal-paid")]
[JsonDerivedType(typeof(RegistryObserved), "registry-observed")]
[JsonDerivedType(typeof(RegistryReported), "registry-reported")]
[JsonDerivedType(typeof(CustomerRequestMade), "customer-request-made")]
[JsonDerivedType(typeof(CustomerRequestProved), "customer-request-proved")]
[JsonDerivedType(typeof(ContactEmailChangeReviewed), "contact-email-change-reviewed")]
[JsonDerivedType(typeof(OperationsDecided), "operations-decided")]
[JsonDerivedType(typeof(NoticeResendRequested), "notice-resend-requested")]
[JsonDerivedType(typeof(RenewalInvoiceRequested), "renewal-invoice-requested")]
[JsonDerivedType(typeof(NoticeSent), "notice-sent")]
[JsonDerivedType(typeof(ViewRecordAgainRequested), "view-record-again-requested")]
public abstract record RegistrationEvent(string EventId);

/// <summary>The invoice covering this domain was paid in full (KZ-3.2); the instant is the bank's booking time (KZ-3.5, UA-3.4).</summary>
public sealed record RegistrationPaid(string EventId, RegistrationOrder Order, DateTimeOffset PaidAt) : RegistrationEvent(EventId);

/// <summary>UA-Pre-7: operations checked the trademark behind a second-level .ua name.</summary>
public sealed record TrademarkReviewed(string EventId, bool Approved, string ReviewedBy, string? Reason) : RegistrationEvent(EventId)
{
    /// <summary>The review item that asks for the review, resolved when operations decide it.</summary>
    public static string ReviewItemFor(string registrationId) => "trademark:" + registrationId;

    /// <summary>How that item's explanation begins; versions before it had <see cref="ReviewItemFor"/> named it by its flag's
    /// command id, and such an item is still found by this.</summary>
    public const string ReviewRequest = "Review the trademark for ";
}

/// <summary>The registry's answer to a command this registration sent.</summary>
public sealed record RegistryAnswered(string EventId, string CommandId, RegistryOutcome Outcome) : RegistrationEvent(EventId);

public sealed record RegistrationTimerDue(string EventId, DateTimeOffset DueAt) : RegistrationEvent(EventId);

/// <summary>KZ-2.1: after the name was taken, the customer chose a refund or another name; the money stays held until
/// operations pay it out or apply it to the new order.</summary>
public sealed record CustomerChoseAfterNameTaken(string EventId, CustomerChoice Choice) : RegistrationEvent(EventId);

/// <summary>A host found the customer's view of this registration kept in an earlier format (<see cref="RegistrationView.CurrentFormat"/>),
/// without members a check of the storefront or of operations reads: the view is recorded again from the state, all else unchanged.</summary>
public sealed record ViewRecordAgainRequested(string EventId) : RegistrationEvent(EventId);

/// <summary>Operations looked at a stalled registration (the registry refused, or a command could not be
/// carried out) and want it tried again.</summary>
public sealed record OperationsRetried(string EventId, string By) : RegistrationEvent(EventId);

/// <summary>A host gave up carrying out one of this registration's commands (retries exhausted, or the
/// registry command's queue message was poisoned). The command travels whole so it can be tried again
/// under the same id, which keeps its effect once.</summary>
public sealed record RegistrationCommandFailed(string EventId, RegistrationCommand Command, string Reason) : RegistrationEvent(EventId);

/// <summary>The billing host issued the invoice a <see cref="IssueRenewalInvoice"/> asked for (event id "answer:{command id}").</summary>
public sealed record RenewalInvoiceIssued(string EventId, string CommandId, string InvoiceNumber, Money.Money Total, DateTimeOffset DueAt)
    : RegistrationEvent(EventId);

/// <summary>A renewal invoice of this registration was paid in full, at the bank's booking time (KZ-3.5, UA-3.4).</summary>
public sealed record RenewalPaid(string EventId, string InvoiceNumber, int Years, DateTimeOffset PaidAt) : RegistrationEvent(EventId);

/// <summary>The reconciliation sweep read the domain at the registry, the authority for expiry, statuses and sponsor.</summary>
public sealed record RegistryObserved(string EventId, DomainInfo Info, DateTimeOffset ObservedAt) : RegistrationEvent(EventId);

/// <summary>UA-1.3.4.1, KZ-App-4: a notice whose period counts from the letter (<see cref="NoticePeriods"/>) left at
/// <paramref name="SentAt"/>.</summary>
/// <param name="NoticeId">The <see cref="SendNotice"/> command's id.</param>
public sealed record NoticeSent(string EventId, string NoticeId, NoticeKind Kind, DateTimeOffset SentAt) : RegistrationEvent(EventId);

/// <summary>A registry poll message named this registration's domain (transfer, deletion, auto-renew, status
/// change); the registration reads the domain back before it believes anything.</summary>
/// <param name="Completed">RFC 5731 and RFC 5733 section 3.3: the message is a pending action's result (panData), naming by
/// its clTRID the command the registry answered 1001; null for any other message.</param>
public sealed record RegistryReported(string EventId, string Summary, PendingActionResult? Completed = null) : RegistrationEvent(EventId);

/// <summary>RFC 5730 section 3 (1001), RFC 5731 and RFC 5733 section 3.3: the registry carried out (paResult 1) or will never
/// carry out (paResult 0) the command it had left pending.</summary>
public sealed record PendingActionResult(string CommandId, bool Succeeded);

/// <summary>KZ-5.3, UA-4.7: the customer asked for a change without a proof the request accepts yet: a single-use
/// confirmation link goes to the account's contact e-mail.</summary>
public sealed record CustomerRequestMade(string EventId, string RequestId, CustomerRequest Request) : RegistrationEvent(EventId);

/// <summary>A customer request proved to come from the account, with the proof used (UA-1.5.8).</summary>
/// <param name="ProvedAt">When it was proved: KZ-2.3 counts a change request's business day from then, however late the
/// event is delivered; null in events stored before it was recorded, which count from their delivery.</param>
/// <param name="NoConsentNeeded">A contact e-mail change no contract of the customer asks the registrar's consent to (KZ-2.2,
/// KZ-2.6): carried out at once; false, it waits for operations (UA-4.7).</param>
public sealed record CustomerRequestProved(string EventId, string RequestId, CustomerRequest Request, RequestProof Proof, DateTimeOffset? ProvedAt = null,
    bool NoConsentNeeded = false)
    : RegistrationEvent(EventId);

/// <summary>UA-4.7: operations consented to, or refused, a proved contact e-mail change; who, when and why.</summary>
public sealed record ContactEmailChangeReviewed(string EventId, string RequestId, bool Approved, string ReviewedBy, DateTimeOffset ReviewedAt, string Reason)
    : RegistrationEvent(EventId);

/// <summary>Operations decided about a registered domain (UA-2.3.1, KZ-App-2, UA-2.2.3, KZ-App-4, UA-1.3.4.1, UA-2.3.2,
/// UA-1.3.6): who, when and why, as the audit entry of the same decision says.</summary>
public sealed record OperationsDecided(string EventId, OperationsDecision Decision, string DecidedBy, DateTimeOffset DecidedAt, string Reason)
    : RegistrationEvent(EventId);

/// <summary>KZ-2.6: operations asked for a notice that went out (<paramref name="NoticeId"/>) to be sent again, as it was, to the
/// registration's contact e-mail as it is now; who asked, as the audit entry of the same request says.</summary>
public sealed record NoticeResendRequested(string EventId, string NoticeId, NoticeKind Kind, NoticeFacts? Facts, string RequestedBy)
    : RegistrationEvent(EventId);

/// <summary>KZ-2.7: the customer asked in advance for the renewal invoice of the current term, at <paramref name="RequestedAt"/>;
/// <paramref name="RequestId"/> is the one the storefront's answer named.</summary>
public sealed record RenewalInvoiceRequested(string EventId, string RequestId, DateTimeOffset RequestedAt) : RegistrationEvent(EventId);

public enum CustomerChoice
{
    Refund,
    AnotherName,
}

/// <summary>Everything the lifecycle needs about the ordered domain, fixed when it was paid.</summary>
/// <param name="DomainName">The A-label (ASCII) form, as the registry knows it.</param>
/// <param name="DisplayName">The Unicode form, for people.</param>
/// <param name="RegistrantHandle">UA-1.13: an existing nic-handle; null when the contact is to be created from <paramref name="Registrant"/>.</param>
/// <param name="TrademarkLicence">UA-Pre-7: the trademark registration a second-level .ua name is registered under.</param>
/// <param name="Language">The customer's language for notices ("ru", "uk", "kk", "en"); null for the zone's offer language.</param>
/// <param name="TransferIn">The domain is held at another registrar and moves here with its transfer code (RFC 5731 section 3.2.4);
/// the code stays in the order, out of the lifecycle's state and history (<see cref="Requests.IIncomingTransferCodes"/>).</param>
public sealed record RegistrationOrder(
    string OrderId,
    string CustomerId,
    string DomainName,
    string DisplayName,
    string Zone,
    int TermYears,
    string ContactEmail,
    string? RegistrantHandle,
    RegistrantData? Registrant,
    TechnicalContact TechnicalContact,
    bool TrademarkRequired,
    string? TrademarkLicence,
    string? Language = null,
    bool TransferIn = false);

/// <summary>The registry's answer, reduced to what the lifecycle decides on.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "outcome")]
[JsonDerivedType(typeof(ContactCreated), "contact-created")]
[JsonDerivedType(typeof(DomainCreated), "domain-created")]
[JsonDerivedType(typeof(NameTaken), "name-taken")]
[JsonDerivedType(typeof(DomainInfo), "domain-info")]
[JsonDerivedType(typeof(OutcomeUnknown), "outcome-unknown")]
[JsonDerivedType(typeof(RegistryRefused), "refused")]
[JsonDerivedType(typeof(DomainRenewed), "domain-renewed")]
[JsonDerivedType(typeof(DomainDeleted), "domain-deleted")]
[JsonDerivedType(typeof(DomainRestored), "domain-restored")]
[JsonDerivedType(typeof(RegistryPending), "pending")]
[JsonDerivedType(typeof(NameserversUpdated), "nameservers-updated")]
[JsonDerivedType(typeof(HoldsUpdated), "holds-updated")]
[JsonDerivedType(typeof(TransferCodeSet), "transfer-code-set")]
[JsonDerivedType(typeof(RegistrantChanged), "registrant-changed")]
[JsonDerivedType(typeof(RegistrantContactUpdated), "registrant-contact-updated")]
public abstract record RegistryOutcome;

public sealed record ContactCreated(string Handle) : RegistryOutcome;

/// <summary>UA-1.6: registered, with the expiry instant the registry gave.</summary>
public sealed record DomainCreated(DateTimeOffset ExpiresAt) : RegistryOutcome;

/// <summary>EPP 2302: someone else registered it first (KZ-App-5).</summary>
public sealed record NameTaken : RegistryOutcome;

/// <summary>What the registry holds for the name: the answer to an info sent to reconcile an unknown
/// outcome, or to a create answered "exists" (a redelivered create must not read as "taken").</summary>
/// <param name="SponsorIsUs">The domain is held by this registrar.</param>
/// <param name="RegistrantHandle">The domain's registrant contact at the registry.</param>
/// <param name="Statuses">RFC 5731 statuses and RFC 3915 rgp statuses ("ok", "redemptionPeriod", "pendingDelete", …).</param>
/// <param name="CreatedAt">The registry's create date (RFC 5731 crDate): which create made the domain (KZ-2.1).</param>
/// <param name="CreatedByThisRegistration">Whether the domain's authInfo is the one this registration's create set (KZ-2.1);
/// null when the registry showed none, or for answers recorded before it was read.</param>
/// <param name="NameServers">The domain's name servers (RFC 5731 hostObj); null for a domain that does not exist, and for answers
/// recorded before they were read.</param>
public sealed record DomainInfo(bool Exists, bool SponsorIsUs, string? RegistrantHandle, DateTimeOffset? ExpiresAt, IReadOnlyList<string>? Statuses = null,
    DateTimeOffset? CreatedAt = null, bool? CreatedByThisRegistration = null, IReadOnlyList<string>? NameServers = null)
    : RegistryOutcome
{
    public IReadOnlyList<string> Statuses { get; init; } = Statuses ?? [];

    /// <summary>RFC 3915: deleted at the registry but still restorable.</summary>
    public bool InRedemption => Statuses.Contains("redemptionPeriod", StringComparer.OrdinalIgnoreCase);

    /// <summary>Deleted at the registry and no longer restorable, or about to be purged.</summary>
    public bool PendingDelete => Statuses.Contains("pendingDelete", StringComparer.OrdinalIgnoreCase);
}

/// <summary>UA-1.7: renewed, with the new expiry the registry gave.</summary>
public sealed record DomainRenewed(DateTimeOffset ExpiresAt) : RegistryOutcome;

/// <summary>Deleted (EPP 1000), or found already gone (2303).</summary>
public sealed record DomainDeleted : RegistryOutcome;

/// <summary>RFC 3915: the restore was accepted; the domain is back in its pre-deletion state.</summary>
public sealed record DomainRestored : RegistryOutcome;

/// <summary>KZ-2.3: the domain has exactly these name servers at the registry (updated, or found so on reading it back).</summary>
public sealed record NameserversUpdated(IReadOnlyList<string> NameServers) : RegistryOutcome;

/// <summary>UA-2.3.1, KZ-App-2: the domain carries exactly these of the holds the registrar manages (updated, or found so).</summary>
public sealed record HoldsUpdated(IReadOnlyList<string> Holds) : RegistryOutcome;

/// <summary>KZ-App-9: the registry took the fresh transfer code of the <see cref="SetTransferCode"/> command that was answered;
/// the code itself is never part of an answer, an event or a state.</summary>
public sealed record TransferCodeSet : RegistryOutcome;

/// <summary>KZ-2.4: the domain's registrant at the registry is now the contact <paramref name="Handle"/>.</summary>
public sealed record RegistrantChanged(string Handle) : RegistryOutcome;

/// <summary>KZ-2.3: the registrant contact carries the address, phone and e-mail the <see cref="UpdateRegistrantContact"/> answered
/// gave it.</summary>
public sealed record RegistrantContactUpdated : RegistryOutcome;

/// <summary>EPP 1001: the registry accepted the command but acts later; the result arrives by poll message or
/// the sweep. Never read as success or as "taken".</summary>
public sealed record RegistryPending : RegistryOutcome;

/// <summary>The connection dropped after the command was sent: it may or may not have been executed.</summary>
public sealed record OutcomeUnknown : RegistryOutcome;

/// <summary>Any other EPP failure, with its result code and message.</summary>
public sealed record RegistryRefused(int Code, string Message) : RegistryOutcome;
