using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>A refund operations decide to pay for a domain (POST /api/ops/registrations/{id}/refunds).</summary>
/// <param name="Amount">In the zone's currency, at most its minor units.</param>
/// <param name="CourtDecision">UA-1.5.5: the court decision that orders it (court, case number, date).</param>
public sealed record RefundDecisionBody(RefundGround Ground, decimal Amount, string Reason, string? CourtDecision = null);

public sealed record RefundDecisionRecorded(string RegistrationId, RefundGround Ground, Core.Money.Money Amount, string? CourtDecision, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// UA-1.5.5: money for a registered domain is refunded only on a court decision, or where the contract itself refunds
/// (UA-6.2, UA-6.3: whole unused months when the registrar ends its service early); UA-1.3.6: nothing when the registry
/// ended its agreement. An allowed refund is recorded in the registration's audit log (who, when, how much, why) for
/// the accountant to pay; a refused one records nothing and names the rule.
/// </summary>
public sealed class RefundDecisionHandlers(
    ClientAuthenticator authenticator, IRegistrationViews views, ZoneCatalog zones, ContractRules rules,
    IAuditLog<RegistrationAudit> audit, TimeProvider clock)
{
    public const string RefundAction = "refund-decided";

    public async Task<IResult> DecideAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var body = await StrictJson.ReadAsync<RefundDecisionBody>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var form = body.Value!;
        if (!Enum.IsDefined(form.Ground)) return Problems.Validation("ground", $"One of: {string.Join(", ", Enum.GetNames<RefundGround>())}.");
        if (string.IsNullOrWhiteSpace(form.Reason) || form.Reason.Length > OperationsHandlers.MaxNoteLength)
            return Problems.Validation("reason", $"Say why, in at most {OperationsHandlers.MaxNoteLength} characters.");
        if (form.CourtDecision is { } court && (court.Length > OperationsDecisionReader.MaxDocumentLength || court.Any(char.IsControl)))
            return Problems.Validation("courtDecision", $"At most {OperationsDecisionReader.MaxDocumentLength} characters on one line.");

        var registration = await views.FindAsync(registrationId, ct);
        if (registration is null) return RegistrationProblems.Unknown(registrationId);
        var currency = zones.For(registration.Zone).Currency;
        if (form.Amount <= 0 || decimal.Round(form.Amount, currency.MinorUnits) != form.Amount)
            return Problems.Validation("amount", $"A positive amount in {currency.Code} with at most {currency.MinorUnits} decimals.");
        if (rules.Refunds(registration.Zone) is not { } policy)
            return RuleProblems.NotAllowed("UA-1.5.5", $"The offer for .{registration.Zone} has no refund clause for registered domains; a name taken before registration is refunded under KZ-2.1.");
        var refusal = policy.Refusal(new RefundRequest(form.Ground, registration.ExpiresAt is not null, form.CourtDecision));
        if (refusal is not null) return RuleProblems.NotAllowed(refusal.Rule, refusal.Message);

        var recorded = new RefundDecisionRecorded(registrationId, form.Ground, Core.Money.Money.Of(form.Amount, currency), form.CourtDecision?.Trim(),
            operations.Principal!.Name, clock.GetUtcNow());
        await audit.AppendAsync(new AuditEntry<RegistrationAudit>(registrationId, recorded.RecordedAt, recorded.RecordedBy, RefundAction,
            new RegistrationAudit(recorded.RecordedBy, null, $"refund:{registrationId}:{Guid.NewGuid():N}",
                $"{form.Ground} {recorded.Amount}{(recorded.CourtDecision is { } reference ? $" on {reference}" : "")}: {form.Reason}")), ct);
        return new PrivateResult(TypedResults.Created($"/api/ops/registrations/{registrationId}", recorded));
    }
}
