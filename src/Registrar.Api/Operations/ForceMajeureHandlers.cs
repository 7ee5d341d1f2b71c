using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Privacy;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Operations;

/// <summary>
/// KZ-5.6, UA-7.2, UA-7.3: operations record a force majeure notice; its deadlines are counted from the day it started
/// under the zone's offer, kept with it, and each notice is shown with whether it was given, and proved, in time.
/// </summary>
public sealed class ForceMajeureHandlers(
    ClientAuthenticator authenticator, ZoneCatalog zones, ContractRules rules, IForceMajeureNoticeStore notices,
    IAuditLog<ForceMajeureAudit> audit, IdempotentRequests idempotency, TimeProvider clock)
{
    // Every notice id has this length ("F" and 16 hex digits): a draft measured with it has the stored size.
    private const string DraftNoticeId = "F0000000000000000";

    /// <summary>With an Idempotency-Key a retried notice gets the first answer: its id derives from the operations client and
    /// the key, so a retry after a failure between the notice and its audit entry finds the notice and writes the entry, once.</summary>
    public async Task<IResult> RecordAsync(HttpRequest request, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, ct);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);
        var client = operations.Principal!.Name;
        var scope = IdempotentRequests.Scope("force-majeure", client);
        var now = clock.GetUtcNow();
        return new PrivateResult(await idempotency.RunAsync(request, scope, raw, () => Task.FromResult(Check(request.ContentType, raw, now)),
            (draft, key) => RecordCheckedAsync(draft with { NoticeId = IdempotentRequests.RecordId('F', scope, key) }, client, ct), ct));
    }

    /// <summary>Everything that can refuse the notice, before anything is stored: the notice as it would be recorded now.</summary>
    private Checked<ForceMajeureNotice> Check(string? contentType, byte[] raw, DateTimeOffset now)
    {
        var body = StrictJson.Deserialize<RecordForceMajeureNotice>(contentType, raw);
        if (body.Problem is not null) return Checked<ForceMajeureNotice>.Refused(body.Problem);
        var input = body.Value!;
        var errors = new Dictionary<string, string[]>();
        StoredText.Check(errors, "circumstance", StoredText.TextRefusal(input.Circumstance));
        StoredText.Check(errors, "recordedBy", StoredText.LineRefusal(input.RecordedBy, StoredText.MaxPersonLength));
        if (!zones.TryFor(input.Zone, out var zone))
        {
            errors["zone"] = [$"One of: {string.Join(", ", zones.All.Select(z => z.Zone))}."];
            return Checked<ForceMajeureNotice>.Refused(Problems.Validation(errors));
        }
        var today = rules.CalendarOf(zone.Zone).LocalDate(now);
        CheckDates(errors, input, today);
        if (errors.Count > 0) return Checked<ForceMajeureNotice>.Refused(Problems.Validation(errors));

        ForceMajeureDeadlines deadlines;
        try
        {
            deadlines = rules.ForceMajeure(zone.Zone).DeadlinesFor(input.StartedOn);
        }
        catch (DateOutsideCalendarException e)
        {
            return Checked<ForceMajeureNotice>.Refused(Problems.CalendarMissing(e.Message));
        }
        var draft = new ForceMajeureNotice(DraftNoticeId, zone.Zone, input.Party, input.Circumstance, input.StartedOn,
            input.NotifiedOn, input.ProvedOn, deadlines, input.RecordedBy.Trim(), now);
        return DocumentLimits.Fits(draft) && IdempotentRequests.CanKeep(ForceMajeureNoticeView.Of(draft, today), now)
            ? Checked<ForceMajeureNotice>.Passed(draft)
            : Checked<ForceMajeureNotice>.Refused(Problems.Validation("circumstance", "The notice is too long to keep; shorten it."));
    }

    private async Task<IResult> RecordCheckedAsync(ForceMajeureNotice notice, string client, CancellationToken ct)
    {
        var recorded = await StoreAsync(notice, ct);
        // Dated as the notice records it: a retry of the key finds the entry its first attempt wrote, or writes the one it failed to.
        await audit.AppendOnceAsync(new AuditEntry<ForceMajeureAudit>(recorded.NoticeId, recorded.RecordedAt, recorded.RecordedBy, "recorded",
            new ForceMajeureAudit(client, recorded.Zone, recorded.Party, recorded.Deadlines)), recorded.NoticeId, ct);
        var today = rules.CalendarOf(recorded.Zone).LocalDate(clock.GetUtcNow());
        return TypedResults.Created((string?)null, ForceMajeureNoticeView.Of(recorded, today));
    }

    /// <returns>The notice as stored: the first attempt's, when a retry of its key finds it.</returns>
    private async Task<ForceMajeureNotice> StoreAsync(ForceMajeureNotice notice, CancellationToken ct)
    {
        try
        {
            return (await notices.CreateAsync(notice, ct)).Document;
        }
        catch (DocumentAlreadyExistsException)
        {
            return (await notices.GetAsync(notice.NoticeId, ct))!.Document;
        }
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        var now = clock.GetUtcNow();
        var views = new List<ForceMajeureNoticeView>();
        await foreach (var notice in notices.ListAsync(ct))
            views.Add(ForceMajeureNoticeView.Of(notice, rules.CalendarOf(notice.Zone).LocalDate(now)));
        return new PrivateResult(TypedResults.Ok(views.OrderByDescending(v => v.StartedOn).ThenByDescending(v => v.RecordedAt).ToList()));
    }

    /// <summary>Each date on or after the start, and none after today: a notice records what happened.</summary>
    private static void CheckDates(Dictionary<string, string[]> errors, RecordForceMajeureNotice input, DateOnly today)
    {
        // No contract here began before 2000: an earlier start is a typing error, not a calendar file for operations to add.
        if (input.StartedOn < PersonalDataRetention.EarliestReply)
            errors["startedOn"] = [$"Before {PersonalDataRetention.EarliestReply:yyyy-MM-dd}, when no contract here had begun."];
        else if (input.StartedOn > today) errors["startedOn"] = [$"After today ({today:yyyy-MM-dd})."];
        if (input.NotifiedOn < input.StartedOn) errors["notifiedOn"] = ["Before the force majeure started."];
        else if (input.NotifiedOn > today) errors["notifiedOn"] = [$"After today ({today:yyyy-MM-dd})."];
        if (input.ProvedOn is { } proved && proved < input.StartedOn) errors["provedOn"] = ["Before the force majeure started."];
        // UA-7.3: the documents prove a force majeure already notified, so they come on the notice's day or after it.
        else if (input.ProvedOn < input.NotifiedOn) errors["provedOn"] = [$"Before the notice ({input.NotifiedOn:yyyy-MM-dd}): the proof follows the notice (UA-7.3)."];
        else if (input.ProvedOn > today) errors["provedOn"] = [$"After today ({today:yyyy-MM-dd})."];
    }
}
