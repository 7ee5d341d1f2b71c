using System.Text.Json.Serialization;
using Registrar.Core.Customers;
using Registrar.Core.Tariffs;

namespace Registrar.Core.Registrations;

/// <summary>What a registration asks its host to do. <see cref="CommandId"/> is unique and stable:
/// handlers are idempotent by it (it is also the EPP clTRID and the notice id).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CreateRegistryContact), "create-contact")]
[JsonDerivedType(typeof(CreateDomain), "create-domain")]
[JsonDerivedType(typeof(QueryDomain), "info-domain")]
[JsonDerivedType(typeof(RenewDomain), "renew-domain")]
[JsonDerivedType(typeof(DeleteDomain), "delete-domain")]
[JsonDerivedType(typeof(RestoreDomain), "restore-domain")]
[JsonDerivedType(typeof(IssueRenewalInvoice), "issue-renewal-invoice")]
[JsonDerivedType(typeof(SendNotice), "send-notice")]
[JsonDerivedType(typeof(FlagForOperations), "flag-for-operations")]
[JsonDerivedType(typeof(RecordRegistrationView), "record-view")]
[JsonDerivedType(typeof(UpdateDomainNameservers), "update-nameservers")]
[JsonDerivedType(typeof(SetDomainHolds), "set-holds")]
[JsonDerivedType(typeof(SetTransferCode), "set-transfer-code")]
[JsonDerivedType(typeof(KeepTransferCodeForHandOver), "keep-transfer-code-for-hand-over")]
[JsonDerivedType(typeof(ChangeRegistrant), "change-registrant")]
[JsonDerivedType(typeof(RequestTransferIn), "request-transfer-in")]
[JsonDerivedType(typeof(EraseIncomingTransferCode), "erase-incoming-transfer-code")]
[JsonDerivedType(typeof(CancelTransferInRequest), "cancel-transfer-in")]
[JsonDerivedType(typeof(RejectTransferAway), "reject-transfer-away")]
[JsonDerivedType(typeof(UpdateRegistrantContact), "update-registrant-contact")]
[JsonDerivedType(typeof(RecordRegistrant), "record-registrant")]
[JsonDerivedType(typeof(HoldPaymentForAnotherName), "hold-payment-for-another-name")]
[JsonDerivedType(typeof(CancelRenewalInvoice), "cancel-renewal-invoice")]
[JsonDerivedType(typeof(HoldUnrenderedRenewalPayment), "hold-unrendered-renewal-payment")]
public abstract record RegistrationCommand(string CommandId, string RegistrationId)
{
    /// <summary>How a host carries the command out; the one place that says which commands reach the registry.</summary>
    [JsonIgnore]
    public abstract CommandRoute Route { get; }
}

/// <summary>Where a command is carried out.</summary>
public enum CommandRoute
{
    /// <summary>An EPP command under the zone's registry session cap; its answer comes back as an event.</summary>
    Registry,

    /// <summary>A notice mailed to the customer, once per command id.</summary>
    Mail,

    /// <summary>A record kept by the registrar (the customer's view of the registration, the order it came from).</summary>
    Record,

    /// <summary>An item on the operations review list.</summary>
    Operations,

    /// <summary>An invoice the registrar issues; its number and amount come back as an event.</summary>
    Billing,
}

public sealed record CreateRegistryContact(string CommandId, string RegistrationId, string Zone, RegistrantData Registrant)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

public sealed record CreateDomain(
    string CommandId, string RegistrationId, string Zone, string DomainName, int TermYears,
    string RegistrantHandle, TechnicalContact TechnicalContact, string? TrademarkLicence)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>Asks the registry about the domain instead of asking twice (architecture principle 3).</summary>
