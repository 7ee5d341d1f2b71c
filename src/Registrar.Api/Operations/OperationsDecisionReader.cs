using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Core.Contracts;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;

namespace Registrar.Api.Operations;

/// <summary>
/// Turns an operations decision's body into the lifecycle's <see cref="OperationsDecision"/> for one zone, with the
/// instants its rule makes of it at <c>now</c>; refuses, naming the rule, a decision the zone's offer has no clause for.
/// </summary>
public sealed class OperationsDecisionReader(ContractRules rules, ContractTermsCatalog offers, IRegistrationSchedule schedule)
{
    public const int MaxDocumentLength = 500;

    /// <param name="registration">The registration decided about, as its view shows it: a termination of an unpaid domain is held to
    /// its deletion, as the lifecycle holds it (<see cref="UnpaidDeletion"/>), so the answer and the audit state when it takes effect.</param>
    public (OperationsDecision? Decision, ProblemHttpResult? Problem) Read(OperationsDecisionBody body, RegistrationView registration, DateTimeOffset now)
    {
        var (decision, problem) = Read(body, registration.Zone, now);
        // In these phases the renewal of the current expiry is unpaid: a paid one is renewing, or renewed to a new expiry.
        var unpaidExpiry = registration.Phase is RegistrationPhase.Registered or RegistrationPhase.Expired ? registration.ExpiresAt : null;
        return decision is TerminationNotice termination
            ? (termination with { EffectiveAt = UnpaidDeletion.NoLaterThan(schedule, registration.Zone, unpaidExpiry, termination.EffectiveAt) }, null)
            : (decision, problem);
    }

    private (OperationsDecision? Decision, ProblemHttpResult? Problem) Read(OperationsDecisionBody body, string zone, DateTimeOffset now) => body.Kind switch
    {
        SuspendService.KindName => body.Ground is { } ground && Enum.IsDefined(ground)
            ? Suspension(zone, new SuspendService(ground))
            : (null, Problems.Validation("ground", $"One of the grounds of UA-2.3.1: {string.Join(", ", Enum.GetNames<SuspensionGround>())}.")),
        ResumeService.KindName => Suspension(zone, new ResumeService()),
        DisputeDecision.KindName => Dispute(body, zone),
        BreachNotice.KindName => rules.BreachCure(zone) is { } cure
            ? (new BreachNotice(cure.CureDeadline(now)), null)
            : (null, NoClause(BreachCure.Rule, zone, "breach notice with time to cure")),
        BreachCured.KindName => rules.BreachCure(zone) is not null
            ? (new BreachCured(), null)
            : (null, NoClause(BreachCure.Rule, zone, "breach notice with time to cure")),
        TerminationNotice.KindName => Termination(body.Termination, zone, now),
        RestrictTransfer.KindName => Restriction(body.Document, zone),
        LiftTransferRestriction.KindName => offers.For(zone).Transfers.AgreementRule is not null
            ? (new LiftTransferRestriction(), null)
            : (null, NoClause(AgreementRule, zone, "transfer restriction by another agreement")),
        // RFC 5731 section 3.2.4: the registry's protocol, not an offer's clause, so every zone has it.
        CancelTransferIn.KindName => (new CancelTransferIn(), null),
        _ => (null, Problems.Validation("kind", $"One of: {string.Join(", ", Kinds)}.")),
    };

    /// <summary>A field of another kind of decision is refused, naming it (<see cref="KindFields"/>), as a customer request's is: a
    /// ground sent with a breach notice would otherwise be dropped, and the audit log keep a decision other than the one meant.
    /// An unknown kind is left to <see cref="Read"/>, which names the kinds.</summary>
    public static ProblemHttpResult? FieldsOfAnotherKind(OperationsDecisionBody body) => !Kinds.Contains(body.Kind) ? null
        : KindFields.OfAnotherKind(body.Kind, "decision",
            ("ground", body.Ground is not null, [SuspendService.KindName]),
            ("outcome", body.Outcome is not null, [DisputeDecision.KindName]),
            ("document", body.Document is not null, [DisputeDecision.KindName, RestrictTransfer.KindName]),
            ("termination", body.Termination is not null, [TerminationNotice.KindName]),
            ("registrant", body.Registrant is not null, [DisputeDecision.KindName]));

    private static readonly string[] Kinds =
    [
        SuspendService.KindName, ResumeService.KindName, DisputeDecision.KindName, BreachNotice.KindName, BreachCured.KindName,
        TerminationNotice.KindName, RestrictTransfer.KindName, LiftTransferRestriction.KindName, CancelTransferIn.KindName,
    ];

    /// <summary>KZ-App-9: the clause another agreement's restriction on transfer rests on.</summary>
    private const string AgreementRule = "KZ-App-9";

