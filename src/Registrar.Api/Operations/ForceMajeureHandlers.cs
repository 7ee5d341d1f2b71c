using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>
/// KZ-5.6, UA-7.2, UA-7.3: operations record a force majeure notice; its deadlines are counted from the day it started
/// under the zone's offer, kept with it, and each notice is shown with whether it was given, and proved, in time.
/// </summary>
public sealed class ForceMajeureHandlers(
    ClientAuthenticator authenticator, ZoneCatalog zones, ContractRules rules, IForceMajeureNoticeStore notices,
    IAuditLog<ForceMajeureAudit> audit, TimeProvider clock)
{
    public async Task<IResult> RecordAsync(HttpRequest request, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var body = await StrictJson.ReadAsync<RecordForceMajeureNotice>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var input = body.Value!;
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        StoredText.Check(errors, "circumstance", StoredText.TextRefusal(input.Circumstance));
        StoredText.Check(errors, "recordedBy", StoredText.LineRefusal(input.RecordedBy, StoredText.MaxPersonLength));
        if (!zones.TryFor(input.Zone, out var zone))
        {
            errors["zone"] = [$"One of: {string.Join(", ", zones.All.Select(z => z.Zone))}."];
            return Problems.Validation(errors);
        }
        var today = rules.CalendarOf(zone.Zone).LocalDate(now);
        CheckDates(errors, input, today);
        if (errors.Count > 0) return Problems.Validation(errors);

        ForceMajeureDeadlines deadlines;
        try
        {
            deadlines = rules.ForceMajeure(zone.Zone).DeadlinesFor(input.StartedOn);
        }
        catch (DateOutsideCalendarException e)
        {
            return Problems.CalendarMissing(e.Message);
        }
        var notice = new ForceMajeureNotice($"F{Guid.NewGuid():N}"[..17], zone.Zone, input.Party, input.Circumstance, input.StartedOn,
            input.NotifiedOn, input.ProvedOn, deadlines, input.RecordedBy.Trim(), now);
        if (!DocumentLimits.Fits(notice)) return Problems.Validation("circumstance", "The notice is too long to keep; shorten it.");
        await notices.CreateAsync(notice, ct);
        await audit.AppendAsync(new AuditEntry<ForceMajeureAudit>(notice.NoticeId, now, notice.RecordedBy, "recorded",
            new ForceMajeureAudit(operations.Principal!.Name, notice.Zone, notice.Party, deadlines)), ct);
        return new PrivateResult(TypedResults.Created((string?)null, ForceMajeureNoticeView.Of(notice, today)));
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
        if (input.StartedOn > today) errors["startedOn"] = [$"After today ({today:yyyy-MM-dd})."];
        if (input.NotifiedOn < input.StartedOn) errors["notifiedOn"] = ["Before the force majeure started."];
        else if (input.NotifiedOn > today) errors["notifiedOn"] = [$"After today ({today:yyyy-MM-dd})."];
        if (input.ProvedOn is { } proved && proved < input.StartedOn) errors["provedOn"] = ["Before the force majeure started."];
        else if (input.ProvedOn > today) errors["provedOn"] = [$"After today ({today:yyyy-MM-dd})."];
    }
}
