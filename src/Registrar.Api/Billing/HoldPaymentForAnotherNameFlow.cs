using Microsoft.Extensions.Logging;
using Registrar.Core.Contracts;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Payments.Matching;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Billing;

/// <summary>
/// Carries out <see cref="HoldPaymentForAnotherName"/> (KZ-2.1): the money the order's paid invoice brought for the
/// registration's line becomes a held payment (UA-3.2), so operations apply it to the invoice of the customer's new order,
/// or refund it, through the same audited flows as a bank credit they hold. It counts from the original booking (KZ-3.5),
/// which came before any new invoice, so it pays one from its issue. A refund operations already decided for the
/// registration is not held again, and none is decided once the money is held: the hold is first written to the
/// registration's refund ledger on the tally a refund decision rewrites (KZ-2.1), so of the two judged side by side the
/// second sees the first. Idempotent: the ledger keeps the amount the first delivery held, the reference derives from the
/// registration and its review item from the reference, so a repeated command, or one after a crash between those
/// writes, holds that amount once.
/// </summary>
public sealed class HoldPaymentForAnotherNameFlow(
    IOrderStore<Order> orders, IInvoiceStore<Invoice> invoices, NameTakenHolds holds, IHeldPaymentStore held, IReviewList review,
    TimeProvider clock, ILogger<HoldPaymentForAnotherNameFlow> logger)
{
    public async Task CarryOutAsync(HoldPaymentForAnotherName command, CancellationToken ct)
    {
        var reference = HoldPaymentForAnotherName.ReferenceFor(command.RegistrationId);
        var order = (await orders.GetAsync(command.CustomerId, command.OrderId, ct))?.Document
            ?? throw new InvalidOperationException($"Order {command.OrderId} of registration {command.RegistrationId} cannot be read.");
        var line = order.Lines.Where((_, index) => RegistrationIds.For(order.OrderId, index) == command.RegistrationId).Single();
        // Only a paid invoice starts a registration (KZ-3.2), so an unpaid one here is a fault to retry, never money to hold.
        var invoice = (await invoices.GetAsync(order.InvoiceNumber, ct))?.Document;
        if (invoice is not { Status: InvoiceStatus.Paid, PaidAt: { } paidAt })
            throw new InvalidOperationException($"Invoice {order.InvoiceNumber} of registration {command.RegistrationId} is not paid.");

        // The customer's choice held it on the ledger already (NameTakenChoiceHandler); a choice of an earlier version did not.
        if (await holds.HoldAsync(command.RegistrationId, line.Price.Total, ct) is not { Amount: var left })
        {
            logger.LogWarning("Registration {Registration}: all that was paid is refunded already; nothing is held", command.RegistrationId);
            return;
        }
        var now = clock.GetUtcNow();

        var explanation = $"KZ-2.1: {line.DisplayName} was taken before it could be registered, and the customer chose another name. "
            + $"{left} paid on invoice {invoice.Number} (registration {command.RegistrationId}) is held for the new order: "
            + "apply it to that order's invoice, or refund it.";
        // Booked when the bank booked the order's payment: the new order's invoice, issued later, counts it from its issue.
        await held.AddAsync(new HeldPayment(new HeldCredit(reference, left.Amount, left.Currency.Code, paidAt), nameof(HoldReason.NameTaken),
            explanation, null, now), ct);
        await review.AddAsync(new ReviewItem(reference, "payment", reference, nameof(HoldReason.NameTaken), explanation, now), ct);
        logger.LogInformation("Registration {Registration}: {Amount} held as {Reference} for the customer's new order",
            command.RegistrationId, left, reference);
    }
}
