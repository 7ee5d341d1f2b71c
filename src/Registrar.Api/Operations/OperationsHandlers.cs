using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Operations;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>What operations staff do: work the review list and decide what rules leave to a person.
/// A route that names a registration is checked for form and existence before any event is raised:
/// only a payment starts a lifecycle, so an unknown id is a 404, never a new instance.</summary>
public sealed class OperationsHandlers(
    ClientAuthenticator authenticator, IReviewList review, IRegistrationViews views, IRegistrationDirectory directory, ZoneCatalog zones,
    RegistrationActions actions, IAuditSearch audit, IdempotentRequests idempotency, TimeProvider clock)
{
    // Review item ids are bank references and command ids; escaped, this keeps them inside a table key (1 KiB).
    internal const int MaxReviewItemIdLength = 255;
    public const int MaxNoteLength = 4_000;

    public async Task<IResult> ListReviewAsync(HttpRequest request, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        var items = new List<ReviewItem>();
        await foreach (var item in review.ListOpenAsync(ct)) items.Add(item);
        return new PrivateResult(TypedResults.Ok(items));
    }

    /// <summary>All customers' registrations by phase, zone, customer, expiry window and overdue deadline, a page at a time:
    /// <c>next</c> is the following page's <c>after</c>.</summary>
    public async Task<IResult> ListRegistrationsAsync(HttpRequest request, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        var (query, errors) = RegistrationListQuery.Read(request.Query, zones);
        QueryValues.RefuseUnknown(request.Query, RegistrationListQuery.Parameters, errors);
        if (query is null || errors.Count > 0) return Problems.Validation(errors);
        var page = await query.ListAsync(directory, clock.GetUtcNow(), ct);
        return new PrivateResult(TypedResults.Ok(page));
    }

    /// <summary>The audit log, filtered and a page at a time: who did what, when and why, newest first within a subject.</summary>
    public async Task<IResult> ListAuditAsync(HttpRequest request, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        var (query, errors) = AuditQuery.Read(request.Query);
        if (query is null) return Problems.Validation(errors);
        var page = await audit.SearchAsync(query.Filter, query.Continuation, query.PageSize, ct);
        return new PrivateResult(TypedResults.Ok(page));
    }

    /// <summary>Resolves an open review item, once: an item resolved already is a 409, as it exists; with an Idempotency-Key, the
    /// same resolution retried gets the first answer.</summary>
    public async Task<IResult> ResolveAsync(HttpRequest request, string itemId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (itemId.Length > MaxReviewItemIdLength || itemId.Any(char.IsControl)) return Problems.Missing("That review item");
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, ct);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);
        var actor = operations.Principal!.Name;
        return await idempotency.RunAsync(request, IdempotentRequests.Scope("review", actor), raw,
            () => CheckResolutionAsync(request.ContentType, raw, itemId, ct),
            async (note, _) => await review.ResolveAsync(itemId, actor, note, clock.GetUtcNow(), ct)
                ? TypedResults.NoContent()
                : AlreadyResolved(itemId, await review.FindAsync(itemId, ct)), ct);
    }

    private async Task<Checked<string>> CheckResolutionAsync(string? contentType, byte[] raw, string itemId, CancellationToken ct)
    {
        var body = StrictJson.Deserialize<Resolution>(contentType, raw);
        if (body.Problem is not null) return Checked<string>.Refused(body.Problem);
        if (string.IsNullOrWhiteSpace(body.Value!.Note)) return Checked<string>.Refused(Problems.Validation("note", "Say what was done."));
        if (body.Value.Note.Length > MaxNoteLength) return Checked<string>.Refused(Problems.Validation("note", $"At most {MaxNoteLength} characters."));
        return await review.FindAsync(itemId, ct) switch
        {
            null => Checked<string>.Refused(Problems.Missing($"Review item '{itemId}'")),
            { ResolvedAt: not null } resolved => Checked<string>.Refused(AlreadyResolved(itemId, resolved)),
            _ => Checked<string>.Passed(body.Value.Note),
        };
    }

    private static IResult AlreadyResolved(string itemId, ReviewItem? resolved) => Problems.Conflict(
        $"Review item '{itemId}' was resolved already{(resolved?.ResolvedAt is { } at ? $" at {at:u} by {resolved.ResolvedBy}" : "")}; nothing was changed.");

    /// <summary>A registration the registry refused (stalled) is tried again once operations fixed the cause.</summary>
    public async Task<IResult> RetryRegistrationAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var body = await StrictJson.ReadAsync<RetryRequest>(request, ct);
        if (body.Problem is not null) return body.Problem;
        // Audited with why, as the operations page asks it: a retry repeats registry commands and mail.
        if (string.IsNullOrWhiteSpace(body.Value!.Reason)) return Problems.Validation("reason", "Say what was fixed before trying again, for the audit log.");
        if (body.Value.Reason.Length > MaxNoteLength) return Problems.Validation("reason", $"At most {MaxNoteLength} characters.");
        // Any phase: a retry also sends again the mail and records a host gave up on (FailedCommands), which no view shows.
        if (await RefusalAsync(registrationId, _ => null, ct) is { } refused) return refused;

        await actions.RetryAsync(registrationId, new OperationsActor(operations.Principal!.Name, null), body.Value.Reason.Trim(), ct);
        return TypedResults.Accepted($"/api/ops/registrations/{registrationId}");
    }

    /// <summary>UA-Pre-7: the trademark behind a second-level .ua name is approved or refused by a person.</summary>
    public async Task<IResult> ReviewTrademarkAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var body = await StrictJson.ReadAsync<TrademarkDecision>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var decision = body.Value!;
        if (string.IsNullOrWhiteSpace(decision.Reason))
            return Problems.Validation("reason", RegistrationActions.TrademarkReasonMissing(decision.Approved));
        if (decision.Reason is { Length: > MaxNoteLength }) return Problems.Validation("reason", $"At most {MaxNoteLength} characters.");
        if (await RefusalAsync(registrationId, RegistrationActions.WhyNoTrademarkReview, ct) is { } refused) return refused;

        var taken = await actions.ReviewTrademarkAsync(registrationId, decision.Approved, decision.Reason.Trim(),
            new OperationsActor(operations.Principal!.Name, null), ct);
        await ResolveReviewRequestsAsync(registrationId, operations.Principal.Name, ct);
        return taken is null ? TypedResults.Accepted($"/api/ops/registrations/{registrationId}") : Problems.Conflict(taken);
    }

    /// <summary>The item that asked for the review is done with, whichever review stands; resolved once, as any item is. One an
    /// earlier version raised under its flag's command id (a registration paid before the item had an id of its own, so it has
    /// no item under that id) is found by its text.</summary>
    private async Task ResolveReviewRequestsAsync(string registrationId, string resolvedBy, CancellationToken ct)
    {
        const string note = "The trademark was reviewed (UA-Pre-7); the registration's audit log says how.";
        var now = clock.GetUtcNow();
        if (await review.ResolveAsync(TrademarkReviewed.ReviewItemFor(registrationId), resolvedBy, note, now, ct)) return;
        await foreach (var item in review.ListOpenAsync(ct))
            if (item.Subject == registrationId && item.Explanation.StartsWith(TrademarkReviewed.ReviewRequest, StringComparison.Ordinal))
                await review.ResolveAsync(item.Id, resolvedBy, note, now, ct);
    }

    /// <summary>An unknown registration is a 404; one in a phase the action does not apply to, a 409 saying why.</summary>
    private async Task<IResult?> RefusalAsync(string registrationId, Func<RegistrationView, string?> whyNot, CancellationToken ct) =>
        !RegistrationIds.IsWellFormed(registrationId) ? RegistrationProblems.Unknown()
        : await views.FindAsync(registrationId, ct) is not { } view ? RegistrationProblems.Unknown(registrationId)
        : whyNot(view) is { } why ? Problems.Conflict(why)
        : null;
}

public sealed record Resolution(string Note);

public sealed record TrademarkDecision(bool Approved, string? Reason = null);

public sealed record RetryRequest(string? Reason = null);
