using Registrar.Core.Contracts;

namespace Registrar.Core.Registrations;

/// <summary>
/// KZ-App-9, UA-3.5: a proved transfer code request. The registry is the authority for bans, so the domain is read first;
/// the zone's offer then decides (<see cref="TransferEligibility"/>), and a refusal tells the customer every reason with its
/// rule. Only then is a fresh code set at the registry, and it goes to the contact e-mail, or, for a request proved on papers
/// by someone without access to it (UA-1.5.8), to operations, who hand it over. Invoices the storefront knows of are checked
/// when the request is made; here the registration's own renewal after expiry counts.
/// </summary>
internal static class TransferCodeDecisions
{
    public static void Start(RegistrationStep step, string requestId, bool byPapers) => Read(step, requestId, byPapers);

    /// <summary>The registry's answer to the request's own command.</summary>
    public static bool Awaits(RegistrationState state, RegistryAnswered answer) =>
        state.TransferCode?.CommandId is { } id && answer.CommandId == id && id == state.AwaitedCommandId;

    public static void OnAnswered(RegistrationStep step, RegistryOutcome outcome, IRegistrationSchedule schedule, DateTimeOffset now)
    {
        var issue = step.State.TransferCode!;
        switch (outcome)
        {
            case DomainInfo { Exists: true, SponsorIsUs: true } info:
                RenewalAnswers.Follow(step, info);
                Decide(step, issue, info, schedule, now);
                break;
            case DomainInfo info:
                // Gone or held elsewhere: there is nothing to issue a code for; the registry's view is followed as the sweep's.
                step.Update(s => s with { TransferCode = null, AwaitedCommandId = null });
                RenewalAnswers.OnAnswered(step, info, now);
                break;
            case TransferCodeSet when issue.ByPapers:
                step.Update(s => s with { TransferCode = null, AwaitedCommandId = null });
                // UA-1.5.8: the papers stood in for the contact e-mail the person could not use, so the code is not mailed there.
                step.Issue(id => new KeepTransferCodeForHandOver(id, step.State.RegistrationId, issue.RequestId, issue.CommandId));
                step.Flag($"Transfer code request {issue.RequestId} for {step.State.Order!.DisplayName} was proved on papers (UA-1.5.8): its code is "
                    + $"set at the registry and not mailed to the contact e-mail. Read it at /api/ops/requests/{issue.RequestId}/transfer-code "
                    + "and hand it to the person whose papers were checked.");
                break;
            case TransferCodeSet:
                step.Update(s => s with { TransferCode = null, AwaitedCommandId = null });
                step.Notify(NoticeKind.TransferCode, new NoticeFacts(RequestId: issue.RequestId, TransferCodeOf: issue.CommandId));
                break;
            case OutcomeUnknown:
                // Reading is safe to repeat, and a new code replaces any the lost update may have set: the mail names the one confirmed.
                Read(step, issue.RequestId, issue.ByPapers);
                break;
            default:
                step.Update(s => s with { TransferCode = null, AwaitedCommandId = null });
                step.Flag($"Transfer code request {issue.RequestId} for {step.State.Order!.DisplayName} was not carried out: the registry answered "
                    + $"{RenewalAnswers.Describe(outcome)}. Issue the code or answer the customer (KZ-App-9).");
                break;
        }
    }

    private static void Decide(RegistrationStep step, TransferCodeIssue issue, DomainInfo info, IRegistrationSchedule schedule, DateTimeOffset now)
    {
        var state = step.State;
        var order = state.Order!;
        var refusals = schedule.TransferRules(order.Zone).Refusals(Situation(state, info.Statuses, now));
        if (refusals.Count > 0)
        {
            step.Update(s => s with { TransferCode = null });
            step.Notify(NoticeKind.TransferCodeRefused, new NoticeFacts(RequestId: issue.RequestId,
                TransferRefusals: [.. refusals.Select(r => r.Reason)], Rules: [.. refusals.Select(r => r.Rule).Distinct()]));
            return;
        }
        step.AskRegistry(id => new SetTransferCode(id, state.RegistrationId, order.Zone, order.DomainName));
        step.Update(s => s with { TransferCode = issue with { CommandId = s.AwaitedCommandId! } });
    }

    /// <summary>What the offer's transfer terms judge, as the registration and the registry's <paramref name="statuses"/> stand.</summary>
    public static TransferSituation Situation(RegistrationState state, IReadOnlyList<string> statuses, DateTimeOffset now)
    {
        // UA-3.5: past expiry the renewal runs from the previous expiry (UA-1.7; UA-1.11's redemption tariff), so its invoice,
        // issued and not paid, is owed for time already served. One issued before expiry (it lapses by then, UA-1.10) or for a
        // registrant change is a prepayment for a service not yet rendered (KZ-3.2, UA-1.5.3): nothing is owed for it.
        var unpaid = state.Phase == RegistrationPhase.Expired && state.Renewal.PaidInvoice is null
            && (state.Renewal.HasOpenInvoice(now) || state.Renewal.InvoiceCommandId is not null) ? 1 : 0;
        // KZ-App-9: a dispute decision (KZ-App-2, UA-2.2.3) is an authority's ban, carried out by our clientTransferProhibited.
        var setForAuthority = state.DisputeBlock is null ? [] : SetDomainHolds.ManagedHolds;
        return new TransferSituation(statuses, setForAuthority, unpaid, state.TransferRestriction?.Agreement,
            AllServicesPaidInFull: unpaid == 0 && state.Phase != RegistrationPhase.Expired);
    }

    private static void Read(RegistrationStep step, string requestId, bool byPapers)
    {
        var order = step.State.Order!;
        step.AskRegistry(id => new QueryDomain(id, step.State.RegistrationId, order.Zone, order.DomainName));
        step.Update(s => s with { TransferCode = new TransferCodeIssue(requestId, s.AwaitedCommandId!, byPapers) });
    }
}
