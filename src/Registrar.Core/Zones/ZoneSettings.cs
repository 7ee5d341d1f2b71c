using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Tariffs;

namespace Registrar.Core.Zones;

// The small value types a ZonePolicy is made of. Each names the contract rule it implements
// (Rule) and whether its figure is a default chosen here rather than taken from an offer.

/// <summary>KZ-3.3: an invoice is payable within <paramref name="BankingDays"/> banking days of issue.</summary>
public sealed record PaymentWindow(int BankingDays, string Rule, bool IsDefault = false);

/// <summary>KZ-2.1, KZ-2.3: something the registrar must carry out within a number of business days.</summary>
public sealed record ServiceDeadline(int BusinessDays, string Rule, bool IsDefault = false);

/// <summary>
/// KZ-2.7: a renewal must be paid no later than <paramref name="BankingDaysBeforeExpiry"/> banking
/// days before expiry. UA-1.10: zero means by the expiry instant itself.
/// </summary>
public sealed record RenewalDeadline(int BankingDaysBeforeExpiry, string Rule, bool IsDefault = false)
{
    public bool IsAtExpiry => BankingDaysBeforeExpiry == 0;

    /// <summary>
    /// The instant a renewal payment is late from: the end, in the registrar's local time, of the
    /// N-th banking day before the last local date the domain is held on; or the expiry instant itself when N is 0.
    /// </summary>
    /// <param name="calendar">The zone's calendar (<see cref="ZonePolicy.CalendarCountry"/>).</param>
    /// <exception cref="DateOutsideCalendarException">The expiry is outside the calendar data's years.</exception>
    public DateTimeOffset DueAt(DateTimeOffset expiry, BusinessCalendar calendar)
    {
        if (IsAtExpiry)
            return expiry;
        var lastBankingDay = calendar.AddBusinessDays(LastDayHeld(expiry, calendar), -BankingDaysBeforeExpiry);
        var endLocal = lastBankingDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(endLocal, calendar.TimeZone.GetUtcOffset(endLocal));
    }

    /// <summary>KZ-2.7 counts back from the end of the registration term: an expiry at local midnight ends the day before, which
    /// is the last day held, as it is for an expiry a second earlier.</summary>
    public static DateOnly LastDayHeld(DateTimeOffset expiry, BusinessCalendar calendar) => calendar.LocalDate(expiry.AddTicks(-1));
}

/// <summary>
/// KZ-2.6: warnings sent to the contact e-mail, each once: so many days before expiry, on the
/// renewal deadline, on expiry, and (where the registrant keeps renewal priority) after expiry.
/// </summary>
public sealed record ReminderSchedule(
    IReadOnlyList<int> DaysBeforeExpiry,
    bool OnRenewalDeadline,
    bool OnExpiry,
    IReadOnlyList<int> DaysAfterExpiry,
    string Rule,
    bool IsDefault = false)
{
    /// <summary>The reminders for one expiry, in time order, each with a key that identifies it for "sent once".</summary>
    /// <param name="timeZone">The registrar's time zone (the zone's calendar's): "30 days before expiry" counts its days, so a
    /// warning comes at the expiry's local time of day even when the clocks change in between (a span of 30 × 24 hours
    /// would send a Kyiv summer expiry's winter warnings an hour early).</param>
    public IReadOnlyList<ScheduledReminder> For(DateTimeOffset expiry, DateTimeOffset renewalDeadline, TimeZoneInfo timeZone)
    {
        var reminders = new List<ScheduledReminder>(BeforeExpiry(expiry, timeZone));
        if (OnRenewalDeadline)
            reminders.Add(new ScheduledReminder(ReminderKind.RenewalDeadline, 0, renewalDeadline));
        if (OnExpiry)
            reminders.Add(new ScheduledReminder(ReminderKind.Expiry, 0, expiry));
        reminders.AddRange(DaysAfterExpiry.Select(days =>
            new ScheduledReminder(ReminderKind.AfterExpiry, days, LocalDays.SameTimeDaysAfter(expiry, days, timeZone))));
        return reminders.OrderBy(r => r.At).ThenBy(r => r.Kind).ToList();
    }

    /// <summary>The warnings so many calendar days before expiry: the ones counted without a banking day.</summary>
    public IReadOnlyList<ScheduledReminder> BeforeExpiry(DateTimeOffset expiry, TimeZoneInfo timeZone) =>
        DaysBeforeExpiry.Select(days => new ScheduledReminder(ReminderKind.BeforeExpiry, days, LocalDays.SameTimeDaysAfter(expiry, -days, timeZone)))
            .OrderBy(r => r.At).ToList();

    // Lists compare by content, so two loads of the same data give equal policies.
    public bool Equals(ReminderSchedule? other) => other is not null
        && DaysBeforeExpiry.SequenceEqual(other.DaysBeforeExpiry) && OnRenewalDeadline == other.OnRenewalDeadline
        && OnExpiry == other.OnExpiry && DaysAfterExpiry.SequenceEqual(other.DaysAfterExpiry)
        && Rule == other.Rule && IsDefault == other.IsDefault;

    public override int GetHashCode() => HashCode.Combine(DaysBeforeExpiry.Count, OnRenewalDeadline, OnExpiry, Rule);
}

