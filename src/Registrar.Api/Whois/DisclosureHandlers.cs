using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
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
    IAuditLog<DisclosureAudit> audit, TimeProvider clock)
{
    private const int MaxPersonLength = 200;
    private const int MaxReferenceLength = 500;
    private const int MaxTextLength = 4_000;
    private const int HistoryShown = 100;

    public async Task<IResult> RecordAsync(HttpRequest request, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var body = await StrictJson.ReadAsync<RecordDisclosureRequest>(request, ct);
        if (body.Problem is not null) return body.Problem;
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
        if (errors.Count > 0) return Problems.Validation(errors);

        var held = await directory.FindAsync(name.Name!.Ascii, ct);
        if (held is null) return Problems.NotFound($"A registration of '{name.Name.Unicode}' held by this registrar");
        var recorded = new DisclosureRequest($"D{Guid.NewGuid():N}"[..17], name.Name.Ascii, held.Registration.RegistrationId,
            input.Requester.Trim(), input.LegalBasis.Trim(), input.DocumentReference.Trim(), [.. input.RequestedFields.Distinct()],
            input.RecordedBy.Trim(), clock.GetUtcNow());
        await requests.CreateAsync(recorded, ct);
        await AuditAsync(recorded, "recorded", recorded.RecordedBy, operations.Principal!, recorded.RecordedAt, ct);
        return new PrivateResult(TypedResults.Created($"/api/ops/disclosures/{recorded.RequestId}", await ViewAsync(recorded, ct)));
    }

    public async Task<IResult> GetAsync(HttpRequest request, string requestId, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        if (!IsWellFormed(requestId)) return Unknown();
        var current = await requests.GetAsync(requestId, ct);
        return current is null ? Unknown(requestId) : new PrivateResult(TypedResults.Ok(await ViewAsync(current.Document, ct)));
    }

    public Task<IResult> ApproveAsync(HttpRequest request, string requestId, CancellationToken ct) =>
        StepAsync<ApproveDisclosure>(request, requestId, "approved", ct,
            (errors, body) => Check(errors, "approvedBy", body.ApprovedBy, MaxPersonLength),
            body => body.ApprovedBy,
            (current, body, now) => Task.FromResult(current.Approve(body.ApprovedBy.Trim(), now)),
            async step => new PrivateResult(TypedResults.Ok(await ViewAsync(step.Request!, ct))));

    public Task<IResult> RefuseAsync(HttpRequest request, string requestId, CancellationToken ct) =>
        StepAsync<RefuseDisclosure>(request, requestId, "refused", ct,
            (errors, body) =>
            {
                Check(errors, "refusedBy", body.RefusedBy, MaxPersonLength);
                Check(errors, "reason", body.Reason, MaxTextLength);
            },
            body => body.RefusedBy,
            (current, body, now) => Task.FromResult(current.Refuse(body.RefusedBy.Trim(), body.Reason.Trim(), now)),
            async step => new PrivateResult(TypedResults.Ok(await ViewAsync(step.Request!, ct))));

    /// <summary>The data leave only after the record of exactly which fields left, and when, is written.</summary>
    public Task<IResult> DiscloseAsync(HttpRequest request, string requestId, CancellationToken ct) =>
        StepAsync<DiscloseRegistrantData>(request, requestId, "disclosed", ct,
            (errors, body) => Check(errors, "disclosedBy", body.DisclosedBy, MaxPersonLength),
            body => body.DisclosedBy,
            async (current, body, now) => current.Disclose(await directory.FindAsync(current.DomainName, ct), body.DisclosedBy.Trim(), now),
            step =>
            {
                var disclosed = step.Request!;
                var record = disclosed.Disclosure!;
                IResult answer = new PrivateResult(TypedResults.Ok(new DisclosureAnswer(disclosed.RequestId, disclosed.DomainName, record.At, record.By,
                    step.Values, [.. disclosed.RequestedFields.Except(record.Fields)])));
                return Task.FromResult(answer);
            });

    /// <summary>Authenticate, check the id and the body, then decide on the stored request, then write it, then audit it.</summary>
    private async Task<IResult> StepAsync<TBody>(HttpRequest request, string requestId, string action, CancellationToken ct,
        Action<Dictionary<string, string[]>, TBody> check, Func<TBody, string> person,
        Func<DisclosureRequest, TBody, DateTimeOffset, Task<DisclosureStep>> decide, Func<DisclosureStep, Task<IResult>> answer)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        if (!IsWellFormed(requestId)) return Unknown();
        var body = await StrictJson.ReadAsync<TBody>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var errors = new Dictionary<string, string[]>();
        check(errors, body.Value!);
        if (errors.Count > 0) return Problems.Validation(errors);

        var current = await requests.GetAsync(requestId, ct);
        if (current is null) return Unknown(requestId);
        var now = clock.GetUtcNow();
        var step = await decide(current.Document, body.Value!, now);
        if (step.Refusal is { } refusal) return Refused(refusal);
        try
        {
            await requests.UpdateAsync(current, step.Request!, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Conflict($"Disclosure request '{requestId}' changed meanwhile; read it again.");
        }
        await AuditAsync(step.Request!, action, person(body.Value!).Trim(), operations.Principal!, now, ct);
        return await answer(step);
    }

    private Task AuditAsync(DisclosureRequest request, string action, string person, ApiClient client, DateTimeOffset at, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry<DisclosureAudit>(request.RequestId, at, person, action, new DisclosureAudit(client.Name, request)), ct);

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

    private static IResult Unknown() => Problems.NotFound("That disclosure request");

    private static IResult Unknown(string requestId) => Problems.NotFound($"Disclosure request '{requestId}'");
}
