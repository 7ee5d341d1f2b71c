using Registrar.Core.Calendars;

namespace Registrar.Core.Contracts;

public enum ClaimRefusalReason
{
    /// <summary>The disputed event is dated after the day the claim is filed.</summary>
    EventInTheFuture,

    /// <summary>UA-5.1: filed after the last day claims about the event are accepted.</summary>
    Late,

    /// <summary>UA-5.2: no document proving payment of the services was presented.</summary>
    NoProofOfPayment,
}

/// <summary>An accepted claim's days: until when it could be filed, and by when it must be answered.</summary>
/// <param name="FiledOn">The registrar's local date the claim was filed on.</param>
/// <param name="AnswerBy">The instant the last business day for the answer ends, in the registrar's time zone.</param>
public sealed record ClaimDeadlines(DateOnly FiledOn, DateOnly LastFilingDay, DateTimeOffset AnswerBy, string AnswerRule);

/// <summary>Either the claim's deadlines (accepted) or why it is refused.</summary>
public sealed record ClaimDecision(ClaimDeadlines? Accepted, RuleRefusal<ClaimRefusalReason>? Refusal)
{
    public bool IsAccepted => Accepted is not null;
}

/// <summary>
/// UA-5.1: a registrant's claim about the services is accepted only in writing and no later than the offer's number of
/// calendar days after the disputed event, and is answered within its number of business days (the country's calendar).
/// UA-5.2: it is considered only when documents proving payment are presented.
/// </summary>
public sealed class ClaimRule(ClaimTerms terms, BusinessCalendar calendar)
{
    /// <summary>UA-5.2: the rule that asks for proof of payment.</summary>
    public string ProofRule => terms.ProofRule;

    /// <param name="disputedOn">The date of the disputed event, as the registrant states it.</param>
    /// <param name="filedAt">When the written claim arrived.</param>
    /// <param name="proofOfPayment">The reference of the payment document presented; null or blank when none was.</param>
    /// <exception cref="DateOutsideCalendarException">The answer's deadline falls past the calendar data's years.</exception>
    public ClaimDecision Decide(DateOnly disputedOn, DateTimeOffset filedAt, string? proofOfPayment)
    {
        var filedOn = calendar.LocalDate(filedAt);
        if (disputedOn > filedOn)
            return Refused(ClaimRefusalReason.EventInTheFuture, terms.FilingRule,
                $"The disputed event is dated {disputedOn:yyyy-MM-dd}, after today ({filedOn:yyyy-MM-dd}); give the date it happened.");
        var lastFilingDay = terms.FileWithin.LastDayAfter(disputedOn, calendar);
        if (filedOn > lastFilingDay)
            return Refused(ClaimRefusalReason.Late, terms.FilingRule,
                $"A claim is accepted within {terms.FileWithin} of the disputed event ({terms.FilingRule}): claims about " +
                $"{disputedOn:yyyy-MM-dd} were accepted until {lastFilingDay:yyyy-MM-dd}, and this one was filed on {filedOn:yyyy-MM-dd}.");
        if (string.IsNullOrWhiteSpace(proofOfPayment))
            return Refused(ClaimRefusalReason.NoProofOfPayment, terms.ProofRule,
                $"A claim is considered only with the documents that prove the services were paid ({terms.ProofRule}): " +
                "give the reference of the payment document.");

        var answerBy = LocalDays.EndOf(terms.AnswerWithin.LastDayAfter(filedOn, calendar), calendar);
        return new ClaimDecision(new ClaimDeadlines(filedOn, lastFilingDay, answerBy, terms.AnswerRule), null);
    }

    private static ClaimDecision Refused(ClaimRefusalReason reason, string rule, string message) =>
        new(null, new RuleRefusal<ClaimRefusalReason>(reason, rule, message));
}
