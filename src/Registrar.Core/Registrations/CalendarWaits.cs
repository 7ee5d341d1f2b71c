using Registrar.Core.Calendars;

namespace Registrar.Core.Registrations;

/// <summary>
/// KZ-2.7, KZ-3.3: renewal deadlines and invoice windows are counted in the zone's banking days, and a day outside the loaded
/// calendar years is never guessed. A wake-up that needs such a year decides nothing of what fell due: the registration tells
/// operations once which file is missing, checks again every <see cref="CheckInterval"/>, and goes on by itself at the first
/// check after the file is loaded.
/// </summary>
internal static class CalendarWaits
{
    /// <summary>A file is published by a person and read when the hosts next start: checking more often finds it no sooner,
    /// and a wake-up that failed and was tried again at once would decide every second until then.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromHours(1);

    /// <summary>Decides <paramref name="due"/> on a draft of <paramref name="step"/>, taken over only if every banking day it
    /// counts is in the calendars; otherwise the registration waits for the missing year, deciding meanwhile only what
    /// <paramref name="meanwhile"/> counts without one.</summary>
    public static void DecideOrWait(RegistrationStep step, DateTimeOffset now, Action<RegistrationStep> due, Action<RegistrationStep> meanwhile)
    {
        var waited = step.State.Renewal.CalendarWait;
        var draft = step.Draft();
        draft.Update(s => s with { Renewal = s.Renewal with { CalendarWait = null } });
        try
        {
            due(draft);
        }
        catch (DateOutsideCalendarException missing)
        {
            Wait(step, waited, missing, now);
            meanwhile(step);
            return;
        }
        step.Take(draft);
    }

    /// <summary>KZ-2.1, KZ-2.3: a business-day deadline that only guards work going ahead at once (a registration, a change
    /// request) is left unset when it falls in a calendar year not loaded yet: the work goes on, and operations are told which
    /// file is missing, instead of the event failing to apply.</summary>
    public static DateTimeOffset? GuardOrFlag(RegistrationStep step, string guarded, Func<DateTimeOffset?> count)
    {
        try
        {
            return count();
        }
        catch (DateOutsideCalendarException missing)
        {
            step.Flag($"Calendar year {missing.MissingYear} for {missing.Country} is missing: the business-day deadline of {guarded} is not "
                + $"counted on a guess, and it goes ahead without one (KZ-2.1, KZ-2.3). {Publish(missing.Country, missing.MissingYear)}.");
            return null;
        }
    }

    /// <summary>What operations do about a missing year: the file's name and where it goes.</summary>
    public static string Publish(string country, int year) =>
        $"Publish {country.ToLowerInvariant()}-{year}.txt in the calendar corrections folder and restart the hosts";

    public static DateTimeOffset? NextCheck(RegistrationState state) => state.Renewal.CalendarWait?.CheckAgainAt;

    private static void Wait(RegistrationStep step, CalendarWait? waited, DateOutsideCalendarException missing, DateTimeOffset now)
    {
        var wait = new CalendarWait(missing.Country, missing.MissingYear, now + CheckInterval);
        step.Update(s => s with { Renewal = s.Renewal with { CalendarWait = wait } });
        // Told once per missing year: an hourly flag would bury the review list.
        if (waited is not null && (waited.Country, waited.Year) == (wait.Country, wait.Year)) return;
        var state = step.State;
        step.Flag($"Calendar year {wait.Year} for {wait.Country} is missing: what falls due for {state.Order!.DisplayName} " +
            $"(expiry {state.ExpiresAt:u}) cannot be counted in banking days, and nothing of it is decided on a guess (KZ-2.7, KZ-3.3): " +
            "the warnings before expiry go out without the invoice, which follows once the year is loaded (KZ-2.6). " +
            $"{Publish(wait.Country, wait.Year)}: " +
            "the registration is checked again every hour and goes on by itself once the year is loaded.");
    }
}
