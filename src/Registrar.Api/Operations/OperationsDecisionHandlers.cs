using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Registrations;

namespace Registrar.Api.Operations;

/// <summary>
/// Operations decide about a registered domain (UA-2.3.1, KZ-App-2, UA-2.2.3, KZ-App-4, UA-1.3.4.1, UA-2.3.2, UA-1.3.6, KZ-App-9),
/// or cancel a pending transfer in (RFC 5731 section 3.2.4).
/// Checked here before anything is raised: the body, the zone's offer (a decision it has no clause for is refused with
/// the rule), that the registration is in a phase the decision applies to, and that its view shows nothing in force that makes the
/// decision change nothing (<see cref="DecisionsInForce"/>); what only the registration's state knows the lifecycle judges and
/// sends back to operations.
/// </summary>
public sealed class OperationsDecisionHandlers(
    ClientAuthenticator authenticator, IRegistrationViews views, OperationsDecisionReader reader, RegistrationActions actions, TimeProvider clock)
{
    public async Task<IResult> DecideAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var body = await StrictJson.ReadAsync<OperationsDecisionBody>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var form = body.Value!;
        if (string.IsNullOrWhiteSpace(form.Reason)) return Problems.Validation("reason", "Say why, for the audit log.");
        if (form.Reason.Length > OperationsHandlers.MaxNoteLength) return Problems.Validation("reason", $"At most {OperationsHandlers.MaxNoteLength} characters.");
        if (OperationsDecisionReader.FieldsOfAnotherKind(form) is { } stray) return stray;

        var judgedOn = await views.FindSequencedAsync(registrationId, ct);
        if (judgedOn is null) return RegistrationProblems.Unknown(registrationId);
        var registration = judgedOn.View;
        var now = clock.GetUtcNow();
        var (decision, problem) = reader.Read(form, registration, now);
        if (problem is not null) return problem;
        if (!decision!.AppliesTo(registration.Phase, registration.ExpiresAt))
            return Problems.Conflict($"{registration.DisplayName} is {registration.Phase}: {decision.AppliesWhen}.");
        if (DecisionsInForce.Refusal(decision, registration) is { } inForce) return inForce;

        var (decisionId, notTaken) = await actions.DecideAsync(registrationId, decision, now, form.Reason,
            new OperationsActor(operations.Principal!.Name, null), DecisionsInForce.Claim(decision, judgedOn), ct);
        if (notTaken is not null)
            return RuleProblems.NotAllowed(DecisionsInForce.RuleOf(decision)!, $"{registration.DisplayName}: {notTaken}; this one would change nothing, and nothing of it was recorded.");
        return TypedResults.Accepted($"/api/ops/registrations/{registrationId}", Accepted(registrationId, registration.Zone, decisionId, decision!));
    }

    private OperationsDecisionAccepted Accepted(string registrationId, string zone, string decisionId, OperationsDecision decision) =>
        new(registrationId, decisionId, decision.Kind, RuleNamed(decision), (decision as TerminationNotice)?.EffectiveAt,
            (decision as BreachNotice)?.CureDeadline, decision is TerminationNotice termination ? reader.RefundQuotePath(registrationId, zone, termination) : null);

    /// <summary>The rule the answer names: a suspension's ground's clause (UA-2.3.1.x), a dispute decision's, its lifting's and a
    /// cure's own; else the rule a decision that puts something in force is claimed under (<see cref="DecisionsInForce.RuleOf"/>).</summary>
    private static string? RuleNamed(OperationsDecision decision) => decision switch
    {
        SuspendService suspend => $"UA-{suspend.Clause}",
        DisputeDecision dispute => dispute.Rule,
        ResumeService => "UA-2.3.1",
        BreachCured => Core.Contracts.BreachCure.Rule,
        _ => DecisionsInForce.RuleOf(decision),
    };
}