public enum ReminderKind { BeforeExpiry, RenewalDeadline, Expiry, AfterExpiry }

/// <param name="Days">Days before or after expiry; 0 for the deadline and expiry reminders.</param>
public sealed record ScheduledReminder(ReminderKind Kind, int Days, DateTimeOffset At)
{
    /// <summary>Stable within one expiry: "before-expiry-30d", "renewal-deadline", "expiry", "after-expiry-7d".</summary>
    public string Key => Kind switch
    {
        ReminderKind.BeforeExpiry => $"before-expiry-{Days}d",
        ReminderKind.RenewalDeadline => "renewal-deadline",
        ReminderKind.Expiry => "expiry",
        _ => $"after-expiry-{Days}d",
    };
}

/// <summary>
/// KZ-2.8: an unpaid .kz domain is deleted after expiry and becomes free for anyone.
/// UA-1.10 / UA-1.12: an unpaid .ua domain is deleted at the latest <paramref name="DaysAfterExpiry"/>
/// days after expiry, and until then the registrant keeps priority to renew.
/// </summary>
public sealed record DeletionRule(
    int DaysAfterExpiry,
    bool RenewalPriorityUntilDeletion,
    bool NameBecomesFree,
    string Rule,
    bool IsDefault = false)
{
    /// <summary>UA-1.12 "до 28 днів після закінчення терміну реєстрації": at the latest, and the registry counts its days as
    /// 28 × 24 hours, while the registrar's days keep the expiry's local time of day when the clocks change in between. The
    /// earlier of the two: across an autumn change the local count ends an hour after the registry has begun deleting the
    /// domain, and a payment taken in that hour could no longer renew it.</summary>
    /// <param name="timeZone">The registrar's time zone (the zone's calendar's).</param>
    public DateTimeOffset DeletionDueAt(DateTimeOffset expiry, TimeZoneInfo timeZone)
    {
        var localDays = LocalDays.SameTimeDaysAfter(expiry, DaysAfterExpiry, timeZone);
        var registryDays = expiry + TimeSpan.FromDays(DaysAfterExpiry);
        return localDays < registryDays ? localDays : registryDays;
    }

    /// <summary>Whether the registrant may still renew at <paramref name="now"/>.</summary>
    public bool RegistrantMayRenew(DateTimeOffset expiry, DateTimeOffset now, TimeZoneInfo timeZone) =>
        now < expiry || (RenewalPriorityUntilDeletion && now < DeletionDueAt(expiry, timeZone));
}

/// <summary>UA-1.11: a renewal after expiry may have its own price (the redemption tariff).</summary>
public sealed record RedemptionRule(bool AppliesAfterExpiry, string Rule)
{
    /// <summary>The tariff operation a renewal paid at <paramref name="now"/> is priced with.</summary>
    public TariffOperation RenewalOperation(DateTimeOffset expiry, DateTimeOffset now) =>
        AppliesAfterExpiry && now >= expiry ? TariffOperation.RedemptionRenewal : TariffOperation.Renew;
}

/// <summary>
/// KZ-2.3: where <paramref name="SelfService"/>, the customer changes DNS and contacts in the
/// control panel at once; otherwise each change is a request the registrar carries out within
/// <paramref name="RequestDeadline"/>.
/// </summary>
public sealed record ChangeHandling(bool SelfService, ServiceDeadline? RequestDeadline, string Rule);

