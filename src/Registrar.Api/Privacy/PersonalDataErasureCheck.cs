using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Contracts;
using Registrar.Core.Lifecycle;
using Registrar.Core.Operations;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Privacy;

/// <summary>
/// UA-Pre-6: carries out the erasures that fell due, read from the schedule by due instant. Each is judged against the
/// registration as it stands now: erased (or, while the host cannot erase its lifecycle's history yet, asked again an hour
/// later), moved to when it is really due, dropped when the registration lives again, or,
/// requested while the domain is still held, asked again later and put before operations where the request does not end
/// the contract by itself. An erasure leaves the schedule only once carried out, so a run stopped midway does it again.
/// Both hosts run it periodically.
/// </summary>
public sealed class PersonalDataErasureCheck(
    IErasureSchedule schedule,
    IRegistrationViews views,
    PersonalDataEraser eraser,
    IReviewList review,
    ContractRules rules,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<PersonalDataErasureCheck> logger)
{
    public const string ReviewKind = "erasure";

    /// <summary>How long an erasure waits for a lifecycle that has not finished; the Functions app's timer runs hourly.</summary>
    public static readonly TimeSpan LifecycleRunningRetry = TimeSpan.FromHours(1);

    /// <returns>How many registrations' personal data were erased.</returns>
    public async Task<int> RunAsync(ILifecycleHistoryEraser history, CancellationToken ct)
    {
        var erased = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var due = await schedule.DueAsync(now, options.Value.ErasureBatchSize, ct);
            foreach (var erasure in due)
                if (await CarryOutAsync(erasure, history, now, ct)) erased++;
            if (due.Count < options.Value.ErasureBatchSize) break;
        }
        if (erased > 0) logger.LogInformation("Personal data erased for {Erased} registrations (UA-Pre-6)", erased);
        return erased;
    }

    private async Task<bool> CarryOutAsync(ErasureDue due, ILifecycleHistoryEraser history, DateTimeOffset now, CancellationToken ct)
    {
        var view = await views.FindAsync(due.RegistrationId, ct);
        var verdict = PersonalDataRetention.Judge(due, view, now, options.Value.TimeZone);
        if (verdict == ErasureVerdict.Erase)
        {
            if (await eraser.EraseAsync(due, history, ct))
            {
                // The ask to end the domain first is answered: it ended, and what it waited for is done.
                await review.ResolveAsync(AwaitingEndItem(due), PersonalDataEraser.Actor, "The domain ended and its personal data were erased (UA-Pre-6).", now, ct);
                await schedule.RemoveAsync(due, ct);
                return true;
            }
            // Its lifecycle has not finished (a failed command left for operations, or its last decision still being carried
            // out): nothing was erased, and it is asked again later rather than read again by this run.
            logger.LogWarning("Personal data of registration {RegistrationId} not erased yet: its lifecycle has not finished (UA-Pre-6)",
                due.RegistrationId);
            await schedule.ScheduleAsync(due with { DueAt = now + LifecycleRunningRetry }, ct);
            await schedule.RemoveAsync(due, ct);
            return false;
        }
        // UA-Pre-6: where the request ends the contract, the domain's lifecycle deletes it, or tells operations why it cannot.
        if (verdict == ErasureVerdict.AwaitsEnd && rules.ErasureRequestEnding(view!.Zone) is null) await FlagAwaitingEndAsync(due, now, ct);
        DateTimeOffset? next = verdict switch
        {
            ErasureVerdict.NotYet when due.Ground == ErasureGround.RetentionEnded => PersonalDataRetention.ErasureDueAt(view!.EndedAt!.Value, options.Value.TimeZone),
            ErasureVerdict.NotYet => due.DueAt,
            // Asked again a day later, when the registration may have ended (a deleted domain ends once the registry purged it).
            ErasureVerdict.AwaitsEnd => now.AddDays(1),
            _ => null,
        };
        if (next == due.DueAt) return false;
        if (next is { } at) await schedule.ScheduleAsync(due with { DueAt = at }, ct);
        await schedule.RemoveAsync(due, ct);
        return false;
    }

    private Task FlagAwaitingEndAsync(ErasureDue due, DateTimeOffset now, CancellationToken ct) =>
        review.AddAsync(new ReviewItem(AwaitingEndItem(due), ReviewKind, due.RegistrationId, "ErasureAwaitsEnd",
            $"A written erasure request ended the contract of registration {due.RegistrationId} on {due.DueAt:u} (UA-Pre-6), " +
            "but its domain is still held at the registry: end it there; its personal data are erased once it has ended.", now), ct);

    private static string AwaitingEndItem(ErasureDue due) => $"erasure-awaits-end:{due.RegistrationId}";
}
