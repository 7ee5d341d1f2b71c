using Registrar.Core.Contracts;
using Registrar.Core.Registrations;

namespace Registrar.Core.Privacy;

/// <summary>
/// UA-Pre-6: personal data are kept for the contract's life and five years after it ends, then erased. A registration's
/// contract ends when the registration does (closed, deleted at the registry or transferred to another registrar). A
/// written erasure request is itself the ground for erasing (the offer: "знищення персональних даних ... виконується на
/// підставі письмової заяви"), and the contract ends on the date the registrar's reply names.
/// </summary>
public static class PersonalDataRetention
{
    /// <summary>UA-Pre-6: the consent to processing lasts the contract and the five years after it.</summary>
    public const int YearsAfterContract = 5;

    /// <summary>UA-Pre-6: when the data kept for a contract that ended at <paramref name="contractEndedAt"/> must go: five years
    /// as the registrar counts them, never sooner (an end stored in UTC just before a local midnight would otherwise be
    /// counted from the day before, and a leap day's fifth year would end on 28 February).</summary>
    public static DateTimeOffset ErasureDueAt(DateTimeOffset contractEndedAt, TimeZoneInfo registrarTimeZone) =>
        LocalDays.SameTimeYearsAfter(contractEndedAt, YearsAfterContract, registrarTimeZone);

    /// <summary>No contract under these offers began before this day: a reply dated earlier is a typing error.</summary>
    public static readonly DateOnly EarliestReply = new(2000, 1, 1);

    /// <summary>UA-Pre-6: why <paramref name="repliedOn"/> cannot be the date of the registrar's reply to an erasure request,
    /// or null when it can. The reply is recorded once it was sent, so it is dated today at the latest where the registrar is:
    /// in the zone of any registrar whose contract the customer holds (<paramref name="registrarTimeZones"/>), so a reply the
    /// Almaty registrar dated its today is not refused because Kyiv's day has not begun.</summary>
    public static string? ReplyDateRefusal(DateOnly repliedOn, DateTimeOffset now, IEnumerable<TimeZoneInfo> registrarTimeZones)
    {
        var today = registrarTimeZones.Select(zone => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)).Max();
        if (repliedOn > today) return $"The reply is recorded once sent: dated {today:yyyy-MM-dd} at the latest, where the registrar is.";
        return repliedOn < EarliestReply ? $"No contract here began before {EarliestReply:yyyy-MM-dd}." : null;
    }

    /// <summary>UA-Pre-6: the contract ends from the date the registrar's reply names, at the start of that day where the registrar is.</summary>
    public static DateTimeOffset ContractEndOnReply(DateOnly repliedOn, TimeZoneInfo registrarTimeZone)
    {
        var midnight = repliedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, registrarTimeZone.GetUtcOffset(midnight));
    }

    /// <summary>What to do, at <paramref name="now"/>, with an erasure that fell due, given the registration as it stands.</summary>
    /// <param name="view">The registration's latest view; null when none was ever recorded.</param>
    public static ErasureVerdict Judge(ErasureDue due, RegistrationView? view, DateTimeOffset now, TimeZoneInfo registrarTimeZone)
    {
        if (view is null) return ErasureVerdict.NothingKept;
        if (view.EndedAt is not { } endedAt)
            // Revived since (the registry showed the domain ours again): retention runs from its next end. A request
            // still stands, but a registration live at the registry needs its domain ended first.
            return due.Ground == ErasureGround.ErasureRequest ? ErasureVerdict.AwaitsEnd : ErasureVerdict.NoLongerEnded;
        if (due.Ground == ErasureGround.ErasureRequest) return now >= due.DueAt ? ErasureVerdict.Erase : ErasureVerdict.NotYet;
        return now >= ErasureDueAt(endedAt, registrarTimeZone) ? ErasureVerdict.Erase : ErasureVerdict.NotYet;
    }
}

/// <summary>Why a registration's personal data are to be erased.</summary>
public enum ErasureGround
{
    /// <summary>UA-Pre-6: five years have passed since the registration ended.</summary>
    RetentionEnded,

    /// <summary>UA-Pre-6: the registrant asked in writing; the contract ended on the date of the registrar's reply.</summary>
    ErasureRequest,
}

/// <summary>One registration's personal data falling due for erasure at <paramref name="DueAt"/>.</summary>
public sealed record ErasureDue(string RegistrationId, string CustomerId, DateTimeOffset DueAt, ErasureGround Ground);

public enum ErasureVerdict
{
    /// <summary>Erase now.</summary>
    Erase,

    /// <summary>Not yet: the five years run until the registration's end plus five years.</summary>
    NotYet,

    /// <summary>The registration is live again: nothing is erased, its next end schedules the erasure anew.</summary>
    NoLongerEnded,

    /// <summary>Requested, but the domain is still held at the registry: operations end it, then the data go.</summary>
    AwaitsEnd,

    /// <summary>No registration was ever recorded under the id: nothing of it is kept.</summary>
    NothingKept,
}
