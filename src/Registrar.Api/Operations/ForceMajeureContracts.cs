using Registrar.Core.Contracts;

namespace Registrar.Api.Operations;

/// <summary>POST /api/ops/force-majeure: a force majeure notice given or received (KZ-5.6, UA-7.2, UA-7.3).</summary>
/// <param name="Zone">The zone whose offer the notice falls under ("kz", "ua", …).</param>
/// <param name="Party">Who invokes force majeure: Registrar or Registrant.</param>
/// <param name="Circumstance">What happened.</param>
/// <param name="StartedOn">The day the circumstances began.</param>
/// <param name="NotifiedOn">The day the other party was notified.</param>
/// <param name="ProvedOn">The day documentary proof was given; omitted while it has not been.</param>
/// <param name="RecordedBy">The person recording it.</param>
public sealed record RecordForceMajeureNotice(
    string Zone, ContractParty Party, string Circumstance, DateOnly StartedOn, DateOnly NotifiedOn, string RecordedBy, DateOnly? ProvedOn = null);

/// <summary>A notice with its deadlines and whether each was met, as of today in the registrar's time zone.</summary>
/// <param name="NotifiedInTime">KZ-5.6 / UA-7.2.</param>
/// <param name="Proof">UA-7.3: NotRequired, Awaited, InTime, Late or Missing.</param>
/// <param name="Late">Notified late, or proved late, or the proof's deadline passed without it.</param>
public sealed record ForceMajeureNoticeView(
    string NoticeId,
    string Zone,
    ContractParty Party,
    string Circumstance,
    DateOnly StartedOn,
    DateOnly NotifiedOn,
    DateOnly? ProvedOn,
    DateOnly NotifyBy,
    string NotifyRule,
    bool NotifiedInTime,
    DateOnly? ProveBy,
    string? ProveRule,
    ForceMajeureProof Proof,
    bool Late,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public static ForceMajeureNoticeView Of(ForceMajeureNotice notice, DateOnly today) => new(notice.NoticeId, notice.Zone, notice.Party,
        notice.Circumstance, notice.StartedOn, notice.NotifiedOn, notice.ProvedOn, notice.Deadlines.NotifyBy, notice.Deadlines.NotifyRule,
        notice.NotifiedInTime, notice.Deadlines.ProveBy, notice.Deadlines.ProveRule, notice.ProofOn(today), notice.IsLateOn(today),
        notice.RecordedBy, notice.RecordedAt);
}

/// <summary>What the audit log keeps of a recorded notice.</summary>
public sealed record ForceMajeureAudit(string Client, string Zone, ContractParty Party, ForceMajeureDeadlines Deadlines);

/// <summary>UA-7.3: the documents proving a force majeure, given after its notice (POST /api/ops/force-majeure/{noticeId}/proof).</summary>
/// <param name="ProvedOn">The registrar's local date the documents were given.</param>
public sealed record RecordForceMajeureProof(DateOnly ProvedOn, string RecordedBy);