public sealed record QueryDomain(string CommandId, string RegistrationId, string Zone, string DomainName)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>UA-1.7: renews from the current expiry (RFC 5731 curExpDate), so a repeated renew is refused by the
/// registry instead of adding a second term.</summary>
public sealed record RenewDomain(string CommandId, string RegistrationId, string Zone, string DomainName, DateTimeOffset CurrentExpiry, int Years)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>KZ-2.8, UA-1.10: an unpaid domain is deleted at the registry.</summary>
public sealed record DeleteDomain(string CommandId, string RegistrationId, string Zone, string DomainName)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>RFC 3915 restore request for a name the registry already put into its redemption period (UA-1.12).</summary>
public sealed record RestoreDomain(string CommandId, string RegistrationId, string Zone, string DomainName)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>KZ-2.3: RFC 5731 domain:update to exactly <paramref name="NameServers"/>; the flow reads the domain first and
/// adds and removes only the difference, so carrying it out again after an unknown outcome is a reconciliation.</summary>
public sealed record UpdateDomainNameservers(string CommandId, string RegistrationId, string Zone, string DomainName, IReadOnlyList<string> NameServers)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>KZ-2.3: RFC 5733 contact:update of the registrant contact <paramref name="Handle"/> to <paramref name="Contact"/>'s
/// address, phone and e-mail, its name left as the registry has it; it sets values, so carrying it out again after an unknown
/// outcome changes nothing more.</summary>
/// <param name="Registrant">The registrant as the order gave it, with the new details: a domain transferred in keeps the losing
/// registrar's contact, which only that registrar may update (RFC 5731 section 3.2.4), so a contact of ours made from this
/// takes its place. Null when the order named a registry handle, and in commands stored before it was kept.</param>
public sealed record UpdateRegistrantContact(string CommandId, string RegistrationId, string Zone, string DomainName, string Handle, RegistrantContact Contact,
    Customers.RegistrantData? Registrant = null)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>UA-2.3.1, KZ-App-2, UA-2.2.3, KZ-App-9: RFC 5731 domain:update so that, of the holds the registrar manages
/// (<see cref="ManagedHolds"/>), the domain carries exactly <paramref name="Holds"/>. The flow reads the domain first and
/// adds and removes only the difference, so carrying it out again reconciles instead of repeating.</summary>
public sealed record SetDomainHolds(string CommandId, string RegistrationId, string Zone, string DomainName, IReadOnlyList<string> Holds)
    : RegistrationCommand(CommandId, RegistrationId)
{
    /// <summary>RFC 5731 client statuses: a hold takes the domain out of the zone; a transfer ban keeps it where it is.</summary>
    public static readonly IReadOnlyList<string> ManagedHolds = ["clientHold", "clientTransferProhibited"];

    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>KZ-App-9: RFC 5731 domain:update giving the domain a fresh authInfo, derived from the command id with the
/// registrar's secret key (<see cref="Requests.TransferCodes"/>), so the code is never stored and the notice that carries it
/// derives the same one.</summary>
public sealed record SetTransferCode(string CommandId, string RegistrationId, string Zone, string DomainName)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>UA-1.5.8: the transfer code request <paramref name="RequestId"/>, proved on papers, had its code set by the
/// <see cref="SetTransferCode"/> command <paramref name="SetBy"/>: the request's record keeps that command's id (never the code),
/// so operations can read the code once to hand it to the person whose papers they checked.</summary>
public sealed record KeepTransferCodeForHandOver(string CommandId, string RegistrationId, string RequestId, string SetBy)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Record;
}

/// <summary>KZ-2.4, KZ-2.5: RFC 5733 contact:create for <paramref name="Registrant"/> (its id derived from the registration and
/// the request, so a repeat finds it) and RFC 5731 domain:update chg registrant to it; the expiry is not touched.</summary>
public sealed record ChangeRegistrant(string CommandId, string RegistrationId, string Zone, string DomainName, string RequestId, RegistrantData Registrant)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Registry;
}