/// <summary>
/// UA-2.1.1 / KZ-App-8: the characters a registrable label may use in its Unicode form.
/// UA-Pre-7: whether a name directly under this zone needs a matching trademark.
/// </summary>
public sealed record NameRules(string AllowedCharacters, string Repertoire, bool RequiresTrademark, string Rule)
{
    /// <summary>The first character of <paramref name="unicodeLabel"/> outside the repertoire, or null.</summary>
    public string? FirstDisallowedCharacter(string unicodeLabel)
    {
        foreach (var rune in unicodeLabel.EnumerateRunes())
            if (!AllowedCharacters.Contains(rune.ToString(), StringComparison.Ordinal))
                return rune.ToString();
        return null;
    }
}

public enum WhoisField
{
    DomainName,
    Status,
    Expiry,
    NameServers,
    Registrar,
    RegistrantOrganization,
    RegistrantCountry,
    RegistrantName,
    RegistrantAddress,
    RegistrantEmail,
    RegistrantPhone,
}

/// <summary>
/// KZ-App-10.3: the zone decides which fields the public WHOIS/RDAP answer shows.
/// UA-1.15: where <paramref name="AlwaysHidePersonalData"/>, personal data are never shown,
/// whether or not the registrant asked.
/// </summary>
public sealed record WhoisDisclosure(
    bool AlwaysHidePersonalData,
    IReadOnlyList<WhoisField> PublishedFields,
    string Rule,
    bool IsDefault = false)
{
    public static bool IsPersonal(WhoisField field) => field is WhoisField.RegistrantName
        or WhoisField.RegistrantAddress or WhoisField.RegistrantEmail or WhoisField.RegistrantPhone;

    public bool Publishes(WhoisField field, bool registrantAskedToHide)
    {
        if (IsPersonal(field) && (AlwaysHidePersonalData || registrantAskedToHide))
            return false;
        return PublishedFields.Contains(field);
    }

    public bool Equals(WhoisDisclosure? other) => other is not null
        && AlwaysHidePersonalData == other.AlwaysHidePersonalData && PublishedFields.SequenceEqual(other.PublishedFields)
        && Rule == other.Rule && IsDefault == other.IsDefault;

    public override int GetHashCode() => HashCode.Combine(AlwaysHidePersonalData, PublishedFields.Count, Rule);
}

/// <summary>KZ-1.1 / UA-1.6: a term is a whole number of years, at least <paramref name="MinYears"/>. <paramref name="MaxYears"/>
/// is the registry's maximum registration period (RFC 5731 section 3.2.3, 10 years at KazNIC and Hostmaster): no order's
/// term is longer, and no renewal takes the expiry further than that from the moment it is asked.</summary>
public sealed record RegistrationTerm(int MinYears, int MaxYears, string Rule)
{
    /// <summary>The rule a renewal past the registry's maximum breaks: the registry would refuse it (2306).</summary>
    public const string RegistryMaximumRule = "RFC 5731 section 3.2.3";

    /// <summary>UA-1.7: a renewal, and the invoice that bills it, adds one term of a year to the previous expiry.</summary>
    public const int RenewalYears = 1;

    public bool Allows(int years) => years >= MinYears && years <= MaxYears;

    /// <summary>The furthest expiry the registry accepts for a command carried out at <paramref name="now"/>.</summary>
    public DateTimeOffset LatestExpiry(DateTimeOffset now) => now.AddYears(MaxYears);

    /// <summary>RFC 5731 section 3.2.3: whether renewing <paramref name="expiry"/> by <paramref name="years"/> at
    /// <paramref name="now"/> stays within the registry's maximum registration period.</summary>
    public bool RenewalFits(DateTimeOffset expiry, int years, DateTimeOffset now) => expiry.AddYears(years) <= LatestExpiry(now);
}

/// <summary>
/// Notice periods in calendar days, null where the zone's offer sets none.
/// UA-1.3.4.1: the registrar's unilateral termination takes effect this long after its notice.
/// UA-6.1: the registrant ends the contract with this much notice.
/// KZ-App-4: a breach notice gives this long to cure.
/// UA-6.2 / UA-6.3: an early termination by the registrar refunds whole unused months.
/// </summary>
public sealed record TerminationTerms(
    int? RegistrarNoticeDays,
    int? RegistrantNoticeDays,
    int? BreachCureDays,
    bool RefundsWholeUnusedMonths,
    string Rule);
