using Microsoft.AspNetCore.Http;
using Registrar.Api.Billing;
using Registrar.Api.Claims;
using Registrar.Api.Http;
using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Core.Lifecycle;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Storefront;

/// <summary>
/// POST /api/registrations/{registrationId}/choice — KZ-2.1: when the name was taken before it could
/// be registered, the customer chooses another name or a refund; the money is held until then.
/// </summary>
public sealed class NameTakenChoiceHandler(
    ClientAuthenticator authenticator, IRegistrationViews views, ILifecycleEvents<RegistrationEvent> registrations, IRegistrationDecisionClaims claims,
    PaidTermsReader paidTerms, IRefundLedger refunds, NameTakenHolds holds)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();
        var body = await StrictJson.ReadAsync<NameTakenChoice>(request, ct);
        if (body.Problem is not null) return body.Problem;
        // The customer's own view: another customer's registration, or one no payment started, is not there.
        var view = await views.GetAsync(customer.Principal!, registrationId, ct);
        if (view is null) return RegistrationProblems.Unknown(registrationId);
        if (view.Phase != RegistrationPhase.NameTaken)
            return Problems.Conflict($"Registration '{registrationId}' is {view.Phase}: a choice applies only after its name was taken (KZ-2.1).");
        var choice = body.Value!.Choice;
        if (choice == CustomerChoice.AnotherName && await AllRefundedAsync(view, ct) is { } refunded) return refunded;

        // KZ-2.1: one choice is carried out. Choices made at the same moment all find the view NameTaken (the lifecycle writes it
        // after deciding), so the choice is claimed first and only the claimed one is raised; the same choice made again is told
        // what happens, another is a 409 naming the choice taken.
        var eventId = $"choice:{registrationId}:{Guid.NewGuid():N}";
        var taken = await claims.ClaimAsync(registrationId, "name-taken-choice", new CustomerChoseAfterNameTaken(eventId, choice), ct);
        // Raised also for a later choice: if the request that claimed it stopped before raising it, this finishes it (the same
        // event id, so a choice raised already changes nothing); else the registration would wait for a choice nobody can make.
        await registrations.RaiseAsync(registrationId, taken.EventId, taken, ct);
        if (taken.Choice != choice)
            return Problems.Conflict($"Registration '{registrationId}' has its choice already, {taken.Choice}: a choice is made once (KZ-2.1).");
        if (choice == CustomerChoice.AnotherName && await NothingLeftToHoldAsync(view, ct) is { } refundedMeanwhile) return refundedMeanwhile;
        return TypedResults.Accepted((string?)null, choice == CustomerChoice.AnotherName
            ? new NameTakenChoiceAccepted(registrationId, choice, HoldPaymentForAnotherName.ReferenceFor(registrationId),
                $"What was paid for {view.DisplayName}, less any refund decided, is held for your new order. Place the order for the name "
                + "you want (POST /api/orders): the registrar applies the held money to its invoice, so only a higher price's difference is left to pay.")
            : new NameTakenChoiceAccepted(registrationId, choice, null, $"The registrar refunds what was paid for {view.DisplayName}."));
    }

    /// <summary>KZ-2.1: the money is held on the refund ledger before the customer is told it is, so a refund decided at the same
    /// moment either comes first and is left out of the hold (a 409 when it took everything) or comes second and is refused.</summary>
    private async Task<IResult?> NothingLeftToHoldAsync(RegistrationView view, CancellationToken ct)
    {
        var paid = await paidTerms.ReadAsync(view, ct);
        if (paid.Count == 0 || await holds.HoldAsync(view.RegistrationId, paid[0].Term.Paid, ct) is not null) return null;
        return RuleProblems.NotAllowed("KZ-2.1", $"What was paid for {view.DisplayName} was refunded while this choice was made, so nothing is "
            + "held for a new order: order the name you want (POST /api/orders) and pay its invoice.");
    }

    /// <summary>KZ-2.1: what operations refunded already is not held again, so once all that was paid for the name is refunded,
    /// another name would find nothing held for its order, and telling the customer otherwise would bill that order in full
    /// unannounced. A refund decided after this check leaves the hold smaller, or none, as the hold's flow works it out.</summary>
    private async Task<IResult?> AllRefundedAsync(RegistrationView view, CancellationToken ct)
    {
        var paid = await paidTerms.ReadAsync(view, ct);
        if (paid.Count == 0) return null;
        var total = paid[0].Term.Paid;
        var refunded = (await refunds.ReadAsync(view.RegistrationId, ct)).Decided.TotalBesides("", total.Currency);
        return refunded.Amount >= total.Amount
            ? RuleProblems.NotAllowed("KZ-2.1", $"The {refunded} paid for {view.DisplayName} was refunded already, so nothing is held for a new "
                + "order: order the name you want (POST /api/orders) and pay its invoice.")
            : null;
    }
}

/// <summary>KZ-2.1: the new name is not part of the choice: it is ordered as any name is (POST /api/orders), with every check
/// an order makes (free at the registry, registrant data, the offer accepted), and the held money pays that order's invoice.</summary>
public sealed record NameTakenChoice(CustomerChoice Choice);

/// <summary>What happens next, for the storefront to tell the customer.</summary>
/// <param name="HeldPayment">For another name: the reference the money is held under until operations apply it to the new
/// order's invoice (or refund it); one per registration, however often the choice is made.</param>
public sealed record NameTakenChoiceAccepted(string RegistrationId, CustomerChoice Choice, string? HeldPayment, string Next);