/// <summary>KZ-2.7, UA-1.10, UA-1.11: a renewal invoice (KZ-2.4: or a registrant change's), payable until <paramref name="DueAt"/>,
/// priced with <paramref name="Operation"/>. Its number is claimed by the command id, so issuing it again returns the same invoice.</summary>
/// <param name="AskedAt">When the decider asked for it: the invoice is dated, priced (UA-3.3) and numbered in its month's
/// series as of this instant, so carrying the command out again finds the same invoice. Null in commands stored before
/// they carried it.</param>
public sealed record IssueRenewalInvoice(
    string CommandId, string RegistrationId, string CustomerId, string Zone, string DomainName, int Years,
    TariffOperation Operation, DateTimeOffset DueAt, DateTimeOffset? AskedAt = null)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Billing;
}

/// <summary>UA-1.7, KZ-3.5: the renewal <paramref name="InvoiceNumber"/> billed was paid by <paramref name="PaidInvoice"/>, an
/// invoice of the same expiry issued before it and paid in its time (the bank's booking time, notified late), or (UA-6.1,
/// UA-6.4) the registrant's notice under <paramref name="EndingRule"/> ends the contract before it: the invoice is cancelled,
/// so nobody pays for a renewal bought already or never carried out. One paid meanwhile stays paid, and its money is settled
/// by operations (the registration flags it).</summary>
public sealed record CancelRenewalInvoice(string CommandId, string RegistrationId, string InvoiceNumber, string? PaidInvoice, string? EndingRule = null)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Billing;
}

/// <param name="Facts">What the notice's template shows besides the domain (expiry, invoice, deadlines).</param>
/// <param name="Language">The customer's language ("ru", "uk", "kk", "en"); null for the zone's offer language.</param>
public sealed record SendNotice(
    string CommandId, string RegistrationId, NoticeKind Kind, string CustomerId, string To, string Zone, string DomainName,
    NoticeFacts? Facts = null, string? Language = null)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Mail;
}

/// <summary>Something a person must look at; the registration waits or goes on as its state says.</summary>
/// <param name="ReviewItemId">The review item's id where something else resolves it once done (<see cref="TrademarkReviewed.ReviewItemFor"/>);
/// null for the command's own id, an item a person resolves.</param>
public sealed record FlagForOperations(string CommandId, string RegistrationId, string Reason, string? ReviewItemId = null)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Operations;
}

/// <summary>Keeps the customer's view of the registration current (what GET /api/registrations lists).</summary>
/// <param name="Sequence">Grows with every decision, so an older view arriving late never replaces a newer one.</param>
/// <param name="LikelyNew">The registration's view rows are most likely not written yet, so a store adds them without a read
/// (issue 16): views decided on payment and while the domain is being created, since the first is often made needless by
/// the next one before it is written (<see cref="RegistrationDecider.Supersedes"/>). False in commands stored before it was kept.</param>
public sealed record RecordRegistrationView(string CommandId, string RegistrationId, RegistrationView View, int Sequence, bool LikelyNew = false)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Record;
}

/// <summary>KZ-2.4, KZ-2.3, KZ-App-10.3: keeps the registrant the registration holds once it is no longer the one its order gave
/// (a registrant change, a re-delegation, new contact details), for the public WHOIS and RDAP answers and disclosures.</summary>
/// <param name="Sequence">Grows with every decision, so an older registrant arriving late never replaces a newer one.</param>
public sealed record RecordRegistrant(string CommandId, string RegistrationId, RegistrantData Registrant, int Sequence)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Record;
}

public enum NoticeKind
{
    /// <summary>UA-2.1.2: registered; carries a set-password link for the control panel.</summary>
    Registered,

    /// <summary>KZ-2.1: the name was taken; choose another name or a refund.</summary>
    NameTaken,

    /// <summary>UA-Pre-7: operations did not approve the trademark.</summary>
    TrademarkRejected,

    /// <summary>KZ-2.6: the domain expires soon; an invoice issued earlier is still open, or none can be issued any more.</summary>
    RenewalReminder,

    /// <summary>KZ-2.6, KZ-2.7: the domain expires soon and here is the invoice that renews it.</summary>
    RenewalInvoice,

