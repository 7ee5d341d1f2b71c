using Registrar.Core.Calendars;

namespace Registrar.Core.Contracts;

/// <summary>
/// UA-1.3.4.1: the registrar ends the contract on its own by sending the registrant an official letter by e-mail; the
/// contract counts as ended once the zone's notice period (<see cref="Zones.TerminationTerms.RegistrarNoticeDays"/>,
/// 30 days) after sending has run, that is when its last day ends in the registrar's time zone.
/// </summary>
public sealed class RegistrarTermination(int noticeDays, BusinessCalendar calendar)
{
    public const string Rule = "UA-1.3.4.1";

    public TerminationEffect AfterNoticeSentAt(DateTimeOffset noticeSentAt) =>
        new(LocalDays.EndOf(calendar.LocalDate(noticeSentAt).AddDays(noticeDays), calendar), Rule);
}
