using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Api.Storefront;
using Registrar.Core.Contracts;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Mail;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>What waits for a person, queue by queue, each capped at <see cref="PerQueue"/> (the oldest first where the store
/// orders them). The operations page shows the same queues.</summary>
/// <param name="TrademarkApprovals">UA-Pre-7: second-level .ua names waiting for their trademark to be checked.</param>
/// <param name="Stalled">Registrations the registry refused, or whose registry command was given up on (a poisoned command):
/// operations fix the cause and retry; one given up on is also asked again by itself for a few hours first.</param>
/// <param name="HeldPayments">UA-3.2: bank credits that paid nothing by themselves: apply or refund each.</param>
/// <param name="AwaitingProof">UA-1.5.8, KZ-5.3: requests waiting for their link to be followed or for the signed contract or
/// identity documents operations check and record as proof; not those their registration no longer allows (ended, being
/// deleted, blocked, its contract's end fixed), a notice whose days can no longer be met, nor a request whose link expired
/// and which papers do not prove (a DNS change, say): nobody can prove those any more.</param>
/// <param name="AwaitingConsent">UA-4.7: proved contact e-mail changes waiting for the registrar's consent, while their
/// registration has not ended.</param>
/// <param name="OverdueClaims">UA-5.1: claims unanswered past their deadline.</param>
public sealed record WorkQueuesView(
    IReadOnlyList<RegistrationView> TrademarkApprovals,
    IReadOnlyList<RegistrationView> Stalled,
    IReadOnlyList<HeldPaymentView> HeldPayments,
    IReadOnlyList<WaitingRequest> AwaitingProof,
    IReadOnlyList<WaitingRequest> AwaitingConsent,
    IReadOnlyList<WaitingClaim> OverdueClaims)
{
    public const int PerQueue = 50;
}

/// <summary>A customer request as a queue shows it: what, for which registration, since when (never the new address it asks for).</summary>
/// <param name="NewContactEmail">UA-4.7: the address a contact e-mail change asks for, which operations consent to; null for
/// other kinds. Shown from the request record, which is erased with the customer's personal data (UA-Pre-6).</param>
public sealed record WaitingRequest(string RequestId, string RegistrationId, string Kind, DateTimeOffset MadeAt, string? NewContactEmail = null)
{
    public static WaitingRequest Of(CustomerRequestRecord record) => new(record.RequestId, record.RegistrationId, record.Request.Kind, record.MadeAt,
        (record.Request as ContactEmailChangeRequest)?.Email);
}

/// <summary>A claim as a queue shows it: which, about what, and the deadline it missed (never the claim's text).</summary>
public sealed record WaitingClaim(string ClaimId, string RegistrationId, string DomainName, DateTimeOffset AnswerBy, string AnswerRule)
{
    public static WaitingClaim Of(Claim claim) => new(claim.ClaimId, claim.RegistrationId, claim.DomainName, claim.AnswerBy, claim.AnswerRule);
}

/// <summary>Reads every work queue; each is one bounded query.</summary>
public sealed class WorkQueues(
    IRegistrationDirectory directory, IHeldPaymentStore held, ICustomerRequestStore requests, IClaimStore claims, IRegistrationViews views,
    TerminationNotices terminations, IOptions<NoticeOptions> notices, IRegistrationSchedule schedule, TimeProvider clock)
{
    /// <summary>Requests read for the proof and consent queues, of which those their registration still allows fill them.</summary>
    private const int AwaitingProofRead = WorkQueuesView.PerQueue * 4;

    public async Task<WorkQueuesView> ReadAsync(CancellationToken ct)
    {
        const int cap = WorkQueuesView.PerQueue;
        var now = clock.GetUtcNow();
        var trademarks = (await directory.ListAsync(new RegistrationFilter(RegistrationPhase.AwaitingTrademarkReview), null, cap, now, ct)).Registrations;
        var stalled = (await directory.ListAsync(new RegistrationFilter(RegistrationPhase.Stalled), null, cap, now, ct)).Registrations;
        var payments = await held.ListHeldAsync(ct).Take(cap).Select(HeldPaymentView.Of).ToListAsync(ct);
        var awaitingProof = await requests.ListAwaitingProofAsync(AwaitingProofRead, ct)
            .Where(record => CanStillBeProved(record, now)).Where(StillAllowedAsync).Take(cap).Select(WaitingRequest.Of).ToListAsync(ct);
        var awaitingConsent = await requests.ListAwaitingConsentAsync(AwaitingProofRead, ct)
            .Where(StillHeldAsync).Take(cap).Select(WaitingRequest.Of).ToListAsync(ct);
        var overdue = await claims.ListOverdueAsync(now, cap, ct).Select(WaitingClaim.Of).ToListAsync(ct);
        return new WorkQueuesView(trademarks, stalled, [.. payments.OrderBy(p => p.HeldAt)], [.. awaitingProof.OrderBy(r => r.MadeAt)],
            [.. awaitingConsent.OrderBy(r => r.MadeAt)], [.. overdue.OrderBy(c => c.AnswerBy)]);
    }

    /// <summary>UA-1.5.8: papers prove what they may at any time; the link, sent once the request was made, only for its lifetime.</summary>
    private bool CanStillBeProved(CustomerRequestRecord record, DateTimeOffset now) =>
        RequestProofs.Accepts(record.Request, RequestProof.SignedContract) || RequestProofs.Accepts(record.Request, RequestProof.IdentityDocuments)
        || now < record.MadeAt + notices.Value.RequestConfirmationLinkLifetime;

    /// <summary>UA-4.7: an approval tells the old address through the registration's lifecycle, which an ended registration no
    /// longer has (the consent is refused then), and an erasure may have left the address asked for "erased".</summary>
    private async ValueTask<bool> StillHeldAsync(CustomerRequestRecord record, CancellationToken ct) =>
        await views.GetAsync(record.CustomerId, record.RegistrationId, ct) is not { } registration || !registration.Phase.HasEnded();

    private async ValueTask<bool> StillAllowedAsync(CustomerRequestRecord record, CancellationToken ct) =>
        await views.GetAsync(record.CustomerId, record.RegistrationId, ct) is not { } registration
        || (CustomerRequestRefusals.Of(record.Request, registration, schedule) is null
            && (record.Request is not TerminationRequest notice || terminations.NoLongerInTime(notice, registration, clock.GetUtcNow()) is null));
}

/// <summary>GET /api/ops/queues: every work queue at once, for operations.</summary>
public sealed class WorkQueueHandler(ClientAuthenticator authenticator, WorkQueues queues)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        return new PrivateResult(TypedResults.Ok(await queues.ReadAsync(ct)));
    }
}
