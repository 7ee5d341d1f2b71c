using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Core.Customers;
using Registrar.Core.Names;
using Registrar.Core.Whois;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Whois;

/// <summary>
/// UA-1.16: operations record an authority's official request for a registrant's data, a second person approves or
/// refuses it, and only an approved request discloses, once. Every step is checked in full before anything is
/// written, and each is kept in the audit log (who, through which client, the request as it then stood).
/// </summary>
public sealed class DisclosureHandlers(
    ClientAuthenticator authenticator, DomainNameParser names, IRegisteredDomainDirectory directory, IDisclosureRequestStore requests,
    IAuditLog<DisclosureAudit> audit, IAuditLog<RegistrationAudit> registrationAudit, IdempotentRequests idempotency, TimeProvider clock)
{
    // Every request id has this length ("D" and 16 hex digits): a draft measured with it has the stored size.
    private const string DraftRequestId = "D0000000000000000";
    private const int MaxPersonLength = 200;
    private const int MaxReferenceLength = 500;
    private const int MaxTextLength = 4_000;
    private const int HistoryShown = 100;

    /// <summary>With an Idempotency-Key a retried request gets the first answer: its id derives from the operations client and
    /// the key, so a retry after a failure between the request and its audit entry finds the request and writes the entry,
    /// once, rather than record a second request that could be approved and disclosed as well.</summary>
    public async Task<IResult> RecordAsync(HttpRequest request, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, ct);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);
        var client = operations.Principal!;
        var scope = IdempotentRequests.Scope("disclosures", client.Name);
        var now = clock.GetUtcNow();
        return new PrivateResult(await idempotency.RunAsync(request, scope, raw, () => CheckAsync(request.ContentType, raw, client, now, ct),
            (draft, key) => RecordCheckedAsync(draft with { RequestId = IdempotentRequests.RecordId('D', scope, key) }, client, ct), ct));
    }

    /// <summary>Everything that can refuse the request, before anything is stored: the request as it would be recorded now.</summary>
    private async Task<Checked<DisclosureRequest>> CheckAsync(string? contentType, byte[] raw, ApiClient client, DateTimeOffset now, CancellationToken ct)
    {
        var body = StrictJson.Deserialize<RecordDisclosureRequest>(contentType, raw);
        if (body.Problem is not null) return Checked<DisclosureRequest>.Refused(body.Problem);
        var input = body.Value!;
        var errors = new Dictionary<string, string[]>();
        Check(errors, "requester", input.Requester, MaxReferenceLength);
        Check(errors, "legalBasis", input.LegalBasis, MaxTextLength);
        Check(errors, "documentReference", input.DocumentReference, MaxReferenceLength);
        Check(errors, "recordedBy", input.RecordedBy, MaxPersonLength);
        if (input.RequestedFields.Count == 0 || !input.RequestedFields.All(RegistrantFields.Contains))
            errors["requestedFields"] = [$"One or more registrant fields: {string.Join(", ", RegistrantFields.All)}; the rest is public."];
        var name = names.Parse(input.Domain);
        if (!name.IsValid) errors["domain"] = [name.Refusal.Message];
        if (errors.Count > 0) return Checked<DisclosureRequest>.Refused(Problems.Validation(errors));

        var held = await directory.FindAsync(name.Name!.Ascii, ct);
        if (held is null) return Checked<DisclosureRequest>.Refused(Problems.Missing($"A registration of '{name.Name.Unicode}' held by this registrar"));
        var draft = new DisclosureRequest(DraftRequestId, name.Name.Ascii, held.Registration.RegistrationId,
            input.Requester.Trim(), input.LegalBasis.Trim(), input.DocumentReference.Trim(), [.. input.RequestedFields.Distinct()],
            input.RecordedBy.Trim(), now);
        var answer = new DisclosureRequestView(draft, [new DisclosureHistoryEntry(now, "recorded", draft.RecordedBy, client.Name)]);
        return DocumentLimits.Fits(draft) && IdempotentRequests.CanKeep(answer, now)
            ? Checked<DisclosureRequest>.Passed(draft)
            : Checked<DisclosureRequest>.Refused(Problems.Validation("legalBasis", "The request is too long to keep; shorten its texts."));
    }

    private async Task<IResult> RecordCheckedAsync(DisclosureRequest request, ApiClient client, CancellationToken ct)
    {
        var recorded = await StoreAsync(request, ct);
        await AuditAsync(recorded, "recorded", recorded.RecordedBy, client, recorded.RecordedAt, ct);
        return TypedResults.Created($"/api/ops/disclosures/{recorded.RequestId}", await ViewAsync(recorded, ct));
    }

    /// <returns>The request as stored: the first attempt's, when a retry of its key finds it.</returns>
    private async Task<DisclosureRequest> StoreAsync(DisclosureRequest request, CancellationToken ct)
    {
        try
        {
            return (await requests.CreateAsync(request, ct)).Document;
        }
        catch (DocumentAlreadyExistsException)
        {
            return (await requests.GetAsync(request.RequestId, ct))!.Document;
        }
    }

    public async Task<IResult> GetAsync(HttpRequest request, string requestId, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        if (!IsWellFormed(requestId)) return Unknown();
        var current = await requests.GetAsync(requestId, ct);
        return current is null ? Unknown(requestId) : new PrivateResult(TypedResults.Ok(await ViewAsync(current.Document, ct)));
    }

    public Task<IResult> ApproveAsync(HttpRequest request, string requestId, CancellationToken ct) =>
        StepAsync(request, requestId, ct, new Step<ApproveDisclosure>("approved",
            (errors, body) => Check(errors, "approvedBy", body.ApprovedBy, MaxPersonLength),
            body => body.ApprovedBy,
            (current, body, now) => Task.FromResult(current.Approve(body.ApprovedBy.Trim(), now)),
            (current, body) => current.Decision is { Approved: true } decision && decision.By == body.ApprovedBy.Trim() ? decision.At : null,
            current => Task.FromResult(DisclosureStep.To(current)),
            AnswersOnce: false,
            async step => new PrivateResult(TypedResults.Ok(await ViewAsync(step.Request!, ct)))));

    public Task<IResult> RefuseAsync(HttpRequest request, string requestId, CancellationToken ct) =>
        StepAsync(request, requestId, ct, new Step<RefuseDisclosure>("refused",
            (errors, body) =>
            {
                Check(errors, "refusedBy", body.RefusedBy, MaxPersonLength);
                Check(errors, "reason", body.Reason, MaxTextLength);
            },
            body => body.RefusedBy,
            (current, body, now) => Task.FromResult(current.Refuse(body.RefusedBy.Trim(), body.Reason.Trim(), now)),
            (current, body) => current.Decision is { Approved: false } decision && decision.By == body.RefusedBy.Trim()
                && decision.Reason == body.Reason.Trim() ? decision.At : null,
            current => Task.FromResult(DisclosureStep.To(current)),
            AnswersOnce: false,
            async step => new PrivateResult(TypedResults.Ok(await ViewAsync(step.Request!, ct)))));

    /// <summary>The data leave only after the record of exactly which fields left, and when, is written; and once (UA-1.16): a
    /// retry gets them only while the step's audit entry is missing, the attempt that stored it having failed before answering.</summary>
    public Task<IResult> DiscloseAsync(HttpRequest request, string requestId, CancellationToken ct) =>
        StepAsync(request, requestId, ct, new Step<DiscloseRegistrantData>("disclosed",
            (errors, body) => Check(errors, "disclosedBy", body.DisclosedBy, MaxPersonLength),
            body => body.DisclosedBy,
            async (current, body, now) => current.Disclose(await directory.FindAsync(current.DomainName, ct), body.DisclosedBy.Trim(), now),
            (current, body) => current.Disclosure is { } record && record.By == body.DisclosedBy.Trim() ? record.At : null,
            async current => current.AnswerAgain(await directory.FindAsync(current.DomainName, ct)),
            AnswersOnce: true,
            step =>
            {
                var disclosed = step.Request!;
                var record = disclosed.Disclosure!;
                IResult answer = new PrivateResult(TypedResults.Ok(new DisclosureAnswer(disclosed.RequestId, disclosed.DomainName, record.At, record.By,
                    step.Values, [.. disclosed.RequestedFields.Except(record.Fields)])));
                return Task.FromResult(answer);
            }));

    /// <summary>Authenticate, check the id and the body, then decide on the stored request, then write it, then audit it. A retry
    /// of a step the request took (the same person and answer) writes the audit entry a failure may have left out and answers
    /// again instead of a 409.</summary>
    private async Task<IResult> StepAsync<TBody>(HttpRequest request, string requestId, CancellationToken ct, Step<TBody> step)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!IsWellFormed(requestId)) return Unknown();
        var body = await StrictJson.ReadAsync<TBody>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var errors = new Dictionary<string, string[]>();
        step.Check(errors, body.Value!);
        if (errors.Count > 0) return Problems.Validation(errors);

        var current = await requests.GetAsync(requestId, ct);
        if (current is null) return Unknown(requestId);
        var person = step.Person(body.Value!).Trim();
        if (step.TakenAt(current.Document, body.Value!) is { } takenAt)
        {
            var again = await step.AnswerAgain(current.Document);
            if (again.Refusal is { } cannot) return Refused(cannot);
            if (await AuditAsync(current.Document, step.Action, person, operations.Principal!, takenAt, ct) || !step.AnswersOnce)
                return await step.Answer(again);
        }
        var now = clock.GetUtcNow();
        var decided = await step.Decide(current.Document, body.Value!, now);
        if (decided.Refusal is { } refusal) return Refused(refusal);
        try
        {
            await requests.UpdateAsync(current, decided.Request!, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Conflict($"Disclosure request '{requestId}' changed meanwhile; read it again.");
        }
        await AuditAsync(decided.Request!, step.Action, person, operations.Principal!, now, ct);
        return await step.Answer(decided);
    }

    /// <summary>Each step once, dated as the request records it: a retry of the step finds its entry, or writes the one a
    /// failure left out. UA-1.16: the registration's own history shows it too, naming the request, who asked, on what basis
    /// and which fields, never a value.</summary>
    /// <returns>False when the entry was there already.</returns>
    private async Task<bool> AuditAsync(DisclosureRequest request, string action, string person, ApiClient client, DateTimeOffset at, CancellationToken ct)
    {
        var first = await audit.AppendOnceAsync(new AuditEntry<DisclosureAudit>(request.RequestId, at, person, action, new DisclosureAudit(client.Name, request)),
            request.RequestId, ct);
        var why = $"UA-1.16: disclosure request {request.RequestId} {action}, asked by {request.Requester} on {request.LegalBasis}, "
            + $"fields {string.Join(", ", request.RequestedFields)}.";
        await registrationAudit.AppendOnceAsync(new AuditEntry<RegistrationAudit>(request.RegistrationId, at, person, "disclosure-" + action,
            new RegistrationAudit(client.Name, person, $"disclosure:{request.RequestId}", why)), request.RequestId, ct);
        return first;
    }

    private async Task<DisclosureRequestView> ViewAsync(DisclosureRequest request, CancellationToken ct)
    {
        var history = new List<DisclosureHistoryEntry>();
        await foreach (var entry in audit.ReadNewestFirstAsync(request.RequestId, HistoryShown, ct))
            history.Add(new DisclosureHistoryEntry(entry.At, entry.Action, entry.Actor, entry.Details.Client));
        return new DisclosureRequestView(request, history);
    }

    private static IResult Refused(DisclosureRefusal refusal) => refusal.Reason switch
    {
        DisclosureRefusalReason.ApproverRecordedIt => Problems.Forbidden(refusal.Message),
        _ => Problems.Conflict(refusal.Message),
    };

    private static void Check(Dictionary<string, string[]> errors, string field, string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = ["Required."];
        else if (TextRules.Refusal(value, maxLength) is { } refusal) errors[field] = [refusal];
    }

    /// <summary>Request ids are "D" and hex digits: anything else names no request and is not echoed.</summary>
    private static bool IsWellFormed(string requestId) => requestId.Length is > 0 and <= 64 && requestId.All(char.IsAsciiLetterOrDigit);

    private static IResult Unknown() => Problems.Missing("That disclosure request");

    private static IResult Unknown(string requestId) => Problems.Missing($"Disclosure request '{requestId}'");

    /// <summary>One step of a request: how its body is checked, who takes it, how it is decided on the stored request, and how
    /// a retry of it is recognised and answered again.</summary>
    /// <param name="TakenAt">When the stored request took this very step (the same person and answer); null when it did not.</param>
    /// <param name="AnswerAgain">The step's answer again, from the stored request, or why it cannot be given.</param>
    /// <param name="AnswersOnce">Whether the answer is given again only by the retry that writes the missing audit entry.</param>
    private sealed record Step<TBody>(
        string Action,
        Action<Dictionary<string, string[]>, TBody> Check,
        Func<TBody, string> Person,
        Func<DisclosureRequest, TBody, DateTimeOffset, Task<DisclosureStep>> Decide,
        Func<DisclosureRequest, TBody, DateTimeOffset?> TakenAt,
        Func<DisclosureRequest, Task<DisclosureStep>> AnswerAgain,
        bool AnswersOnce,
        Func<DisclosureStep, Task<IResult>> Answer);
}
