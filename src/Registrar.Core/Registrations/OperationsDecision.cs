using System.Text.Json.Serialization;
using Registrar.Core.Contracts;

namespace Registrar.Core.Registrations;

/// <summary>What operations decided about a registered domain (or, <see cref="CancelTransferIn"/>, one on its way here). The instants a rule makes of the decision (a cure
/// deadline, when a termination takes effect) are computed from the zone's contract rules when it is made and travel
/// with it, so the lifecycle carries out exactly what was decided and told.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SuspendService), SuspendService.KindName)]
[JsonDerivedType(typeof(ResumeService), ResumeService.KindName)]
[JsonDerivedType(typeof(DisputeDecision), DisputeDecision.KindName)]
[JsonDerivedType(typeof(BreachNotice), BreachNotice.KindName)]
[JsonDerivedType(typeof(BreachCured), BreachCured.KindName)]
[JsonDerivedType(typeof(TerminationNotice), TerminationNotice.KindName)]
[JsonDerivedType(typeof(RestrictTransfer), RestrictTransfer.KindName)]
[JsonDerivedType(typeof(LiftTransferRestriction), LiftTransferRestriction.KindName)]
[JsonDerivedType(typeof(CancelTransferIn), CancelTransferIn.KindName)]
public abstract record OperationsDecision
{
    /// <summary>Most decisions apply to a domain held at the registry for the registration: registered, with an expiry.</summary>
    public static bool IsHeldAtRegistry(RegistrationPhase phase, DateTimeOffset? expiresAt) =>
        expiresAt is not null && phase is RegistrationPhase.Registered or RegistrationPhase.Expired or RegistrationPhase.Renewing
            or RegistrationPhase.Restoring or RegistrationPhase.Stalled;

    public virtual bool AppliesTo(RegistrationPhase phase, DateTimeOffset? expiresAt) => IsHeldAtRegistry(phase, expiresAt);

    /// <summary>What <see cref="AppliesTo"/> asks for, in words, for the refusal operations read.</summary>
    [JsonIgnore]
    public virtual string AppliesWhen => "decisions apply to a domain held at the registry";

    /// <summary>Whether the decision ends the contract sooner than an end in force at <paramref name="endsAt"/>, and so takes its
    /// place (<see cref="TerminationNotice"/>); any other decision changes nothing once the contract's end is fixed.</summary>
    public virtual bool EndsSoonerThan(DateTimeOffset endsAt) => false;

    /// <summary>The name the operations API and the audit log use for this kind.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>What the audit entry keeps besides the kind: the ground, the decision's document, the agreement (UA-2.3.1,
    /// KZ-App-2, UA-2.2.3, KZ-App-9), which the state forgets once lifted; never a registrant's personal data.</summary>
    [JsonIgnore]
    public virtual string? Particulars => null;
}

/// <summary>UA-2.3.1: the service is suspended on one of the offer's grounds; the domain is put on hold at the registry
/// and the registrant asked for a written explanation.</summary>
public sealed record SuspendService(SuspensionGround Ground) : OperationsDecision
{
    public const string KindName = "suspend";

    [JsonIgnore]
    public override string Kind => KindName;

    /// <summary>UA-2.3.1.1 to UA-2.3.1.9: the grounds are the offer's sub-clauses in order.</summary>
    [JsonIgnore]
    public string Clause => $"2.3.1.{(int)Ground + 1}";

    [JsonIgnore]
    public override string Particulars => $"{Ground} (UA-{Clause})";
}

/// <summary>UA-2.3.1: a suspension ends; the hold is lifted at the registry.</summary>
public sealed record ResumeService : OperationsDecision
{
    public const string KindName = "unsuspend";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>KZ-App-2, UA-2.2.3: a decision under the zone's dispute policy, with the document it was taken on (a court
/// decision, an arbitration ruling: its issuer, number and date), under the zone's offer's <paramref name="Rule"/>.</summary>
/// <param name="Registrant">For <see cref="DisputeOutcome.Redelegate"/>: the registrant the decision gives the domain to.</param>
public sealed record DisputeDecision(DisputeOutcome Outcome, string Document, string Rule, Customers.RegistrantData? Registrant = null) : OperationsDecision
{
    public const string KindName = "dispute";

    [JsonIgnore]
    public override string Kind => KindName;

    /// <summary>The outcome and the document, not the registrant a re-delegation names: the audit log keeps no personal data.</summary>
    [JsonIgnore]
    public override string Particulars => $"{Outcome} on {Document} ({Rule})";
}

public enum DisputeOutcome
{
    /// <summary>The domain stops resolving and cannot be transferred or changed until a later decision lifts the block.</summary>
    Block,

