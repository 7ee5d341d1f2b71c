using Registrar.Core.Contracts;
using Registrar.Core.Registrations;

namespace Registrar.Api.Operations;

/// <summary>A decision operations take about a registered domain, or a transfer in on its way (POST /api/ops/registrations/{id}/decisions).</summary>
/// <param name="Kind">"suspend" (UA-2.3.1, with <paramref name="Ground"/>), "unsuspend", "dispute" (KZ-App-2, UA-2.2.3, with
/// <paramref name="Outcome"/> and <paramref name="Document"/>), "breach-notice" and "breach-cured" (KZ-App-4), or
/// "termination" (with <paramref name="Termination"/>: RegistrarNotice, UA-1.3.4.1; RegistrantBreach, UA-2.3.2;
/// RegistryAgreementEnded, UA-1.3.6), or "transfer-restriction" (KZ-App-9, with the forbidding agreement as
/// <paramref name="Document"/>) and "transfer-restriction-lifted", or "transfer-in-cancel" (RFC 5731 section 3.2.4: a transfer in
/// still pending is withdrawn at the registry and closed, its money settled by operations).</param>
/// <param name="Reason">Why, for the audit log; the customer reads the notice, not this.</param>
/// <param name="Registrant">For a dispute's Redelegate outcome: the registrant the decision gives the domain to.</param>
public sealed record OperationsDecisionBody(
    string Kind,
    string Reason,
    SuspensionGround? Ground = null,
    DisputeOutcome? Outcome = null,
    string? Document = null,
    TerminationGround? Termination = null,
    Core.Customers.RegistrantData? Registrant = null);

/// <summary>The decision as the lifecycle carries it out: the instants its rule made of it, and where a refund it owes is quoted.</summary>
/// <param name="EffectiveAt">When a termination or a dispute deletion takes effect (the domain is deleted then).</param>
/// <param name="CureDeadline">KZ-App-4: the end of the time to cure a breach.</param>
/// <param name="RefundQuote">UA-6.2, UA-6.3: the route that quotes the whole unused months to pay back.</param>
public sealed record OperationsDecisionAccepted(
    string RegistrationId,
    string DecisionId,
    string Kind,
    string? Rule,
    DateTimeOffset? EffectiveAt,
    DateTimeOffset? CureDeadline,
    string? RefundQuote);
