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