    /// <summary>A later decision lifts a block.</summary>
    Unblock,

    /// <summary>The domain is deleted at the registry; the name becomes free.</summary>
    Delete,

    /// <summary>The domain's registrant becomes the one the decision names, at the registry, uninvoiced; the expiry stays.</summary>
    Redelegate,
}

/// <summary>KZ-App-4: written notice of a breach; the registration is cancelled at <paramref name="CureDeadline"/> unless
/// operations record the breach cured first.</summary>
public sealed record BreachNotice(DateTimeOffset CureDeadline) : OperationsDecision
{
    public const string KindName = "breach-notice";

    [JsonIgnore]
    public override string Kind => KindName;

    [JsonIgnore]
    public override string Particulars => $"cure by {CureDeadline:u} ({BreachCure.Rule})";
}

/// <summary>KZ-App-4: the customer cured the breach in time; the registration stays.</summary>
public sealed record BreachCured : OperationsDecision
{
    public const string KindName = "breach-cured";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>The registrar ends the contract: the notice goes out now and the domain is deleted at
/// <paramref name="EffectiveAt"/> (UA-1.3.4.1: 30 days later; UA-2.3.2 and UA-1.3.6: at once; UA-Pre-6: from the date of the
/// registrar's reply to a written erasure request, which the notice confirms).</summary>
public sealed record TerminationNotice(TerminationGround Ground, DateTimeOffset EffectiveAt, string Rule) : OperationsDecision
{
    public const string KindName = "termination";

    [JsonIgnore]
    public override string Kind => KindName;

    [JsonIgnore]
    public override string Particulars => $"{Ground}, effective {EffectiveAt:u} ({Rule})";

    /// <summary>UA-2.3.2: a breach ends the contract at once, also when a notice gave it 30 days (UA-1.3.4.1) or the registrant
    /// gave notice (UA-6.1); UA-1.3.6 at once too; UA-Pre-6, an erasure request from the date of the registrar's reply. An end as
    /// soon or sooner stands.</summary>
    public override bool EndsSoonerThan(DateTimeOffset endsAt) => EffectiveAt < endsAt;
}

/// <summary>KZ-App-9: another agreement between the customer and the registrar forbids transferring the domain away, named
/// by <paramref name="Agreement"/> (its title, number and date); no transfer code is issued while it stands.</summary>
public sealed record RestrictTransfer(string Agreement, string Rule) : OperationsDecision
{
    public const string KindName = "transfer-restriction";

    [JsonIgnore]
    public override string Kind => KindName;

    [JsonIgnore]
    public override string Particulars => $"{Agreement} ({Rule})";
}

/// <summary>KZ-App-9: the agreement no longer forbids the transfer; transfer codes are issued again.</summary>
public sealed record LiftTransferRestriction : OperationsDecision
{
    public const string KindName = "transfer-restriction-lifted";

    [JsonIgnore]
    public override string Kind => KindName;
}

/// <summary>RFC 5731 section 3.2.4: operations withdraw a transfer in still pending at the registry (the customer changed
/// their mind, the payment is disputed); the registration is then closed and its money settled, as for a refused transfer.</summary>
public sealed record CancelTransferIn : OperationsDecision
{
    public const string KindName = "transfer-in-cancel";

    [JsonIgnore]
    public override string Kind => KindName;

    public override bool AppliesTo(RegistrationPhase phase, DateTimeOffset? expiresAt) => phase == RegistrationPhase.TransferringIn;

    [JsonIgnore]
    public override string AppliesWhen => "only a transfer in still pending (TransferringIn) can be cancelled";
}

public enum TerminationGround
{
    /// <summary>UA-1.3.4.1: the registrar ends the contract on its own, with the zone's notice period.</summary>
    RegistrarNotice,

    /// <summary>UA-2.3.2: the registrant breached the contract; it ends when the notice is sent.</summary>
    RegistrantBreach,

    /// <summary>UA-1.3.6: the registry ended its agreement with the registrar; nothing is refunded.</summary>
    RegistryAgreementEnded,

    /// <summary>KZ-App-4: a breach was not cured within its time; the registration is cancelled.</summary>
    BreachUncured,

    /// <summary>UA-6.1, UA-6.4: the registrant gave notice; it is a customer request, not an operations decision.</summary>
    RegistrantNotice,

    /// <summary>UA-Pre-6: the registrant asked in writing for their personal data to be erased; operations record it with the date
    /// of the registrar's reply, from which the contract ends. The registrant asked, so nothing is refunded (UA-1.5.5).</summary>
    ErasureRequest,
}
