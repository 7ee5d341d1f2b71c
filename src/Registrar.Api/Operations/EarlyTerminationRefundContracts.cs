using Registrar.Core.Money;

namespace Registrar.Api.Operations;

/// <summary>GET /api/ops/registrations/{registrationId}/early-termination-refund?on=yyyy-MM-dd (UA-6.2, UA-6.3).</summary>
/// <param name="TerminatedOn">The day the registrar's service would end, in its own time zone.</param>
/// <param name="Terms">Each paid term: the registration's order line, then each paid renewal.</param>
/// <param name="Condition">UA-6.3: what the registrant presents for the refund to be paid.</param>
/// <param name="DecidedAlready">The refunds decided for the registration so far, on any ground: the cap holds for them together.</param>
/// <param name="Refundable">What is left to decide: <paramref name="Total"/> less <paramref name="DecidedAlready"/>, never below zero.</param>
public sealed record EarlyTerminationRefundQuote(
    string RegistrationId,
    string Domain,
    DateOnly TerminatedOn,
    IReadOnlyList<RefundedTerm> Terms,
    Money Total,
    string Rule,
    string Condition,
    Money DecidedAlready,
    Money Refundable);

/// <param name="InvoiceNumber">The paid invoice the term was bought with.</param>
/// <param name="UnusedWholeMonths">The months after the month the service ends in.</param>
public sealed record RefundedTerm(string InvoiceNumber, Money Paid, DateOnly StartsOn, DateOnly EndsOn, int Months, int UnusedWholeMonths, Money Refund);