    private (OperationsDecision?, ProblemHttpResult?) Suspension(string zone, OperationsDecision decision) =>
        offers.For(zone).SuspensionRule is not null ? (decision, null) : (null, NoClause("UA-2.3.1", zone, "suspension of service"));

    /// <summary>KZ-App-9: the agreement that forbids the transfer is named, as the refusal of a transfer code names it.</summary>
    private (OperationsDecision?, ProblemHttpResult?) Restriction(string? document, string zone)
    {
        if (offers.For(zone).Transfers.AgreementRule is not { } rule) return (null, NoClause(AgreementRule, zone, "transfer restriction by another agreement"));
        if (!IsOneLineDocument(document))
            return (null, Problems.Validation("document", $"The agreement that forbids the transfer (title, number, date), at most {MaxDocumentLength} characters on one line."));
        return (new RestrictTransfer(document.Trim(), rule), null);
    }

    private (OperationsDecision?, ProblemHttpResult?) Dispute(OperationsDecisionBody body, string zone)
    {
        if (body.Outcome is not { } outcome || !Enum.IsDefined(outcome))
            return (null, Problems.Validation("outcome", "One of: Block, Unblock, Delete, Redelegate."));
        if (!IsOneLineDocument(body.Document))
            return (null, Problems.Validation("document", $"The decision this follows (issuer, number, date), at most {MaxDocumentLength} characters on one line."));
        var disputes = offers.For(zone).Disputes;
        // UA-2.2.3 binds private second-level .UA names only; a block decided before this was checked can still be lifted.
        if (!disputes.Binds(zone) && outcome != DisputeOutcome.Unblock)
            return (null, RuleProblems.NotAllowed(disputes.Rule, $"{disputes.Rule} binds {disputes.Scope} to the dispute policy: a .{zone} domain is "
                + "under no dispute clause of the offer, so no dispute decision blocks, deletes or re-delegates it. Nothing was changed; a decision "
                + "on another of the offer's grounds is a suspension or a termination."));
        if (outcome != DisputeOutcome.Redelegate) return (new DisputeDecision(outcome, body.Document.Trim(), disputes.Rule), null);
        if (body.Registrant is null) return (null, Problems.Validation("registrant", "Give the registrant the decision re-delegates the domain to."));
        var errors = RegistrantDataRules.Check(body.Registrant, "registrant");
        return errors.Count == 0
            ? (new DisputeDecision(outcome, body.Document.Trim(), disputes.Rule, body.Registrant), null)
            : (null, Problems.Validation(errors));
    }

    private (OperationsDecision?, ProblemHttpResult?) Termination(TerminationGround? ground, string zone, DateTimeOffset now)
    {
        TerminationEffect? effect = ground switch
        {
            TerminationGround.RegistrarNotice => rules.RegistrarTermination(zone)?.AfterNoticeSentAt(now),
            TerminationGround.RegistrantBreach => rules.BreachTermination(zone)?.AfterNoticeSentAt(now),
            TerminationGround.RegistryAgreementEnded => rules.RegistryAgreementEnding(zone)?.EndsAt(now),
            _ => null,
        };
        if (ground is not (TerminationGround.RegistrarNotice or TerminationGround.RegistrantBreach or TerminationGround.RegistryAgreementEnded))
            return (null, Problems.Validation("termination", "One of: RegistrarNotice (UA-1.3.4.1), RegistrantBreach (UA-2.3.2), RegistryAgreementEnded (UA-1.3.6)."));
        if (effect is null)
        {
            var rule = ground switch { TerminationGround.RegistrarNotice => RegistrarTermination.Rule, TerminationGround.RegistrantBreach => "UA-2.3.2", _ => "UA-1.3.6" };
            return (null, NoClause(rule, zone, $"termination on the ground {ground}"));
        }
        return (new TerminationNotice(ground.Value, effect.At, effect.Rule), null);
    }

    /// <summary>UA-6.2, UA-6.3: where the refund a registrar's termination owes is quoted; null for the other grounds. The quote's
    /// day is the last one served (<see cref="EarlyTerminationRefund.LastDayServed"/>), as the lifecycle's flag quotes it.</summary>
    public string? RefundQuotePath(string registrationId, string zone, TerminationNotice termination) =>
        termination.Ground == TerminationGround.RegistrarNotice
            ? $"/api/ops/registrations/{registrationId}/early-termination-refund?on={EarlyTerminationRefund.LastDayServed(termination.EffectiveAt, rules.CalendarOf(zone)):yyyy-MM-dd}"
            : null;

    private static bool IsOneLineDocument([NotNullWhen(true)] string? document) =>
        !string.IsNullOrWhiteSpace(document) && document.Length <= MaxDocumentLength && !document.Any(char.IsControl);

    private static ProblemHttpResult NoClause(string rule, string zone, string what) =>
        RuleProblems.NotAllowed(rule, $"The offer for .{zone} has no clause for a {what} ({rule} is another offer's clause).");
}