    /// <summary>UA-1.7: renewed; the new expiry is the registry's.</summary>
    Renewed,

    /// <summary>KZ-2.8, UA-1.10: expired unpaid; when it is deleted and (UA-1.12) until when it can still be renewed.</summary>
    Expired,

    /// <summary>KZ-2.8, UA-1.10: deleted at the registry; the name is free for anyone.</summary>
    Deleted,

    /// <summary>KZ-5.3, UA-4.7: a single-use, expiring link that confirms a customer request from the contact e-mail.</summary>
    RequestConfirmation,

    /// <summary>UA-1.5.6: deleted at the registry at the registrant's request; the name is free for anyone.</summary>
    DeletedOnRequest,

    /// <summary>KZ-2.3: the domain's name servers were changed at the registry as the customer asked.</summary>
    NameserversChanged,

    /// <summary>UA-4.7, KZ-2.2: sent to the old contact e-mail: notices now go to the new one.</summary>
    ContactEmailChanged,

    /// <summary>UA-4.7: operations did not consent to the contact e-mail change; nothing changed.</summary>
    ContactEmailChangeRefused,

    /// <summary>UA-2.3.1: the service is suspended on the offer's clause; the registrant is asked for a written explanation.</summary>
    Suspended,

    /// <summary>UA-2.3.1: the suspension is lifted.</summary>
    Unsuspended,

    /// <summary>KZ-App-2, UA-2.2.3: a dispute decision blocks the domain.</summary>
    Blocked,

    /// <summary>KZ-App-2, UA-2.2.3: a later decision lifts the block.</summary>
    Unblocked,

    /// <summary>KZ-App-4: written notice of a breach; cured by the deadline, or the registration is cancelled then.</summary>
    BreachNoticed,

    /// <summary>UA-1.3.4.1, UA-2.3.2, UA-1.3.6: the registrar ends the contract on the offer's clause, effective then.</summary>
    TerminationNoticed,

    /// <summary>UA-6.1, UA-6.4: the registrant's notice of termination is received; the contract ends at the date shown.</summary>
    TerminationConfirmed,

    /// <summary>The contract ended on a decision (termination, uncured breach, dispute) and the domain was deleted.</summary>
    ServiceEnded,
    /// <summary>KZ-App-9: the domain's transfer code, for the registrar the customer moves it to.</summary>
    TransferCode,

    /// <summary>KZ-App-9, UA-3.5: no transfer code was issued; the notice names each reason and its rule.</summary>
    TransferCodeRefused,

    /// <summary>The registry moved the domain to another registrar: this registrar's service for it has ended.</summary>
    TransferredAway,

    /// <summary>KZ-2.4: the invoice for a registrant change, priced as a new registration; the change waits for its payment.</summary>
    RegistrantChangeInvoice,

    /// <summary>KZ-2.4, KZ-2.5: the registry shows the new registrant; the expiry is what it was.</summary>
    RegistrantChanged,

    /// <summary>RFC 5731 section 3.2.4: the registry did not move the domain here (wrong code, rejected or cancelled); the
    /// payment is refunded or applied elsewhere.</summary>
    TransferInRefused,

    /// <summary>RFC 5731 section 3.2.4, KZ-2.8: the transfer did not happen because the registry deleted the domain meanwhile (it
    /// expired unrenewed): its name is free to register, and the payment is refunded or applied elsewhere.</summary>
    TransferInDomainDeleted,

    /// <summary>RFC 5731 section 3.2.4: the registry moved the domain here, with the expiry it gives; like the welcome mail it
    /// carries a set-password link for the control panel (UA-2.1.2).</summary>
    TransferredIn,

    /// <summary>KZ-5.3: the credential reset proved from the contact e-mail: a set-password link for the control panel (UA-2.1.2).</summary>
    CredentialReset,

    /// <summary>KZ-App-9, UA-3.5: another registrar's transfer of the domain was rejected at the registry; the notice names each
    /// reason and its rule, as <see cref="TransferCodeRefused"/> does.</summary>
    TransferAwayRejected,

