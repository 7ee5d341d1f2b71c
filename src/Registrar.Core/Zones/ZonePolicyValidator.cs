namespace Registrar.Core.Zones;

/// <summary>Range checks on a policy read from data, so that operations' mistakes fail loudly at load.</summary>
internal static class ZonePolicyValidator
{
    public static void Validate(ZonePolicy policy)
    {
        var zone = policy.Zone;
        Require(zone.Length > 0 && zone == ZoneNames.Normalise(zone), zone, "zone",
            "must be lower case without leading or trailing dots");
        Require(ZoneNames.ToUnicode(policy.AsciiZone) == zone, zone, "zone",
            $"must be written in its Unicode form ('{ZoneNames.ToUnicode(policy.AsciiZone)}'), which is how people see it");
        Require(policy.RegistryId.Length > 0, zone, "registryId", "must name the registry");
        Require(policy.CalendarCountry.Length == 2 && policy.CalendarCountry.All(char.IsAsciiLetterUpper), zone,
            "calendarCountry", "must be an ISO 3166 two-letter code such as KZ or UA");
        Require(policy.InvoicePaymentWindow.BankingDays >= 1, zone, "invoicePaymentWindow.bankingDays", "must be at least 1");
        Require(policy.RegistrationAfterPayment.BusinessDays >= 1, zone, "registrationAfterPayment.businessDays", "must be at least 1");
        Require(policy.RenewalDeadline.BankingDaysBeforeExpiry >= 0, zone, "renewalDeadline.bankingDaysBeforeExpiry",
            "must be 0 (by the expiry instant) or more");
        ValidateReminders(zone, policy.Reminders);
        Require(policy.Deletion.DaysAfterExpiry >= 0, zone, "deletion.daysAfterExpiry", "must be 0 or more");
        Require(policy.Changes.SelfService == (policy.Changes.RequestDeadline is null), zone, "changes",
            "a zone either lets the customer self-serve (no requestDeadline) or sets a requestDeadline (KZ-2.3)");
        Require(policy.Changes.RequestDeadline is null || policy.Changes.RequestDeadline.BusinessDays >= 1, zone,
            "changes.requestDeadline.businessDays", "must be at least 1");
        Require(policy.Names.AllowedCharacters.Length > 0 && !policy.Names.AllowedCharacters.Contains('.')
                && policy.Names.AllowedCharacters == policy.Names.AllowedCharacters.ToLowerInvariant(), zone,
            "names.allowedCharacters", "must list lower-case label characters, without '.'");
        // UA-1.15: a zone that always hides personal data cannot also publish a personal field.
        var personal = policy.Whois.PublishedFields.FirstOrDefault(WhoisDisclosure.IsPersonal);
        Require(!policy.Whois.AlwaysHidePersonalData || !policy.Whois.PublishedFields.Any(WhoisDisclosure.IsPersonal), zone,
            "whois.publishedFields", $"lists the personal field {personal} although the zone always hides personal data (UA-1.15)");
        Require(policy.Term.MinYears >= 1 && policy.Term.MaxYears >= policy.Term.MinYears, zone, "term",
            "must be whole years with 1 <= minYears <= maxYears (UA-1.6)");
        var termination = policy.Termination;
        Require(termination.RegistrarNoticeDays is null or >= 0 && termination.RegistrantNoticeDays is null or >= 0
                && termination.BreachCureDays is null or >= 0, zone, "termination", "notice periods cannot be negative");
    }

    private static void ValidateReminders(string zone, ReminderSchedule reminders)
    {
        Require(reminders.DaysBeforeExpiry.All(d => d >= 1) && reminders.DaysAfterExpiry.All(d => d >= 1), zone,
            "reminders", "days before or after expiry must be at least 1 (use onExpiry for the day itself)");
        Require(reminders.DaysBeforeExpiry.Distinct().Count() == reminders.DaysBeforeExpiry.Count
                && reminders.DaysAfterExpiry.Distinct().Count() == reminders.DaysAfterExpiry.Count, zone,
            "reminders", "lists the same day twice; each warning is sent once");
    }

    private static void Require(bool condition, string zone, string setting, string problem)
    {
        if (!condition)
            throw new ZoneDataException($"Zone '{zone}', setting '{setting}': {problem}.");
    }
}
