using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Operations;

/// <summary>A refund operations decide to pay for a domain (POST /api/ops/registrations/{id}/refunds).</summary>
/// <param name="Amount">In the zone's currency, at most its minor units; a JSON string ("1500.00"), as the API writes money,
/// or a number.</param>
/// <param name="CourtDecision">UA-1.5.5: the court decision that orders it (court, case number, date).</param>
/// <param name="TerminatedOn">UA-6.3, for an early termination: the registrar's local day the service ended, which sets the
/// unused months the amount may refund; the last day its notice let it serve the domain, taken from that notice when not given.</param>
public sealed record RefundDecisionBody(RefundGround Ground, [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal Amount, string Reason, string? CourtDecision = null, DateOnly? TerminatedOn = null);

public sealed record RefundDecisionRecorded(string RegistrationId, RefundGround Ground, Core.Money.Money Amount, string? CourtDecision, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// UA-1.5.5: money for a registered domain is refunded only on a court decision, or where the contract itself refunds
/// (UA-6.2, UA-6.3: whole unused months when the registrar ends its service early, at most what they come to); UA-1.3.6:
/// nothing when the registry ended its agreement. KZ-2.1: a domain never registered (its name taken first) gets back at
/// most what was paid for it, under either offer. Each cap holds for every refund decided for the registration together.
/// An allowed refund is recorded in the registration's refund ledger and audit log (who, when, how much, why) for the
/// accountant to pay; a refused one records nothing and names the rule. The accountant pays from the log, so a retried
/// request with its Idempotency-Key gets the first answer and records nothing more.
/// </summary>
public sealed class RefundDecisionHandlers(
    ClientAuthenticator authenticator, IRegistrationViews views, ZoneCatalog zones, ContractRules rules, PaidTermsReader paidTerms,
    IdempotentRequests idempotency, IRefundLedger refunds, IHeldPaymentStore heldPayments, IAuditLog<RegistrationAudit> audit, TimeProvider clock)
{
    public const string RefundAction = "refund-decided";

    private const string NeverRegisteredRule = "KZ-2.1";
    private const string CourtDecisionRule = "UA-1.5.5";

    /// <summary>A decision judged against a ledger another decision changed meanwhile is judged again, this often at most.</summary>
    private const int Judgements = 3;

    /// <param name="TerminatedOn">UA-6.3: for an early termination, the last day the registrar served the domain.</param>
    private sealed record CheckedRefund(RegistrationView Registration, RefundDecisionBody Form, Core.Money.Money Amount, RefundLedgerRead Ledger,
        DateOnly? TerminatedOn = null);

    public async Task<IResult> DecideAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, ct);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);
        var actor = operations.Principal!.Name;
        var scope = IdempotentRequests.Scope("refunds", actor);
        var decisionId = IdempotentRequests.RecordId('R', scope, IdempotentRequests.KeyOf(request));
        for (var judgement = 1; ; judgement++)
        {
            try
            {
                var decided = await idempotency.RunAsync(request, scope, raw, () => CheckAsync(request.ContentType, raw, registrationId, decisionId, ct),
                    (refund, _) => RecordAsync(refund, actor, decisionId, ct), ct);
                return new PrivateResult(decided);
            }
            catch (ConcurrencyConflictException) when (judgement < Judgements)
            {
                // Another refund for this registration was decided while this one was judged: its cap is judged again.
            }
        }
    }

    private async Task<Checked<CheckedRefund>> CheckAsync(string? contentType, byte[] raw, string registrationId, string decisionId, CancellationToken ct)
    {
        var body = StrictJson.Deserialize<RefundDecisionBody>(contentType, raw);
        if (body.Problem is not null) return Checked<CheckedRefund>.Refused(body.Problem);
        var form = body.Value!;
        if (!StringAmounts.AreWritten(raw, "amount"))
            return Refused(Problems.Validation("amount", $"An amount as a number, or as text: {Core.Money.AmountText.Rule}."));
        if (!Enum.IsDefined(form.Ground)) return Refused(Problems.Validation("ground", $"One of: {string.Join(", ", Enum.GetNames<RefundGround>())}."));
        if (string.IsNullOrWhiteSpace(form.Reason) || form.Reason.Length > OperationsHandlers.MaxNoteLength)
            return Refused(Problems.Validation("reason", $"Say why, in at most {OperationsHandlers.MaxNoteLength} characters."));
        if (form.CourtDecision is { } court && (court.Length > OperationsDecisionReader.MaxDocumentLength || court.Any(char.IsControl)))
            return Refused(Problems.Validation("courtDecision", $"At most {OperationsDecisionReader.MaxDocumentLength} characters on one line."));
        // UA-1.5.5: the ground names the decision it rests on; without one the request lacks an input, not the right to a refund.
        if (form.Ground == RefundGround.CourtDecision && string.IsNullOrWhiteSpace(form.CourtDecision))
            return Refused(RuleProblems.Refused("courtDecision", CourtDecisionRule, "Name the court decision the refund rests on: court, case number, date."));

        var registration = await views.FindAsync(registrationId, ct);
        if (registration is null) return Refused(RegistrationProblems.Unknown(registrationId));
        var currency = zones.For(registration.Zone).Currency;
        if (form.Amount <= 0 || decimal.Round(form.Amount, currency.MinorUnits) != form.Amount)
            return Refused(Problems.Validation("amount", $"A positive amount in {currency.Code} with at most {currency.MinorUnits} decimals."));
        var amount = Core.Money.Money.Of(form.Amount, currency);
        var ledger = await refunds.ReadAsync(registration.RegistrationId, ct);
        var before = ledger.Decided.TotalBesides(decisionId, currency);
        if (registration.ExpiresAt is null && await HeldForAnotherNameAsync(ledger, ct) is { } held)
            return Refused(held);
        if (registration.ExpiresAt is null)
            return await AboveWhatWasPaidAsync(registration, amount, before, NeverRegisteredRule, ct) is { } abovePaid
                ? Refused(abovePaid) : Checked<CheckedRefund>.Passed(new(registration, form, amount, ledger));
        if (rules.Refunds(registration.Zone) is not { } policy)
            return Refused(RuleProblems.NotAllowed(NeverRegisteredRule,
                $"The offer for .{registration.Zone} refunds no registered domain; only a name taken before registration is refunded ({NeverRegisteredRule})."));
        var refusal = policy.Refusal(new RefundRequest(form.Ground, DomainRegistered: true, form.CourtDecision, EndedBy(registration.ContractEnd)));
        if (refusal is not null) return Refused(RuleProblems.NotAllowed(refusal.Rule, refusal.Message));
        if (form.Ground == RefundGround.EarlyTerminationByRegistrar)
        {
            var (servedUntil, otherDay) = ServedUntil(registration.ContractEnd!, registration.Zone, form.TerminatedOn);
            if (otherDay is not null) return Refused(otherDay);
            return await AboveTheUnusedMonthsAsync(registration, servedUntil!.Value, amount, before, ct) is { } above
                ? Refused(above) : Checked<CheckedRefund>.Passed(new(registration, form, amount, ledger, servedUntil));
        }
        if (form.Ground == RefundGround.CourtDecision && await AboveWhatWasPaidAsync(registration, amount, before, CourtDecisionRule, ct) is { } aboveCourt)
            return Refused(aboveCourt);
        return Checked<CheckedRefund>.Passed(new CheckedRefund(registration, form, amount, ledger));
    }

    /// <summary>KZ-2.1: a name taken before it was registered leaves the customer's money theirs to take back; money for a
    /// domain never registered is the customer's under either offer (UA-1.5.5 speaks of registered domains). At most what
    /// was paid for it comes back, with the refunds decided <paramref name="before"/>. UA-1.5.5: what a court decides is refunded
    /// is money paid for the domain too; more than that is no refund of this registrar's to record.</summary>
    private async Task<IResult?> AboveWhatWasPaidAsync(RegistrationView registration, Core.Money.Money amount, Core.Money.Money before, string rule,
        CancellationToken ct)
    {
        var paid = await paidTerms.ReadAsync(registration, ct);
        if (paid.Count == 0)
            return RuleProblems.NotAllowed(rule, $"Registration '{registration.RegistrationId}' was never paid: nothing is refunded.");
        var total = paid.Skip(1).Aggregate(paid[0].Term.Paid, (sum, term) => sum + term.Term.Paid);
        return (amount + before).Amount > total.Amount
            ? RuleProblems.NotAllowed(rule, $"{amount}{Besides(before)} is more than was paid for this domain: {total}.")
            : null;
    }

    /// <summary>KZ-2.1: once the customer chose another name, what was paid is a held payment for the new order: applied or
    /// refunded there, once, and never refunded here as well. The ledger's hold is judged with the decision's tally, so a hold
    /// written after this reading sends the decision back to be judged again; a held payment the ledger does not record was
    /// held before the ledger recorded holds.</summary>
    private async Task<IResult?> HeldForAnotherNameAsync(RefundLedgerRead ledger, CancellationToken ct)
    {
        var registrationId = ledger.RegistrationId;
        var reference = HoldPaymentForAnotherName.ReferenceFor(registrationId);
        return ledger.Held is null && await heldPayments.GetAsync(reference, ct) is null ? null
            : RuleProblems.NotAllowed(NeverRegisteredRule, $"The customer chose another name: what was paid for registration '{registrationId}' is "
                + $"held payment '{reference}': it is applied to the new order's invoice, or refunded, as that held payment.");
    }

    private static ContractEndedBy EndedBy(ContractEnd? end) => end?.Ground switch
    {
        TerminationGround.RegistrarNotice => ContractEndedBy.RegistrarNotice,
        TerminationGround.RegistryAgreementEnded => ContractEndedBy.Registry,
        _ => ContractEndedBy.NotTheRegistrar,
    };

    /// <summary>UA-6.3: the unused months count from the last day the registrar's notice let it serve the domain, in its time
    /// zone, which a <c>terminatedOn</c> given must be.</summary>
    private (DateOnly? Day, IResult? Problem) ServedUntil(ContractEnd end, string zone, DateOnly? asked)
    {
        var servedUntil = EarlyTerminationRefund.LastDayServed(end.EndsAt, rules.CalendarOf(zone));
        return asked is { } day && day != servedUntil
            ? (null, Problems.Validation("terminatedOn", $"The registrar's notice ends the service after {servedUntil:yyyy-MM-dd} "
                + $"({end.EndsAt:u}, {end.Rule}): the unused months count from that day (UA-6.3)."))
            : (servedUntil, null);
    }

    /// <summary>UA-6.3: the registrar refunds the whole unused months, no more: the amount is held to the quote for the day
    /// the service ended, with the refunds decided <paramref name="before"/>.</summary>
    private async Task<IResult?> AboveTheUnusedMonthsAsync(RegistrationView registration, DateOnly terminatedOn, Core.Money.Money amount,
        Core.Money.Money before, CancellationToken ct)
    {
        var paid = await paidTerms.ReadAsync(registration, ct);
        if (paid.Count == 0 || rules.EarlyTerminationRefund(registration.Zone) is not { } refund)
            return RuleProblems.NotAllowed(EarlyTerminationRefund.Rule, $"Registration '{registration.RegistrationId}' has no paid term: nothing is refunded.");
        PaidTerm[] terms = [.. paid.Select(p => p.Term)];
        if (EarlyTerminationRefund.DayRefusal(terms, terminatedOn) is { } notThatDay) return Problems.Validation("terminatedOn", notThatDay);
        var quote = refund.Quote(terms, terminatedOn);
        return (amount + before).Amount > quote.Total.Amount
            ? RuleProblems.NotAllowed(EarlyTerminationRefund.Rule,
                $"{amount}{Besides(before)} is more than the whole unused months come to for a service ended on {terminatedOn:yyyy-MM-dd}: {quote.Total}.")
            : null;
    }

    private static string Besides(Core.Money.Money before) => before.Amount > 0 ? $" with the {before} already decided" : "";

    private async Task<IResult> RecordAsync(CheckedRefund refund, string actor, string decisionId, CancellationToken ct)
    {
        var (registration, form, amount, ledger, terminatedOn) = refund;
        // A retry carries on from its first attempt's decision, dated as it was, so its audit entry is found rather than added.
        var decided = await refunds.RecordAsync(ledger, new RefundDecided(decisionId, form.Ground, amount, clock.GetUtcNow()), ct);
        var recorded = new RefundDecisionRecorded(registration.RegistrationId, form.Ground, amount, form.CourtDecision?.Trim(), actor, decided.RecordedAt);
        var terminated = terminatedOn is { } day ? $" for a service ended on {day:yyyy-MM-dd}" : "";
        await audit.AppendOnceAsync(new AuditEntry<RegistrationAudit>(registration.RegistrationId, recorded.RecordedAt, actor, RefundAction,
            new RegistrationAudit(actor, null, $"refund:{registration.RegistrationId}:{decisionId}",
                $"{form.Ground} {amount}{terminated}{(recorded.CourtDecision is { } reference ? $" on {reference}" : "")}: {form.Reason}")), decisionId, ct);
        return TypedResults.Created($"/api/ops/registrations/{registration.RegistrationId}", recorded);
    }

    private static Checked<CheckedRefund> Refused(IResult problem) => Checked<CheckedRefund>.Refused(problem);
}
