using System.Globalization;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Contracts;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>
/// UA-6.2, UA-6.3: what the registrar would refund if it ended a registration's service early on a given day: the whole
/// unused months of every term paid for it (<see cref="PaidTermsReader"/>).
/// </summary>
public sealed class EarlyTerminationRefundHandler(
    ClientAuthenticator authenticator, IRegistrationViews views, PaidTermsReader paidTerms, IRefundLedger refunds, ContractRules rules)
{
    private const string Condition = "Paid when the registrant presents the payment documents (UA-6.3).";

    /// <param name="on">The day the service would end, yyyy-MM-dd (the query's "on").</param>
    public async Task<IResult> QuoteAsync(HttpRequest request, string registrationId, string? on, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var terminatedOn))
            return Problems.Validation("on", "The day the service would end, as yyyy-MM-dd.");

        var registration = await views.FindAsync(registrationId, ct);
        if (registration is null) return RegistrationProblems.Unknown(registrationId);
        if (rules.EarlyTerminationRefund(registration.Zone) is not { } refund)
            return RuleProblems.NotAllowed(EarlyTerminationRefund.Rule,
                $"The offer for .{registration.Zone} refunds no unused months when the registrar ends its service early (UA-6.2 and UA-6.3 are .ua clauses).");
        var paid = await paidTerms.ReadAsync(registration, ct);
        if (paid.Count == 0)
            return Problems.Conflict($"Registration '{registrationId}' has no paid invoice: nothing was paid, so nothing is refunded.");

        PaidTerm[] termsPaid = [.. paid.Select(p => p.Term)];
        // UA-6.3: quoted on the same days a refund can be decided for (RefundDecisionHandlers checks terminatedOn alike).
        if (EarlyTerminationRefund.DayRefusal(termsPaid, terminatedOn) is { } notThatDay) return Problems.Validation("on", notThatDay);
        var quote = refund.Quote(termsPaid, terminatedOn);
        var terms = quote.Lines.Zip(paid, (line, term) => new RefundedTerm(term.InvoiceNumber, line.Term.Paid, line.Term.StartsOn,
            line.Term.EndsOn, line.Term.Months, line.UnusedWholeMonths, line.Refund)).ToList();
        // UA-6.3: the cap holds for every refund decided for the registration (RefundDecisionHandlers), so the quote says what is left.
        var decided = (await refunds.ReadAsync(registrationId, ct)).Decided.TotalBesides("", quote.Total.Currency);
        var refundable = decided.Amount >= quote.Total.Amount ? Core.Money.Money.Of(0m, quote.Total.Currency) : quote.Total - decided;
        return new PrivateResult(TypedResults.Ok(new EarlyTerminationRefundQuote(registrationId, registration.DomainName, terminatedOn, terms,
            quote.Total, quote.Rule, Condition, decided, refundable)));
    }
}
