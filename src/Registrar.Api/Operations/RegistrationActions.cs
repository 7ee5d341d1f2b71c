using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>Who did what to a registration, when and why: the audit entry of an operations action.</summary>
/// <param name="Client">The operations client whose key was used.</param>
/// <param name="Person">Who signed in to the operations page under that key; null through the API.</param>
/// <param name="Decision">For a decision, what it was taken on besides its kind (<see cref="OperationsDecision.Particulars"/>).</param>
public sealed record RegistrationAudit(string Client, string? Person, string EventId, string? Reason, string? Decision = null);

/// <summary>An operations actor: the API client, and the person when the operations page says who acts.</summary>
public sealed record OperationsActor(string Client, string? Person)
{
    /// <summary>What the lifecycle event records as the decider.</summary>
    public string Name => Person is null ? Client : $"{Client} ({Person})";
}

/// <summary>
/// The actions on a registration that the API and the operations page share: each raises its lifecycle event and
/// leaves an audit entry under the registration id (who, when, what, why). Callers check the id and the form first.
/// </summary>
public sealed class RegistrationActions(ILifecycleEvents<RegistrationEvent> registrations, IAuditLog<RegistrationAudit> audit,
    IRegistrationDecisionClaims claims, TimeProvider clock)
{
    public const string RetryAction = "retry";
    public const string ApproveTrademarkAction = "trademark-approved";
    public const string RefuseTrademarkAction = "trademark-refused";
    public const string ResendNoticeAction = "notice-resent";

    /// <summary>UA-Pre-7: only a registration awaiting its trademark review takes a review (the lifecycle ignores any other); why not
    /// otherwise, asked of its view before anything is raised or audited.</summary>
    public static string? WhyNoTrademarkReview(RegistrationView view) => view.Phase == RegistrationPhase.AwaitingTrademarkReview ? null
        : $"{view.DisplayName} is {view.Phase}: a trademark is approved or refused only while its registration awaits the review (UA-Pre-7).";

    /// <summary>UA-Pre-7: a review is audited with why either way (the certificate checked, or what differs); a refusal's reason
    /// is also told to the customer.</summary>
    public static string TrademarkReasonMissing(bool approved) => approved
        ? "Say why the trademark is approved (the certificate checked), for the audit log."
        : "Say why the trademark is refused, for the audit log; the customer is told.";

    /// <summary>A registration the registry refused (stalled) is tried again once operations fixed the cause.</summary>
    public async Task RetryAsync(string registrationId, OperationsActor actor, string reason, CancellationToken ct)
    {
        var eventId = $"retry:{registrationId}:{Guid.NewGuid():N}";
        await registrations.RaiseAsync(registrationId, eventId, new OperationsRetried(eventId, actor.Name), ct);
        await AuditAsync(registrationId, RetryAction, actor, eventId, reason, ct);
    }

    /// <summary>UA-Pre-7: the trademark behind a second-level .ua name is approved or refused by a person, once. Reviews made
    /// at the same moment all find the registration awaiting one (<see cref="WhyNoTrademarkReview"/>), so the review is claimed
    /// first: only the review claimed first is raised and audited.</summary>
    /// <returns>Why this review was not taken: another was claimed first. Null when it was.</returns>
    public async Task<string?> ReviewTrademarkAsync(string registrationId, bool approved, string reason, OperationsActor actor, CancellationToken ct)
    {
        var eventId = $"trademark:{registrationId}:{Guid.NewGuid():N}";
        var review = new ClaimedTrademarkReview(new TrademarkReviewed(eventId, approved, actor.Name, reason), actor.Client, actor.Person, clock.GetUtcNow());
        var standing = await claims.ClaimAsync(registrationId, "trademark-review", review, ct);
        // Also when another review stands: if its request stopped after the claim, this finishes it (the same event id and audit
        // row, so a review carried out already changes nothing); else the registration would await a review nobody can make.
        await CarryOutAsync(registrationId, standing, ct);
        return standing.Review.EventId == eventId ? null
            : $"The trademark for registration '{registrationId}' was {(standing.Review.Approved ? "approved" : "refused")} already, by "
                + $"{standing.Review.ReviewedBy} at {standing.At:u}: a trademark is reviewed once, and this review was not taken (UA-Pre-7).";
    }

    private async Task CarryOutAsync(string registrationId, ClaimedTrademarkReview claimed, CancellationToken ct)
    {
        var review = claimed.Review;
        await registrations.RaiseAsync(registrationId, review.EventId, review, ct);
        await audit.AppendOnceAsync(new AuditEntry<RegistrationAudit>(registrationId, claimed.At, review.ReviewedBy,
            review.Approved ? ApproveTrademarkAction : RefuseTrademarkAction,
            new RegistrationAudit(claimed.Client, claimed.Person, review.EventId, review.Reason)), review.EventId, ct);
    }

    /// <summary>UA-2.3.1, KZ-App-2, UA-2.2.3, KZ-App-4, UA-1.3.4.1, UA-2.3.2, UA-1.3.6: a decision about a registered domain;
    /// the audit entry's action is the decision's kind. Decisions made at the same moment all find the same view, which the
    /// lifecycle writes after it decided, so one that puts something in force is claimed first under <paramref name="claim"/>
    /// (<see cref="DecisionsInForce.Claim"/>): only the decision claimed first is raised and audited, as a trademark review is.</summary>
    /// <returns>The decision's id, which is its event's; and why it was not taken (another was claimed first), null when it was.</returns>
    public async Task<(string DecisionId, string? NotTaken)> DecideAsync(string registrationId, OperationsDecision decision, DateTimeOffset decidedAt,
        string reason, OperationsActor actor, string? claim, CancellationToken ct)
    {
        var eventId = $"decision:{registrationId}:{Guid.NewGuid():N}";
        var decided = new ClaimedDecision(new OperationsDecided(eventId, decision, actor.Name, decidedAt, reason), actor.Client, actor.Person);
        if (claim is null)
        {
            await CarryOutAsync(registrationId, decided, ct);
            return (eventId, null);
        }
        var standing = await claims.ClaimAsync(registrationId, claim, decided, ct);
        // Also when another decision stands: if its request stopped after the claim, this finishes it (the same event id and
        // audit row, so a decision carried out already changes nothing).
        await CarryOutAsync(registrationId, standing, ct);
        var taken = standing.Decided;
        return taken.EventId == eventId ? (eventId, null)
            : (taken.EventId, $"a {taken.Decision.Kind} decision was taken for it at the same moment, by {taken.DecidedBy} at {taken.DecidedAt:u}");
    }

    /// <summary>A decision a retried request takes again (UA-Pre-6: the termination an erasure request gives): its event id
    /// derives from <paramref name="cause"/>, the id of the record the request stored, so the lifecycle takes a retry's event for
    /// the first one's duplicate; its audit entry, dated <paramref name="decidedAt"/> as the record is, is appended once.</summary>
    /// <returns>The decision's id, which is its event's.</returns>
    public async Task<string> DecideOnceAsync(string registrationId, string cause, OperationsDecision decision, DateTimeOffset decidedAt, string reason,
        OperationsActor actor, CancellationToken ct)
    {
        var eventId = $"decision:{registrationId}:{cause}";
        await CarryOutAsync(registrationId, new ClaimedDecision(new OperationsDecided(eventId, decision, actor.Name, decidedAt, reason), actor.Client, actor.Person), ct);
        return eventId;
    }

    // After the event: an audit entry never claims a decision that was not raised; one raised again is the same event and row.
    private async Task CarryOutAsync(string registrationId, ClaimedDecision claimed, CancellationToken ct)
    {
        var decided = claimed.Decided;
        await registrations.RaiseAsync(registrationId, decided.EventId, decided, ct);
        await audit.AppendOnceAsync(new AuditEntry<RegistrationAudit>(registrationId, decided.DecidedAt, decided.DecidedBy, decided.Decision.Kind,
            new RegistrationAudit(claimed.Client, claimed.Person, decided.EventId, decided.Reason, decided.Decision.Particulars)), decided.EventId, ct);
    }

    /// <summary>KZ-2.6: a notice that went out is sent again to the contact e-mail as the registration holds it now.</summary>
    public async Task ResendNoticeAsync(string registrationId, SendNotice notice, OperationsActor actor, string reason, CancellationToken ct)
    {
        var eventId = $"resend:{notice.CommandId}:{Guid.NewGuid():N}";
        await registrations.RaiseAsync(registrationId, eventId, new NoticeResendRequested(eventId, notice.CommandId, notice.Kind, notice.Facts, actor.Name), ct);
        await AuditAsync(registrationId, ResendNoticeAction, actor, eventId, reason, ct);
    }

    // After the event: an audit entry never claims an action that was not raised (a redelivered one is the same event).
    private Task AuditAsync(string registrationId, string action, OperationsActor actor, string eventId, string? reason, CancellationToken ct,
        string? decision = null) =>
        audit.AppendAsync(new AuditEntry<RegistrationAudit>(registrationId, clock.GetUtcNow(), actor.Name, action,
            new RegistrationAudit(actor.Client, actor.Person, eventId, reason, decision)), ct);
}

/// <summary>An operations decision a registration took, with who made it under which key, for its audit entry.</summary>
public sealed record ClaimedDecision(OperationsDecided Decided, string Client, string? Person);

/// <summary>UA-Pre-7: the trademark review a registration took, with who made it under which key and when, for its audit entry.</summary>
public sealed record ClaimedTrademarkReview(TrademarkReviewed Review, string Client, string? Person, DateTimeOffset At);
