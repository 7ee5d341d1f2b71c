using Registrar.Core.Calendars;

namespace Registrar.Core.Contracts;

public enum BreachCancellationRefusal
{
    /// <summary>The customer cured the breach.</summary>
    Cured,

    /// <summary>The time to cure has not run out.</summary>
    CureTimeRunning,
}

/// <summary>Whether the registration may be cancelled for the breach, and until when the customer may cure it.</summary>
public sealed record BreachCancellation(DateTimeOffset CureDeadline, RuleRefusal<BreachCancellationRefusal>? Refusal)
{
    public bool IsAllowed => Refusal is null;
}

/// <summary>
/// KZ-App-4: the registrar gives the customer written notice of a breach; if it is not cured within the zone's number of
/// days (<see cref="Zones.TerminationTerms.BreachCureDays"/>, 30), the registrar may cancel the registration.
/// </summary>
public sealed class BreachCure(int cureDays, BusinessCalendar calendar)
{
    public const string Rule = "KZ-App-4";

    /// <summary>The instant the last day to cure ends, in the registrar's time zone.</summary>
    public DateTimeOffset CureDeadline(DateTimeOffset noticeSentAt) =>
        LocalDays.EndOf(calendar.LocalDate(noticeSentAt).AddDays(cureDays), calendar);

    public BreachCancellation MayCancel(DateTimeOffset noticeSentAt, bool cured, DateTimeOffset at)
    {
        var deadline = CureDeadline(noticeSentAt);
        if (cured)
            return new BreachCancellation(deadline, new RuleRefusal<BreachCancellationRefusal>(BreachCancellationRefusal.Cured, Rule,
                "The breach was cured: the registration stays."));
        if (at < deadline)
            return new BreachCancellation(deadline, new RuleRefusal<BreachCancellationRefusal>(BreachCancellationRefusal.CureTimeRunning, Rule,
                $"The customer may cure the breach for {cureDays} days after the notice, until {deadline:u} ({Rule})."));
        return new BreachCancellation(deadline, null);
    }
}
