using System.Text.Json.Serialization;
using Registrar.Core.Customers;

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
public abstract record RegistrationEvent(string EventId);

/// <summary>The invoice covering this domain was paid in full (KZ-3.2); the instant is the bank's booking time (KZ-3.5, UA-3.4).</summary>
public sealed record RegistrationPaid(string EventId, RegistrationOrder Order, DateTimeOffset PaidAt) : RegistrationEvent(EventId);

/// <summary>UA-Pre-7: operations checked the trademark behind a second-level .ua name.</summary>
public sealed record TrademarkReviewed(string EventId, bool Approved, string ReviewedBy, string? Reason) : RegistrationEvent(EventId);

/// <summary>The registry's answer to a command this registration sent.</summary>
public sealed record RegistryAnswered(string EventId, string CommandId, RegistryOutcome Outcome) : RegistrationEvent(EventId);

public sealed record RegistrationTimerDue(string EventId, DateTimeOffset DueAt) : RegistrationEvent(EventId);

/// <summary>KZ-2.1: after the name was taken, the customer chose a refund (money stays held until operations pay it out).</summary>
public sealed record CustomerChoseAfterNameTaken(string EventId, CustomerChoice Choice) : RegistrationEvent(EventId);

/// <summary>Operations looked at a stalled registration (the registry refused, or a command could not be
/// carried out) and want it tried again.</summary>
public sealed record OperationsRetried(string EventId, string By) : RegistrationEvent(EventId);

/// <summary>A host gave up carrying out one of this registration's commands (retries exhausted, or the
/// registry command's queue message was poisoned). The command travels whole so it can be tried again
/// under the same id, which keeps its effect once.</summary>
public sealed record RegistrationCommandFailed(string EventId, RegistrationCommand Command, string Reason) : RegistrationEvent(EventId);

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
    string? TrademarkLicence);

/// <summary>The registry's answer, reduced to what the lifecycle decides on.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "outcome")]
[JsonDerivedType(typeof(ContactCreated), "contact-created")]
[JsonDerivedType(typeof(DomainCreated), "domain-created")]
[JsonDerivedType(typeof(NameTaken), "name-taken")]
[JsonDerivedType(typeof(DomainInfo), "domain-info")]
[JsonDerivedType(typeof(OutcomeUnknown), "outcome-unknown")]
[JsonDerivedType(typeof(RegistryRefused), "refused")]
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
public sealed record DomainInfo(bool Exists, bool SponsorIsUs, string? RegistrantHandle, DateTimeOffset? ExpiresAt) : RegistryOutcome;

/// <summary>The connection dropped after the command was sent: it may or may not have been executed.</summary>
public sealed record OutcomeUnknown : RegistryOutcome;

/// <summary>Any other EPP failure, with its result code and message.</summary>
public sealed record RegistryRefused(int Code, string Message) : RegistryOutcome;
