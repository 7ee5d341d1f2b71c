namespace Registrar.Core.Registrations;

/// <summary>
/// The decisions a registration takes once, in one phase (UA-Pre-7: its trademark review; KZ-2.1: the customer's choice after its
/// name was taken) or on one recorded view (an operations decision that puts something in force, claimed under the view's
/// sequence), claimed before their event is raised. The phase is read from the registration's view, which the lifecycle
/// writes after it decided, so two decisions made at the same moment both find the phase open: the claim, an insert that fails
/// when the row exists, is what lets exactly one of them through.
/// </summary>
public interface IRegistrationDecisionClaims
{
    /// <summary>Claims <paramref name="decision"/> as the registration's <paramref name="kind"/> decision.</summary>
    /// <returns>The decision that stands: this one when it was claimed first, else the one claimed before it.</returns>
    Task<T> ClaimAsync<T>(string registrationId, string kind, T decision, CancellationToken ct);
}
