using Registrar.Core.Money;

namespace Registrar.Core.Contracts;

/// <summary>A term the customer paid for: <see cref="Months"/> months from <see cref="StartsOn"/>.</summary>
/// <param name="Paid">What was paid for this term alone (one invoice line, or one renewal invoice).</param>
public sealed record PaidTerm(Money.Money Paid, DateOnly StartsOn, int Months)
{
    public static PaidTerm ForYears(Money.Money paid, DateOnly startsOn, int years) => new(paid, startsOn, years * 12);

    public DateOnly EndsOn => StartsOn.AddMonths(Months);

    /// <summary>The start of the term's month number <paramref name="index"/> (0-based), counted from the start each time,
    /// so that a term starting on the 31st has months starting on the 30th or 28th only where the month is short.</summary>
    public DateOnly MonthStart(int index) => StartsOn.AddMonths(index);
}

/// <param name="UnusedWholeMonths">The months after the month the service ended in.</param>
public sealed record RefundLine(PaidTerm Term, int UnusedWholeMonths, Money.Money Refund);

public sealed record RefundQuote(DateOnly TerminatedOn, IReadOnlyList<RefundLine> Lines, Money.Money Total, string Rule);

/// <summary>
/// UA-6.2, UA-6.3: when the registrar ends its service early, the registrant gets back the money for the whole months
/// of unused time; the month in which the service ended is not refunded. Each paid term is split into its months,
/// counted from the term's start: a term not yet started when the service ends is refunded whole, one already over
/// refunds nothing. Each line's refund is the paid amount times unused months over the term's months, rounded to the
/// currency's minor unit (half away from zero), in decimal.
/// </summary>
public sealed class EarlyTerminationRefund
{
    public const string Rule = "UA-6.2, UA-6.3";

    /// <summary>The last day served by a service that ends at <paramref name="endsAt"/>, in the registrar's time zone: an end at
    /// midnight leaves the month starting that midnight wholly unused, and the end instant's own date is the day after, which
    /// would keep that month back ("оплата за місяць, протягом якого обслуговування було припинено").</summary>
    public static DateOnly LastDayServed(DateTimeOffset endsAt, Calendars.BusinessCalendar calendar) => calendar.LocalDate(endsAt.AddTicks(-1));

    /// <param name="terms">The terms paid for, all in one currency.</param>
    /// <param name="terminatedOn">The registrar's local date the service ends.</param>
    /// <exception cref="ArgumentException">No terms, or a term of no months.</exception>
    /// <exception cref="CurrencyMismatchException">The terms were paid in different currencies.</exception>
    public RefundQuote Quote(IReadOnlyList<PaidTerm> terms, DateOnly terminatedOn)
    {
        if (terms.Count == 0) throw new ArgumentException("A refund is quoted for at least one paid term.", nameof(terms));
        if (terms.Any(t => t.Months <= 0)) throw new ArgumentException("Every paid term has at least one month.", nameof(terms));

        var lines = terms.Select(term => LineFor(term, terminatedOn)).ToList();
        var total = lines.Skip(1).Aggregate(lines[0].Refund, (sum, line) => sum + line.Refund);
        return new RefundQuote(terminatedOn, lines, total, Rule);
    }

    /// <summary>Why the service cannot end on <paramref name="terminatedOn"/>: a day before the first paid term began would
    /// quote every month as unused, and a service cannot end before it began. Null for a day it can end on.</summary>
    public static string? DayRefusal(IReadOnlyList<PaidTerm> terms, DateOnly terminatedOn)
    {
        var began = terms.Min(t => t.StartsOn);
        return terminatedOn < began ? $"The service began on {began:yyyy-MM-dd}; it cannot have ended before that (UA-6.3)." : null;
    }

    private static RefundLine LineFor(PaidTerm term, DateOnly terminatedOn)
    {
        var unused = UnusedWholeMonths(term, terminatedOn);
        var exact = term.Paid.Amount * unused / term.Months;
        var refund = Money.Money.Of(decimal.Round(exact, term.Paid.Currency.MinorUnits, MidpointRounding.AwayFromZero), term.Paid.Currency);
        return new RefundLine(term, unused, refund);
    }

    private static int UnusedWholeMonths(PaidTerm term, DateOnly terminatedOn)
    {
        if (terminatedOn < term.StartsOn) return term.Months;
        if (terminatedOn >= term.EndsOn) return 0;
        // The month the service ended in is the last one whose start is on or before that day; it is kept.
        var monthOfTermination = 0;
        while (term.MonthStart(monthOfTermination + 1) <= terminatedOn) monthOfTermination++;
        return term.Months - monthOfTermination - 1;
    }
}
