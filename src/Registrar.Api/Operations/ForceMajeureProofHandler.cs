using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Contracts;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Operations;

/// <summary>
/// UA-7.3: the party invoking force majeure proves it with documents within 30 days, often after its notice was recorded:
/// operations record the day the proof came, once, and the notice then shows whether it came in time. The same day
/// recorded again is answered as before; another day is a conflict, since a proof is given once.
/// </summary>
public sealed class ForceMajeureProofHandler(
    ClientAuthenticator authenticator, ContractRules rules, IForceMajeureNoticeStore notices, IAuditLog<ForceMajeureAudit> audit, TimeProvider clock)
{
    // Notice ids are "F" and 16 hex digits, or a Guid's 32 in notices recorded before; nothing longer is looked up.
    private const int MaxNoticeIdLength = 40;

    public async Task<IResult> RecordAsync(HttpRequest request, string noticeId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var body = await StrictJson.ReadAsync<RecordForceMajeureProof>(request, ct);
        if (body.Problem is not null) return body.Problem;
        var proof = body.Value!;
        if (StoredText.LineRefusal(proof.RecordedBy, StoredText.MaxPersonLength) is { } refusal) return Problems.Validation("recordedBy", refusal);
        var stored = noticeId.Length <= MaxNoticeIdLength ? await notices.GetAsync(noticeId, ct) : null;
        if (stored is null) return Problems.Missing("The force majeure notice");

        var notice = stored.Document;
        var today = rules.CalendarOf(notice.Zone).LocalDate(clock.GetUtcNow());
        if (proof.ProvedOn < notice.StartedOn) return Problems.Validation("provedOn", "Before the force majeure started.");
        // UA-7.3: the documents prove a force majeure already notified, so they come on the notice's day or after it.
        if (proof.ProvedOn < notice.NotifiedOn)
            return Problems.Validation("provedOn", $"Before the notice ({notice.NotifiedOn:yyyy-MM-dd}): the proof follows the notice (UA-7.3).");
        if (proof.ProvedOn > today) return Problems.Validation("provedOn", $"After today ({today:yyyy-MM-dd}).");
        if (notice.ProvedOn is { } earlier)
            return earlier == proof.ProvedOn
                ? new PrivateResult(TypedResults.Ok(ForceMajeureNoticeView.Of(notice, today)))
                : Problems.Conflict($"The proof of this force majeure was recorded as given on {earlier:yyyy-MM-dd}; a proof is given once.");

        ForceMajeureNotice proved;
        try
        {
            proved = (await notices.UpdateAsync(stored, notice with { ProvedOn = proof.ProvedOn }, ct)).Document;
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Conflict($"Force majeure notice '{noticeId}' was changed meanwhile; read it and record the proof again.");
        }
        await audit.AppendAsync(new AuditEntry<ForceMajeureAudit>(noticeId, clock.GetUtcNow(), proof.RecordedBy.Trim(), "proved",
            new ForceMajeureAudit(operations.Principal!.Name, proved.Zone, proved.Party, proved.Deadlines)), ct);
        return new PrivateResult(TypedResults.Ok(ForceMajeureNoticeView.Of(proved, today)));
    }
}
