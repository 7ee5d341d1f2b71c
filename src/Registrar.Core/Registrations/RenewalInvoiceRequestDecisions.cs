using Registrar.Core.Calendars;
using static Registrar.Core.Registrations.RegistrationPhase;

namespace Registrar.Core.Registrations;

/// <summary>
/// KZ-2.7: the customer asks for the renewal invoice in advance and pays it by the renewal deadline. Asked for, the invoice
/// the schedule would issue is issued now (<see cref="RenewalDecisions.IssueOnRequest"/>: the same years and tariff, due as
/// KZ-2.7 and KZ-3.3 say) and mailed as the scheduled one is. One invoice at a time for a term: while one is open or on its
/// way, neither a repeated request nor a reminder issues another (the open one is the answer), so a repeat never issues two.
/// UA-1.10, UA-3.2: the .ua offer bills every renewal by the registrar's invoice and keeps the registrant's priority to renew,
/// so the .ua zones take the same request; after expiry its invoice is payable until deletion (UA-1.12) at the redemption
/// tariff (UA-1.11), as the scheduled one is. A request the registration cannot take goes to operations, who answer the
/// customer, as other customer requests do; the storefront refuses what it can see at once.
/// </summary>
internal static class RenewalInvoiceRequestDecisions
{
    public static void OnRequested(RegistrationStep step, RenewalInvoiceRequested requested, RenewalDecisions renewals, DateTimeOffset now)
    {
        if (Refusal(step.State) is { } refusal)
        {
            Refuse(step, requested, refusal);
            return;
        }
        if (step.State.Renewal.InvoiceCommandId is not null || step.State.Renewal.HasOpenInvoice(now)) return;
        // Decided on a draft: a deadline that needs a calendar year not loaded leaves nothing half issued.
        var draft = step.Draft();
        string? reason;
        try
        {
            reason = renewals.IssueOnRequest(draft, now);
        }
        catch (DateOutsideCalendarException missing)
        {
            reason = $"its deadline is counted in {missing.Country}'s banking days of {missing.MissingYear}, not loaded yet, and never guessed (KZ-2.7, KZ-3.3)";
        }
        if (reason is not null)
        {
            Refuse(step, requested, reason);
            return;
        }
        step.Take(draft);
    }

    /// <summary>A term already paid (UA-1.7), a domain not held at the registry, or a contract ending on a notice (UA-1.3.4.1,
    /// UA-6.1, UA-6.4, KZ-App-4: a noticed end stops every renewal invoice) is invoiced nothing.</summary>
    private static string? Refusal(RegistrationState state) =>
        state.Renewal.PaidInvoice is { } paid ? $"invoice {paid} already pays the renewal of this term (UA-1.7)"
        : state.Phase is not (Registered or Expired) ? $"the domain is {state.Phase}: only a domain held at the registry is renewed (KZ-2.7, KZ-2.8, UA-1.12)"
        : state.Ending is { } ending ? $"the contract ends at {ending.EffectiveAt:u} on a notice ({ending.Rule}): no renewal is invoiced"
        : null;

    private static void Refuse(RegistrationStep step, RenewalInvoiceRequested requested, string reason) =>
        step.Flag($"Renewal invoice request {requested.RequestId} for {step.State.Order?.DisplayName ?? step.State.RegistrationId}, made at "
            + $"{requested.RequestedAt:u}, issues nothing: {reason}. Answer the customer (KZ-2.7).");
}
