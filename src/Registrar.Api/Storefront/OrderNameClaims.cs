using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Deadlines;
using Registrar.Core.Orders;
using Registrar.Payments.Invoices;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Storefront;

/// <summary>
/// KZ-3.2: a name the customer ordered before, whose invoice is still open, is not invoiced twice: a storefront's retry
/// without an Idempotency-Key, or a second click, would have the customer pay both, and the second registration find the
/// name taken by the first (KZ-2.1). Once that invoice is paid the name is being registered; once it lapsed, it is free to
/// order. Each name is claimed for the order before its invoice is numbered, so of two orders placed at once only one
/// takes it (a retry under the same Idempotency-Key is the same order, and takes it again).
/// </summary>
public sealed class OrderNameClaims(IOrderNameClaimStore claims, IOrderStore<Order> orders, IInvoiceStore<Invoice> invoices)
{
    /// <summary>How long a claim whose order is not stored yet counts as an order being placed; one older is what a crash
    /// left, and is taken over.</summary>
    public static readonly TimeSpan BeingPlacedFor = TimeSpan.FromMinutes(1);

    /// <summary>Claims every name of the order; the claims taken, or the refusal naming each item another order holds (and
    /// then nothing is claimed).</summary>
    public async Task<(IReadOnlyList<Stored<OrderNameClaim>> Taken, IResult? Refusal)> ClaimAsync(OrderCheck check, string customerId,
        string orderId, DateTimeOffset now, CancellationToken ct)
    {
        var taken = new List<Stored<OrderNameClaim>>();
        var errors = new Dictionary<string, string[]>();
        for (var index = 0; index < check.Lines.Count; index++)
        {
            var line = check.Lines[index];
            var (claim, heldBy) = await ClaimOneAsync(customerId, line.DomainName, orderId, now, ct);
            if (claim is not null) taken.Add(claim);
            else errors[$"items[{index}].name"] = [$"{line.DisplayName} {heldBy}"];
        }
        if (errors.Count == 0) return (taken, null);
        await ReleaseAsync(taken);
        return ([], Problems.Validation(errors));
    }

    /// <summary>Gives back the names of an order that was not stored.</summary>
    public async Task ReleaseAsync(IReadOnlyList<Stored<OrderNameClaim>> taken)
    {
        // Not the request's token: a request the client abandoned gives its names back all the same.
        foreach (var claim in taken) await claims.ReleaseAsync(claim, CancellationToken.None);
    }

    private async Task<(Stored<OrderNameClaim>? Claim, string? HeldBy)> ClaimOneAsync(string customerId, string domainName, string orderId,
        DateTimeOffset now, CancellationToken ct)
    {
        // A name not ordered before is claimed by its first write alone; each failed write is another order's claim written
        // meanwhile, which the next reading judges.
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var current = attempt == 1 ? null : await claims.GetAsync(customerId, domainName, ct);
            if (current is not null && current.Document.OrderId != orderId && await HeldByAsync(current.Document, customerId, now, ct) is { } heldBy)
                return (null, heldBy);
            if (await claims.TryClaimAsync(customerId, domainName, current, new OrderNameClaim(orderId, now), ct) is { } claimed)
                return (claimed, null);
        }
        return (null, BeingPlaced);
    }

    private const string BeingPlaced = "is in another order of yours being placed at this moment: wait for its answer, or try again in a minute.";

    /// <summary>Why the name stays with the order that claimed it, or null when that order no longer holds it.</summary>
    private async Task<string?> HeldByAsync(OrderNameClaim claim, string customerId, DateTimeOffset now, CancellationToken ct)
    {
        if ((await orders.GetAsync(customerId, claim.OrderId, ct))?.Document is not { } order)
            return now - claim.ClaimedAt < BeingPlacedFor ? BeingPlaced : null;
        if ((await invoices.GetAsync(order.InvoiceNumber, ct))?.Document is not { } invoice || invoice.StatusAt(now) != InvoiceStatus.Open) return null;
        return $"is in your order {order.OrderId}, whose invoice {invoice.Number} is open until {LocalTimes.Deadline(invoice.DueAt)}: pay that invoice, "
            + "or order the name again once it has lapsed.";
    }
}
