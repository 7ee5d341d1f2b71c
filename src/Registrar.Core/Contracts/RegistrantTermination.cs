namespace Registrar.Core.Contracts;

/// <summary>
/// UA-6.1: the registrant may refuse the registrar's services at any time, warning the registrar the zone's number of
/// days (<see cref="Zones.TerminationTerms.RegistrantNoticeDays"/>) before the date the contract is to end.
/// </summary>
public sealed class RegistrantTermination(int noticeDays)
{
    public const string Rule = "UA-6.1";

    /// <summary>The earliest date a contract ends on after a notice given on <paramref name="noticeOn"/>.</summary>
    public DateOnly EarliestEndAfter(DateOnly noticeOn) => noticeOn.AddDays(noticeDays);

    /// <summary>Whether a notice given on <paramref name="noticeOn"/> may end the contract on <paramref name="requestedEnd"/>:
    /// not before the notice's days have run.</summary>
    public bool GivesNoticeFor(DateOnly noticeOn, DateOnly requestedEnd) => requestedEnd >= EarliestEndAfter(noticeOn);
}
