using Registrar.Core.Requests;
using static Registrar.Core.Registrations.RegistrationPhase;

namespace Registrar.Core.Registrations;

/// <summary>Why a customer request is not carried out, as the customer is told (<see cref="NoticeKind.RequestRefused"/>).</summary>
public enum RequestRefusalReason
{
    /// <summary>The domain is not, or no longer, held at the registry: being registered, deleted, or ended.</summary>
    DomainNotHeld,

    /// <summary>KZ-App-2, UA-2.2.3: a dispute decision blocks the domain.</summary>
    DisputeBlock,

    /// <summary>UA-2.3.1: the registrar suspended its service for the domain, which neither moves away nor changes hands meanwhile.</summary>
    Suspended,

    /// <summary>UA-6.1, UA-6.4, UA-1.3.4.1, KZ-App-4: the contract's end is fixed; nothing more is carried out before it.</summary>
    ContractEnds,

    /// <summary>A registry command for the domain is still awaiting its answer: the request may be made again once it came.</summary>
    RegistryBusy,

    /// <summary>KZ-2.4: an earlier registrant change waits for the payment of its invoice.</summary>
    RegistrantChangeAwaitsPayment,

    /// <summary>UA-6.1, UA-6.4: the notice would end the contract past the term paid now, which no renewal follows.</summary>
    PastTheTerm,

    /// <summary>RFC 5731 section 2.3: the registry's own status on the domain (serverUpdateProhibited, serverDeleteProhibited)
    /// forbids the change; only the registry lifts it.</summary>
    RegistryProhibits,
}

/// <summary>A request refused for <paramref name="Reason"/>; <paramref name="Detail"/> says it for operations and problem details.</summary>
/// <param name="EndsAt">On <see cref="RequestRefusalReason.ContractEnds"/>, when the contract ends.</param>
/// <param name="Rule">The clause of the offer or the standard that refuses it; null where none does (the domain not held, the
/// registry still answering).</param>
public sealed record RequestRefusal(RequestRefusalReason Reason, string Detail, DateTimeOffset? EndsAt = null, string? Rule = null);

/// <summary>
/// Why a customer request cannot be carried out on a registration as its customer's view shows it: the storefront refuses
/// it when it is made, and a link or papers proving it, before anything is spent; the lifecycle judges it again when it is
/// proved, as the registration may have changed in between (<see cref="CustomerRequestDecisions"/>).
/// </summary>
public static class CustomerRequestRefusals
{
    /// <summary>Null when nothing the view shows stands in the request's way.</summary>
    /// <param name="disputeBlockRule">While a dispute decision blocks the domain, the clause it rests on (KZ-App-2, UA-2.2.3); else null.</param>
    /// <param name="registryStatuses">The domain's statuses as the registry last showed them.</param>
    public static RequestRefusal? Of(CustomerRequest request, RegistrationPhase phase, ContractEnd? contractEnd, string? disputeBlockRule, bool suspended,
        IReadOnlyList<string>? registryStatuses = null) =>
        // A credential reset concerns the account, not the domain: only a registration that has ended no longer mails its customer.
        request is CredentialResetRequest ? (phase.HasEnded() ? NotHeld(phase) : null)
        : phase is not (Registered or Expired) ? NotHeld(phase)
        // KZ-App-9: a transfer code asked while a dispute decision blocks the domain goes on, and is refused naming that ban.
        : disputeBlockRule is not null && request is not TransferCodeRequest
            ? new(RequestRefusalReason.DisputeBlock, $"a dispute decision blocks the domain ({disputeBlockRule})", Rule: disputeBlockRule)
        // UA-2.3.1: a transfer code or a new registrant would let the domain leave the suspension behind. What the suspension asks
        // of the registrant (correct contact data, UA-2.3.1.2) goes on, and so does ending the contract (UA-6.1: at any time).
        : suspended && request is TransferCodeRequest or RegistrantChangeRequest
            ? new(RequestRefusalReason.Suspended, "the registrar suspended its service for the domain, which leaves neither the registrar "
                + "nor its registrant meanwhile (UA-2.3.1)", Rule: "UA-2.3.1")
        // UA-6.1, UA-6.4: a decision taken, or a notice given, already ends the contract; what it leaves open is carried out before it.
        : contractEnd is not null && !RunsUntilItsEnd(request, contractEnd)
            ? new(RequestRefusalReason.ContractEnds, $"the contract ends at {contractEnd.EndsAt:u} ({contractEnd.Rule})", contractEnd.EndsAt, contractEnd.Rule)
        : ProhibitedBy(request, registryStatuses ?? []) is { } status
            ? new(RequestRefusalReason.RegistryProhibits, $"the registry's own status {status} on the domain forbids it until the registry lifts it "
                + $"({RegistryStatusRule})", Rule: RegistryStatusRule)
        : null;

    public static RequestRefusal? Of(CustomerRequest request, RegistrationView view, IRegistrationSchedule schedule) =>
        Of(request, view.Phase, view.ContractEnd, view.DisputeBlockedSince is null ? null : schedule.DisputeRule(view.Zone),
            view.SuspendedSince is not null, view.RegistryStatuses);

    private const string RegistryStatusRule = "RFC 5731 section 2.3";

    /// <summary>RFC 5731 section 2.3: the server statuses the registry sets and only it lifts; the domain:update or domain:delete a
    /// request would send is refused 2304 while one is there, after the customer proved the request. A transfer code is judged by
    /// the offer's transfer terms instead, which name the registry's ban (KZ-App-9).</summary>
    private static string? ProhibitedBy(CustomerRequest request, IReadOnlyList<string> statuses)
    {
        var status = request switch
        {
            DnsChangeRequest or RegistrantContactChangeRequest or RegistrantChangeRequest => "serverUpdateProhibited",
            EarlyDeletionRequest => "serverDeleteProhibited",
            _ => null,
        };
        return status is not null && statuses.Contains(status, StringComparer.OrdinalIgnoreCase) ? status : null;
    }

    /// <summary>UA-6.1, UA-6.4: the registrant's own notice ends the contract at its date and not before, so until then the
    /// registrant keeps what the contract gives: DNS and contact changes (KZ-2.3, UA-4.7), an early deletion (UA-1.5.6), a
    /// transfer code to move the domain (UA-3.5), and a notice ending it sooner (UA-6.1). A new registrant would take over a
    /// contract being ended, and a registrar's or a dispute decision's end leaves the registrant nothing to change.</summary>
    private static bool RunsUntilItsEnd(CustomerRequest request, ContractEnd end) =>
        end.Ground == TerminationGround.RegistrantNotice && request switch
        {
            TerminationRequest termination => termination.EndsAt < end.EndsAt,
            RegistrantChangeRequest => false,
            _ => true,
        };

    private static RequestRefusal NotHeld(RegistrationPhase phase) => new(RequestRefusalReason.DomainNotHeld, $"the domain is {phase}");
}
