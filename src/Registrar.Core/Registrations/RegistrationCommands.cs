using System.Text.Json.Serialization;
using Registrar.Core.Customers;

namespace Registrar.Core.Registrations;

/// <summary>What a registration asks its host to do. <see cref="CommandId"/> is unique and stable:
/// handlers are idempotent by it (it is also the EPP clTRID and the notice id).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CreateRegistryContact), "create-contact")]
[JsonDerivedType(typeof(CreateDomain), "create-domain")]
[JsonDerivedType(typeof(QueryDomain), "info-domain")]
[JsonDerivedType(typeof(SendNotice), "send-notice")]
[JsonDerivedType(typeof(FlagForOperations), "flag-for-operations")]
[JsonDerivedType(typeof(RecordRegistrationView), "record-view")]
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

    /// <summary>A record kept by the registrar (the customer's view of the registration).</summary>
    Record,

    /// <summary>An item on the operations review list.</summary>
    Operations,
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

public sealed record SendNotice(string CommandId, string RegistrationId, NoticeKind Kind, string CustomerId, string To, string Zone, string DomainName)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Mail;
}

/// <summary>Something a person must look at; the registration waits or goes on as its state says.</summary>
public sealed record FlagForOperations(string CommandId, string RegistrationId, string Reason)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Operations;
}

/// <summary>Keeps the customer's view of the registration current (what GET /api/registrations lists).</summary>
/// <param name="Sequence">Grows with every decision, so an older view arriving late never replaces a newer one.</param>
public sealed record RecordRegistrationView(string CommandId, string RegistrationId, RegistrationView View, int Sequence)
    : RegistrationCommand(CommandId, RegistrationId)
{
    public override CommandRoute Route => CommandRoute.Record;
}

/// <summary>A registration as its customer sees it.</summary>
public sealed record RegistrationView(
    string RegistrationId, string CustomerId, string DomainName, string DisplayName, string Zone, RegistrationPhase Phase, DateTimeOffset? ExpiresAt);

public enum NoticeKind
{
    /// <summary>UA-2.1.2: registered; carries a set-password link for the control panel.</summary>
    Registered,

    /// <summary>KZ-2.1: the name was taken; choose another name or a refund.</summary>
    NameTaken,

    /// <summary>UA-Pre-7: operations did not approve the trademark.</summary>
    TrademarkRejected,
}
