using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Registrar.Core.Zones;

namespace Registrar.Core.Whois;

public enum DisclosureStatus
{
    /// <summary>Recorded from the authority's letter; nothing is disclosed before a second person approves it.</summary>
    Recorded,
    Approved,
    Refused,

    /// <summary>Answered: the record says which fields left, when and by whom.</summary>
    Disclosed,
}

/// <summary>
/// UA-1.16: an official written request from an authorised state body for the current data of one domain's
/// registrant. It is recorded (who asked, on what legal basis, which fields), approved or refused by a person
/// other than the one who recorded it, and only an approved request discloses, once.
/// </summary>
/// <param name="DomainName">The A-label form.</param>
/// <param name="RegistrationId">The registration that held the domain when the request was recorded: the data
/// disclosed are that registration's, never those of whoever holds the name later.</param>
/// <param name="Requester">The authorised body that asked.</param>
/// <param name="LegalBasis">The law and article the request rests on.</param>
/// <param name="DocumentReference">The official letter's number and date.</param>
/// <param name="RequestedFields">Registrant fields only (<see cref="RegistrantFields"/>): the rest is public.</param>
public sealed record DisclosureRequest(
    string RequestId,
    string DomainName,
    string RegistrationId,
    string Requester,
    string LegalBasis,
    string DocumentReference,
    IReadOnlyList<WhoisField> RequestedFields,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    DisclosureStatus Status = DisclosureStatus.Recorded,
    DisclosureDecision? Decision = null,
    DisclosureRecord? Disclosure = null)
{
    /// <summary>UA-1.16: approved by someone other than who recorded it, so no one person discloses alone.</summary>
    public DisclosureStep Approve(string approver, DateTimeOffset at)
    {
        if (Status != DisclosureStatus.Recorded) return AlreadyDecided();
        if (SamePerson(approver, RecordedBy))
            return DisclosureStep.Refused(DisclosureRefusalReason.ApproverRecordedIt,
                $"{RecordedBy} recorded request {RequestId}; UA-1.16 disclosures are approved by someone else.");
        return DisclosureStep.To(this with { Status = DisclosureStatus.Approved, Decision = new DisclosureDecision(true, approver, at) });
    }

    /// <summary>Anyone may refuse, its recorder too: a refusal discloses nothing.</summary>
    public DisclosureStep Refuse(string refuser, string reason, DateTimeOffset at) =>
        Status != DisclosureStatus.Recorded
            ? AlreadyDecided()
            : DisclosureStep.To(this with { Status = DisclosureStatus.Refused, Decision = new DisclosureDecision(false, refuser, at, reason) });

    /// <summary>
    /// The requested fields the registration holds a value for, and the request with the record of exactly
    /// those fields. Only an approved request discloses, and only the data of the registration it was recorded for.
    /// </summary>
    /// <param name="current">Who holds the domain now; null when this registrar no longer holds it.</param>
    public DisclosureStep Disclose(RegisteredDomain? current, string discloser, DateTimeOffset at)
    {
        if (Status != DisclosureStatus.Approved)
            return DisclosureStep.Refused(DisclosureRefusalReason.NotApproved, Status == DisclosureStatus.Disclosed
                ? $"Request {RequestId} was answered at {Disclosure!.At:u}; record a new request to disclose again."
                : $"Request {RequestId} is {Status}; only an approved request discloses (UA-1.16).");
        if (!HeldBy(current)) return HolderChanged();

        var values = ValuesOf(current!, RequestedFields);
        var disclosed = this with { Status = DisclosureStatus.Disclosed, Disclosure = new DisclosureRecord([.. values.Keys], at, discloser) };
        return DisclosureStep.To(disclosed, values);
    }

    /// <summary>
    /// The answer of a disclosure stored whose answer never left: its audit entry was missing, so the attempt failed before
    /// answering, and the retry that writes the entry gives the answer. The fields recorded as disclosed, no other, and only
    /// from the registration the request was recorded for: the record stays what left.
    /// </summary>
    public DisclosureStep AnswerAgain(RegisteredDomain? current)
    {
        if (Disclosure is not { } record) return DisclosureStep.Refused(DisclosureRefusalReason.NotApproved, $"Request {RequestId} is {Status}; nothing was disclosed.");
        return HeldBy(current) ? DisclosureStep.To(this, ValuesOf(current!, record.Fields)) : HolderChanged();
    }

    private bool HeldBy(RegisteredDomain? current) => current is not null && current.Registration.RegistrationId == RegistrationId;

    private DisclosureStep HolderChanged() => DisclosureStep.Refused(DisclosureRefusalReason.HolderChanged,
        $"{DomainName} is no longer held by the registration the request was recorded for; nothing was disclosed.");

    private static Dictionary<WhoisField, string> ValuesOf(RegisteredDomain current, IEnumerable<WhoisField> fields)
    {
        var values = new Dictionary<WhoisField, string>();
        foreach (var field in fields)
            if (current.Registrant is { } registrant && RegistrantFields.ValueOf(registrant, field) is { } value)
                values[field] = value;
        return values;
    }

    private DisclosureStep AlreadyDecided() =>
        DisclosureStep.Refused(DisclosureRefusalReason.AlreadyDecided, $"Request {RequestId} is {Status} already.");

    /// <summary>Names compared as people read them: case, spacing, invisible characters (a zero-width space made "alice" a
    /// second person), compatibility forms (full-width letters) and letters of another script drawn the same (a Cyrillic "О"
    /// made "Olena" a second person) aside.</summary>
    private static bool SamePerson(string a, string b) => string.Equals(Canonical(a), Canonical(b), StringComparison.OrdinalIgnoreCase);

    private static string Canonical(string name)
    {
        var visible = string.Concat(name.Normalize(NormalizationForm.FormKC).Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            .Select(c => LookAlikes.GetValueOrDefault(char.ToLowerInvariant(c), char.ToLowerInvariant(c))));
        return string.Join(' ', visible.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Cyrillic and Greek lower-case letters drawn as a Latin one (after UTS #39's confusables), folded to it.</summary>
    private static readonly FrozenDictionary<char, char> LookAlikes = new Dictionary<char, char>
    {
        ['а'] = 'a', ['в'] = 'b', ['с'] = 'c', ['е'] = 'e', ['һ'] = 'h', ['і'] = 'i', ['ј'] = 'j', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h',
        ['о'] = 'o', ['р'] = 'p', ['ѕ'] = 's', ['т'] = 't', ['х'] = 'x', ['у'] = 'y', ['ү'] = 'y', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w',
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u',
        ['χ'] = 'x', ['γ'] = 'y',
    }.ToFrozenDictionary();
}

/// <param name="By">The person who approved or refused.</param>
/// <param name="Reason">Why a request was refused.</param>
public sealed record DisclosureDecision(bool Approved, string By, DateTimeOffset At, string? Reason = null);

/// <summary>UA-1.16: what was disclosed, when and by whom. The fields, never their values: a copy of personal data
/// kept here would outlive the registrant's erasure (UA-Pre-6).</summary>
public sealed record DisclosureRecord(IReadOnlyList<WhoisField> Fields, DateTimeOffset At, string By);

public enum DisclosureRefusalReason
{
    AlreadyDecided,
    ApproverRecordedIt,
    NotApproved,
    HolderChanged,
}

public sealed record DisclosureRefusal(DisclosureRefusalReason Reason, string Message);

/// <summary>The request after a step, and the disclosed values for a disclosure; or why the step is refused.</summary>
public sealed record DisclosureStep(DisclosureRequest? Request, IReadOnlyDictionary<WhoisField, string> Values, DisclosureRefusal? Refusal)
{
    public static DisclosureStep To(DisclosureRequest request, IReadOnlyDictionary<WhoisField, string>? values = null) =>
        new(request, values ?? new Dictionary<WhoisField, string>(), null);

    public static DisclosureStep Refused(DisclosureRefusalReason reason, string message) =>
        new(null, new Dictionary<WhoisField, string>(), new DisclosureRefusal(reason, message));
}
