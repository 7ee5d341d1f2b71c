using System.Text.Json.Serialization;

namespace Registrar.Core.Contracts;

/// <summary>
/// A force majeure notice as operations record it (KZ-5.6, UA-7.2, UA-7.3), with the deadlines it was measured against
/// when it was recorded: a later change of the offer's terms does not move them.
/// </summary>
/// <param name="Zone">The zone whose offer the notice is given under.</param>
/// <param name="Circumstance">What happened, in operations' words.</param>
/// <param name="ProvedOn">When documentary proof was given; null while it has not been.</param>
/// <param name="RecordedBy">The person who recorded it.</param>
public sealed record ForceMajeureNotice(
    string NoticeId,
    string Zone,
    ContractParty Party,
    string Circumstance,
    DateOnly StartedOn,
    DateOnly NotifiedOn,
    DateOnly? ProvedOn,
    ForceMajeureDeadlines Deadlines,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    [JsonIgnore]
    public bool NotifiedInTime => Deadlines.NotifiedInTime(NotifiedOn);

    public ForceMajeureProof ProofOn(DateOnly today) => Deadlines.Proof(ProvedOn, today);

    /// <summary>Notified late, or proved late, or the proof's deadline passed without it.</summary>
    public bool IsLateOn(DateOnly today) =>
        !NotifiedInTime || ProofOn(today) is ForceMajeureProof.Late or ForceMajeureProof.Missing;
}
