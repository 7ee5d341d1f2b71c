namespace Registrar.Core.Calendars;

/// <summary>
/// A date (or the result of counting business days) lies outside the years a country's calendar data covers.
/// Working days outside the data are never guessed: operations must add that year's file.
/// </summary>
public sealed class DateOutsideCalendarException : ArgumentOutOfRangeException
{
    private DateOutsideCalendarException(string country, DateOnly date, DateOnly firstDate, DateOnly lastDate, int missingYear, string message)
        : base("date", date, message)
    {
        Country = country;
        Date = date;
        FirstDate = firstDate;
        LastDate = lastDate;
        MissingYear = missingYear;
        Message = message;
    }

    /// <summary>What is missing and what to do, without the parameter name and value <see cref="ArgumentOutOfRangeException"/>
    /// appends to it: the API answers with it as a problem's detail, which tells a client nothing of the server's code.</summary>
    public override string Message { get; }

    public string Country { get; }

    public DateOnly Date { get; }

    public DateOnly FirstDate { get; }

    public DateOnly LastDate { get; }

    /// <summary>The year whose file is missing: the date's own, or the first one a count runs into past the data's edge.</summary>
    public int MissingYear { get; }

    internal static DateOutsideCalendarException ForDate(string country, DateOnly date, DateOnly firstDate, DateOnly lastDate) =>
        new(country, date, firstDate, lastDate, date.Year,
            $"{date:yyyy-MM-dd} is outside the {country} business-day calendar, which covers " +
            $"{firstDate:yyyy-MM-dd} to {lastDate:yyyy-MM-dd}. {AddFileAdvice(country, date.Year)}");

    internal static DateOutsideCalendarException ForCount(
        string country, DateOnly date, int days, DateOnly firstDate, DateOnly lastDate)
    {
        var (direction, edge, year) = days > 0
            ? ("after", $"end ({lastDate:yyyy-MM-dd})", lastDate.Year + 1)
            : ("before", $"start ({firstDate:yyyy-MM-dd})", firstDate.Year - 1);
        return new(country, date, firstDate, lastDate, year,
            $"Counting {Math.Abs(days)} business days {direction} {date:yyyy-MM-dd} runs past the {edge} of the " +
            $"{country} business-day calendar. {AddFileAdvice(country, year)}");
    }

    private static string AddFileAdvice(string country, int year) =>
        $"Add the calendar file for {year} ({country.ToLowerInvariant()}-{year}.txt, with that year's holidays " +
        "and transfers) to the calendar data; working days are never guessed.";
}