    /// <summary>KZ-2.3: the registry holds the registrant's new contact details the customer gave.</summary>
    RegistrantContactChanged,

    /// <summary>UA-1.5.8, KZ-2.3: a customer request that is not carried out, and why (<see cref="RequestRefusalReason"/>); nothing changed.</summary>
    RequestRefused,

    /// <summary>KZ-App-4: operations accepted the cure of a breach noticed in writing; the registration is kept.</summary>
    BreachCured,
}

/// <summary>The figures a notice shows; which are set depends on its kind.</summary>
/// <param name="PayBy">The last instant a renewal can be paid (KZ-2.7, UA-1.10; UA-1.12 after expiry).</param>
/// <param name="DeletionAt">When an unpaid domain is deleted (KZ-2.8, UA-1.12); on a termination's confirmation, when the
/// contract ends and the domain is deleted (UA-6.1).</param>
/// <param name="RequestId">The customer request a confirmation link confirms (KZ-5.3, UA-4.7).</param>
/// <param name="RequestKind">What that request asks for ("early-deletion", …).</param>
/// <param name="NameServers">KZ-2.3: the name servers the domain now has; on a DNS change's confirmation, the ones asked for.</param>
/// <param name="ContactEmail">UA-4.7: the contact e-mail notices go to from now on; on its change's confirmation, the one asked for.</param>
/// <param name="Clause">The offer's clause a decision was taken under ("2.3.1.3"), as the customer reads it in the offer.</param>
/// <param name="Document">KZ-App-2, UA-2.2.3: the decision a dispute outcome was taken on.</param>
/// <param name="TransferCodeOf">KZ-App-9: the <see cref="SetTransferCode"/> command whose code the notice carries; the mail
/// derives the code from it, so the code itself is never stored.</param>
/// <param name="TransferRefusals">KZ-App-9, UA-3.5: why no transfer code was issued, each with its rule in <paramref name="Rules"/>.</param>
/// <param name="NewRegistrant">UA-1.5.8: on a registrant change's confirmation, the new registrant's name (its organisation, or
/// a person's full name), so the mail says to whom the domain passes. Null in notices stored before it was carried.</param>
/// <param name="Refusal">On <see cref="NoticeKind.RequestRefused"/>, why the request named by <paramref name="RequestId"/> and
/// <paramref name="RequestKind"/> is not carried out; with the contract's end in <paramref name="DeletionAt"/>, or the invoice an
/// earlier registrant change waits for in <paramref name="InvoiceNumber"/> and <paramref name="PayBy"/>.</param>
/// <param name="TakenHere">KZ-2.1: on <see cref="NoticeKind.NameTaken"/>, the registry shows this registrar as the name's sponsor
/// under another registration, perhaps the customer's own from an earlier order: the mail says so rather than name another
/// applicant, and that paying twice is not needed.</param>
/// <param name="InvoiceFollows">KZ-2.6, KZ-2.7: a warning sent while the renewal deadline waits for its calendar year: it carries
/// no invoice or pay-by date, and says they follow, never that the renewal can no longer be paid.</param>
public sealed record NoticeFacts(
    DateTimeOffset? ExpiresAt = null,
    DateTimeOffset? PayBy = null,
    DateTimeOffset? DeletionAt = null,
    string? InvoiceNumber = null,
    Money.Money? Amount = null,
    string? RequestId = null,
    string? RequestKind = null,
    IReadOnlyList<string>? NameServers = null,
    string? ContactEmail = null,
    string? Clause = null,
    string? Document = null,
    string? TransferCodeOf = null,
    IReadOnlyList<Contracts.TransferRefusalReason>? TransferRefusals = null,
    IReadOnlyList<string>? Rules = null,
    string? NewRegistrant = null,
    RequestRefusalReason? Refusal = null,
    bool TakenHere = false,
    bool InvoiceFollows = false);
