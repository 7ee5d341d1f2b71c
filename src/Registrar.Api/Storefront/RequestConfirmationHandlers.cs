using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Notices;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Mail;

namespace Registrar.Api.Storefront;

/// <summary>
/// The confirmation link mailed to the account's contact e-mail (KZ-5.3, UA-4.7): its signed single-use token is the proof.
/// Opening it (GET, HEAD) shows what it would prove and spends nothing, since mail scanners and link previews open links before
/// their readers do and a GET is safe (RFC 9110 §9.2.1); the reader's POST to the same link proves the request, once.
/// </summary>
public sealed class RequestConfirmationHandlers(
    IRegistrationViews views, ICustomerRequestStore requests, RequestConfirmationLinks links, CustomerRequestProving proving, TimeProvider clock)
{
    /// <summary>GET (and HEAD) /api/requests/confirmation?token= — answers as the POST would, spending nothing: the request and
    /// its domain, or the problem the POST would answer.</summary>
    public async Task<IResult> DescribeAsync(HttpRequest request, CancellationToken ct)
    {
        NeverStored(request.HttpContext.Response);
        if (TokenOf(request) is not { } token) return MissingToken();
        var link = await links.InspectAsync(token, ct);
        var record = link.LinkId is null ? null : await requests.GetAsync(link.LinkId, ct);
        switch (link.Outcome)
        {
            case LinkUse.Invalid: return Problems.LinkInvalid();
            case LinkUse.Expired: return Problems.LinkExpired();
            case LinkUse.Superseded: return Problems.LinkSuperseded();
            // A use a crash interrupted left the request unproved: the POST finishes it, so the page offers it.
            case LinkUse.AlreadyUsed when record?.Status != CustomerRequestStatus.AwaitingProof: return Problems.LinkUsed();
        }
        if (FirstUseRefusal(record, link.Subject) is { } refused) return refused;
        if (link.Outcome == LinkUse.FirstUse && ProvedOtherwise(record!) is { } proved) return proved;
        var registration = await views.GetAsync(record!.CustomerId, record.RegistrationId, ct);
        if (link.Outcome == LinkUse.FirstUse && proving.Refusal(record, registration) is { } cannotBeCarriedOut) return cannotBeCarriedOut;
        var shown = new RequestConfirmationView(CustomerRequestView.Of(record), registration?.DisplayName, HttpMethods.Post);
        if (HtmlPreference.PrefersHtml(request)) return RequestConfirmationPage.Opened(shown);
        return HttpMethods.IsHead(request.Method) ? new JsonHeadResult(StatusCodes.Status200OK) : TypedResults.Ok(shown);
    }

    /// <summary>POST /api/requests/confirmation?token= — the reader confirms: the token proves its request once.</summary>
    public async Task<IResult> ConfirmAsync(HttpRequest request, CancellationToken ct)
    {
        NeverStored(request.HttpContext.Response);
        if (TokenOf(request) is not { } token) return MissingToken();
        if (await RefusedBeforeFirstUseAsync(token, ct) is { } cannotBeCarriedOut) return cannotBeCarriedOut;
        var redemption = await links.RedeemAsync(token, ct);
        switch (redemption.Outcome)
        {
            case LinkUse.Invalid: return Problems.LinkInvalid();
            case LinkUse.Expired: return Problems.LinkExpired();
            case LinkUse.Superseded: return Problems.LinkSuperseded();
            case LinkUse.AlreadyUsed:
                return await FinishInterruptedConfirmationAsync(redemption, ct) is { } finished ? Answer(request, finished) : Problems.LinkUsed();
        }
        var record = await requests.GetAsync(redemption.LinkId!, ct);
        if (FirstUseRefusal(record, redemption.Subject) is { } refused) return refused;
        return await ProveAsync(record!, ct) is { } proved ? Answer(request, proved) : await ProvedMeanwhileAsync(record!, ct);
    }

    /// <summary>The contact e-mail proves the request, and its registration is told; null when it was proved meanwhile.</summary>
    private async Task<CustomerRequestView?> ProveAsync(CustomerRequestRecord record, CancellationToken ct)
    {
        var proved = await proving.ProvedAsync(record, RequestProof.ContactEmail, clock.GetUtcNow(), record.CustomerId, ct: ct);
        if (!await requests.TryProveAsync(proved, ct)) return null;
        await proving.RaiseProvedAsync(proved, ct);
        return CustomerRequestView.Of(proved);
    }

    /// <summary>The reader's browser, posting the page's form, gets a page; an API client its JSON.</summary>
    private static IResult Answer(HttpRequest request, CustomerRequestView proved) =>
        HtmlPreference.PrefersHtml(request) ? RequestConfirmationPage.Confirmed(proved) : TypedResults.Ok(proved);

    /// <summary>The answer describes a single-use link's request as it is now, in JSON or HTML by the Accept field: no cache keeps
    /// it (RFC 9111 section 5.2.2.5), and a cache told to would know the choice by Vary (RFC 9110 section 12.5.5).</summary>
    private static void NeverStored(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Vary = "Accept";
    }

    /// <summary>A request operations proved on papers, or a session did, meanwhile: the link has nothing left to prove and stays unspent.</summary>
    private static IResult? ProvedOtherwise(CustomerRequestRecord record) =>
        record.Status == CustomerRequestStatus.AwaitingProof ? null : Problems.Conflict($"Request '{record.RequestId}' was already proved; nothing was changed.");

    private static string? TokenOf(HttpRequest request) => request.Query["token"] is [{ Length: > 0 } token] ? token : null;

    private static IResult MissingToken() => Problems.Validation("token", "Send the token the link carries.");

    /// <summary>The request was proved between this first use's check and its write: by the same link followed again at that moment
    /// (it took this use for an interrupted one and finished it), which is a second use of the link like any other (`link-used`),
    /// or by another proof (papers, a session), which is what a request proved already answers.</summary>
    private async Task<IResult> ProvedMeanwhileAsync(CustomerRequestRecord record, CancellationToken ct) =>
        (await requests.GetAsync(record.RequestId, ct))?.Proof == RequestProof.ContactEmail
            ? Problems.LinkUsed()
            : Problems.Conflict($"Request '{record.RequestId}' was already proved.");

    /// <summary>Why a link's first use proves nothing: it names no request of its customer, or a request the contact e-mail does not prove.</summary>
    private static IResult? FirstUseRefusal(CustomerRequestRecord? record, string? subject) =>
        record is null || record.CustomerId != subject ? Problems.LinkInvalid()
        : !RequestProofs.Accepts(record.Request, RequestProof.ContactEmail)
            ? Problems.ProofNotAccepted("KZ-5.3", $"A '{record.Request.Kind}' request is not proved from the contact e-mail.")
        : null;

    /// <summary>The registration is looked at before the link is spent: a request its lifecycle would not carry out (the domain
    /// no longer held, the contract's end fixed, a dispute block) is refused now, naming why, rather than proved and then dropped
    /// with the customer never told; once the registration has ended its lifecycle tells nobody, so a `.kz` contact e-mail change
    /// would move the account with the old address never told (KZ-2.2). The link stays unspent and the request as it was. Null
    /// when the link is not a first use, or nothing stands in the request's way.</summary>
    private async Task<IResult?> RefusedBeforeFirstUseAsync(string token, CancellationToken ct)
    {
        var link = await links.InspectAsync(token, ct);
        if (link.Outcome != LinkUse.FirstUse || await requests.GetAsync(link.LinkId!, ct) is not { } record || record.CustomerId != link.Subject)
            return null;
        return ProvedOtherwise(record) ?? await proving.RefusalAsync(record, ct);
    }

    /// <summary>A crash after the link's use was recorded left its request unproved, or proved with its event unraised:
    /// confirming with the same link again finishes it (the event id repeats, so an event already raised changes nothing)
    /// rather than leaving a spent link on a request nobody can prove any more. Null when there is nothing to finish.</summary>
    private async Task<CustomerRequestView?> FinishInterruptedConfirmationAsync(LinkRedemption redemption, CancellationToken ct)
    {
        var record = await requests.GetAsync(redemption.LinkId!, ct);
        if (record is null || record.CustomerId != redemption.Subject || !RequestProofs.Accepts(record.Request, RequestProof.ContactEmail)) return null;
        if (record.Status == CustomerRequestStatus.AwaitingProof) return await ProveAsync(record, ct);
        if (record.Proof == RequestProof.ContactEmail) await proving.RaiseProvedAsync(record, ct);
        return null;
    }
}
