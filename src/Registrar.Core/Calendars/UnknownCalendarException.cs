namespace Registrar.Core.Calendars;

/// <summary>No business-day calendar is loaded for the requested country.</summary>
public sealed class UnknownCalendarException(string country, IEnumerable<string> knownCountries)
    : ArgumentException($"'{country}' has no business-day calendar; expected one of: " +
                        string.Join(", ", knownCountries) + " (ISO 3166-1 alpha-2 country codes).")
{
    public string Country { get; } = country;
}
