using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Claims;
using Registrar.Core.Contracts;
using Registrar.Core.Registrations;

namespace Registrar.Api.Operations;

/// <summary>
/// A decision the registration's view shows would change nothing is refused before anything is raised or audited, with a 409
/// naming the rule in force, as a second trademark review is: while the contract's end is fixed (UA-1.3.4.1, UA-2.3.2, UA-1.3.6,
/// UA-6.1, KZ-App-4, KZ-App-2), only a termination ending it sooner changes anything (UA-2.3.2: a breach ends it at once); a
/// suspension (UA-2.3.1), a dispute block (KZ-App-2, UA-2.2.3), a transfer restriction (KZ-App-9) or a breach notice whose time
/// to cure runs (KZ-App-4: a second would tell of a deadline that is not in force) in force already. Only what
/// the view shows in force: a lift of what it does not show goes to the lifecycle, which flags one with nothing to lift, as a
/// view recorded before it showed suspensions and blocks, or one a moment behind the decision, would refuse a lift that is due.
/// Both the API and the operations page ask it, so the page refuses what the API refuses.
/// </summary>
public static class DecisionsInForce
{
    public static ProblemHttpResult? Refusal(OperationsDecision decision, RegistrationView registration) =>
        InForce(decision, registration) is ({ } rule, { } inForce)
            ? RuleProblems.NotAllowed(rule, $"{registration.DisplayName}: {inForce}; the decision would change nothing, and nothing was recorded.")
            : null;

    /// <summary>What a decision that puts something in force the view shows is claimed as, on the view it was judged on
    /// (<paramref name="judgedOn"/>): decisions made at the same moment read the same view, and the first claimed is taken
    /// (<see cref="RegistrationActions.DecideAsync"/>); the lifecycle records the next view once it carried one out. Null for a
    /// decision the view does not show once taken (a lift, a cure, a deletion), which the lifecycle judges alone.</summary>
    public static string? Claim(OperationsDecision decision, SequencedRegistrationView judgedOn) => RuleOf(decision) is null ? null
        : $"decision-{(decision is DisputeDecision dispute ? $"{decision.Kind}-{dispute.Outcome}" : decision.Kind)}@{judgedOn.Sequence}";

    /// <summary>The rule of a decision that puts something in force; null for the others.</summary>
    public static string? RuleOf(OperationsDecision decision) => decision switch
    {
        SuspendService => "UA-2.3.1",
        DisputeDecision { Outcome: DisputeOutcome.Block } block => block.Rule,
        RestrictTransfer restriction => restriction.Rule,
        BreachNotice => BreachCure.Rule,
        TerminationNotice termination => termination.Rule,
        _ => null,
    };

    private static (string? Rule, string? InForce) InForce(OperationsDecision decision, RegistrationView registration) => decision switch
    {
        _ when registration.ContractEnd is { } end && !decision.EndsSoonerThan(end.EndsAt) =>
            (end.Rule, $"the contract already ends at {end.EndsAt:u} ({end.Rule}), and only a termination ending it sooner changes that"),
        SuspendService when registration.SuspendedSince is { } since => ("UA-2.3.1", $"the service is suspended already, since {since:u} (UA-2.3.1)"),
        DisputeDecision { Outcome: DisputeOutcome.Block } block when registration.DisputeBlockedSince is { } since =>
            (block.Rule, $"a dispute decision blocks the domain already, since {since:u} ({block.Rule})"),
        BreachNotice when registration.BreachCureDeadline is { } cureBy =>
            (BreachCure.Rule, $"a breach notice runs already, and the customer may cure the breach until {cureBy:u} ({BreachCure.Rule})"),
        RestrictTransfer restriction when registration.TransferRestriction is { } agreement =>
            (restriction.Rule, $"the agreement '{agreement}' forbids the transfer already ({restriction.Rule})"),
        _ => (null, null),
    };
}
