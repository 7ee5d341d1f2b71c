using Microsoft.AspNetCore.Http;
using Registrar.Api.Claims;
using Registrar.Api.Customers;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Calendars;
using Registrar.Core.Customers;
using Registrar.Core.Deadlines;
using Registrar.Core.Orders;
using Registrar.Core.Registry;
using Registrar.Core.Zones;
using Registrar.Payments.Invoices;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Storefront;

/// <summary>
/// POST /api/orders: every check first (body, rules, the due date's calendar, what fits in storage),
/// then the invoice with its number, and the order. With an Idempotency-Key, a retried POST gets
/// the first answer: the order id is derived from the customer and the key, and the invoice number
/// is taken for that order, so even a retry after a crash mid-way completes the same order under the
/// same number.
/// </summary>
public sealed class PlaceOrderHandler(
    ClientAuthenticator authenticator,
    PlaceOrderFlow flow,
    ZoneCatalog zones,
    ZoneDeadlines deadlines,
    IOrderStore<Order> orders,
    IInvoiceStore<Invoice> invoices,
    IdempotentRequests idempotency,
    CustomerAccounts accounts,
    NamesHeldHere namesHeldHere,
    IRegistryAvailability registry,
    TransferInChecks transfers,
    RegistrantHandleChecks handles,
    OrderNameClaims nameClaims,
    TimeProvider clock)
{
    // Every order id has this length ("O" and 16 hex digits): a draft measured with it has the stored size.
    private const string DraftOrderId = "O0000000000000000";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var customer = authenticator.AuthenticateCustomer(request);
        if (customer.Problem is not null) return customer.Problem;
        var customerId = customer.Principal!;
        var raw = await RawBody.ReadAsync(request, StrictJson.DefaultBodyLimit, cancellationToken);
        if (raw is null) return Problems.BodyTooLarge(StrictJson.DefaultBodyLimit);

        var now = clock.GetUtcNow();
        var placed = await idempotency.RunAsync(request, customerId, raw, () => CheckAsync(request.ContentType, raw, customerId, now, cancellationToken),
            (check, key) => PlaceAsync(check, customerId, key, now, cancellationToken), cancellationToken);
        return new PrivateResult(placed);
    }

    /// <summary>Everything that can refuse the order, before anything is numbered or stored.</summary>
    private async Task<Checked<CheckedOrder>> CheckAsync(string? contentType, byte[] raw, string customerId, DateTimeOffset now, CancellationToken ct)
    {
        var body = StrictJson.Deserialize<OrderRequest>(contentType, raw);
        if (body.Problem is not null) return Checked<CheckedOrder>.Refused(body.Problem);
        var check = flow.Check(body.Value!, customerId, now);
        if (!check.IsPassed) return Checked<CheckedOrder>.Refused(Problems.Validation(check.Errors));
        if (await handles.RefusalAsync(customerId, check.Request!.Registrant.NicHandle, ct) is { } notTheirs)
            return Checked<CheckedOrder>.Refused(Problems.Validation(notTheirs));
        if (await NamesNotFreeAsync(check, ct) is { } notFree) return Checked<CheckedOrder>.Refused(Problems.Validation(notFree));
        if (await NotAsTheRegistryHoldsAsync(check, ct) is { } registry) return Checked<CheckedOrder>.Refused(Problems.Validation(registry));
        var account = await accounts.ReadAsync(customerId, ct);
        if (CustomerAccounts.HoldsAnotherContactEmail(account, check.Request!.ContactEmail))
            return Checked<CheckedOrder>.Refused(AnotherContactEmail());
        try
        {
            // KZ-3.3: the due date is counted before anything is stored, so a missing calendar year stores nothing.
            flow.InvoiceDueAt(check, now);
        }
        catch (DateOutsideCalendarException e)
        {
            return Checked<CheckedOrder>.Refused(Problems.CalendarMissing(e.Message));
        }
        return FitsStorage(check, customerId, now)
            ? Checked<CheckedOrder>.Passed(new CheckedOrder(check, account))
            : Checked<CheckedOrder>.Refused(Problems.Validation("items",
                "The order is too large to keep: order fewer domains at a time, or shorten the names and trademarks."));
    }

    /// <summary>UA-2.1.1: a name held or being registered here is not free (<see cref="NamesHeldHere"/>); with the holder's
    /// nic-handle a second create's read-back would be taken for the holder's own (CreationAnswers.IsOurs), giving the name to a
    /// second registration.</summary>
    private async Task<Dictionary<string, string[]>?> NamesNotFreeAsync(OrderCheck check, CancellationToken ct)
    {
        var held = await Task.WhenAll(check.Lines.Select(line => namesHeldHere.IsHeldAsync(line.DomainName, ct)));
        var errors = new Dictionary<string, string[]>();
        // A passed check has one line per item, in the items' order.
        for (var i = 0; i < held.Length; i++)
        {
            if (held[i]) errors[$"items[{i}].name"] = [$"{check.Lines[i].DisplayName} {NamesHeldHere.Refusal}"];
        }
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>
    /// UA-2.1.1, KZ-App-8: a name is registrable only while it is free at the registry, so one the registry holds is not
    /// invoiced for a create it would refuse (KZ-2.1's choice is for a name taken between the order and its payment). RFC 5731
    /// section 3.2.4: a transfer moves a domain another registrar holds; one the registry says is free holds nothing to move,
    /// and its transfer could only fail after the customer paid for it (KZ-3.2); so could one of a domain it holds with another
    /// code or a status that refuses transfers (<see cref="TransferInChecks"/>). A registry that cannot be asked refuses
    /// nothing here: the create or transfer finds out, as it would for any change meanwhile.
    /// </summary>
    private async Task<Dictionary<string, string[]>?> NotAsTheRegistryHoldsAsync(OrderCheck check, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var held = new List<(OrderLine Line, int Index)>();
        foreach (var zone in check.Lines.Select((line, index) => (Line: line, Index: index)).GroupBy(l => l.Line.Zone))
        {
            IReadOnlyDictionary<string, Availability> free;
            try
            {
                free = await registry.CheckAsync(zone.Key, [.. zone.Select(l => l.Line.DomainName).Distinct()], ct);
            }
            catch (RegistryUnavailableException)
            {
                continue;
            }
            foreach (var (line, index) in zone)
            {
                if (!free.TryGetValue(line.DomainName, out var answer)) continue;
                if (line.TransferCode is not null && answer.IsAvailable)
                    errors[$"items[{index}].transferCode"] = [$"{line.DisplayName} is not registered at the registry: there is nothing to transfer. "
                        + "Order it without a transferCode to register it."];
                else if (line.TransferCode is not null)
                    held.Add((line, index));
                else if (line.TransferCode is null && !answer.IsAvailable)
                    errors[$"items[{index}].name"] = [$"{line.DisplayName} is not available at the registry ({answer.Reason ?? "in use"}); choose another "
                        + "name, or order its transfer with the transferCode its holder's registrar gives (UA-2.1.1, KZ-App-8)."];
            }
        }
        foreach (var (field, refusal) in await transfers.RefusalsAsync(held, ct)) errors[field] = refusal;
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>The order, and the answer an Idempotency-Key keeps, each fit the one table property that holds them.</summary>
    private bool FitsStorage(OrderCheck check, string customerId, DateTimeOffset now)
    {
        var draft = flow.Place(check, customerId, DraftOrderId, NumberFor(check, now, 1).ToString(), now);
        return DocumentLimits.Fits(draft) && IdempotentRequests.CanKeep(OrderView.From(draft, flow.InvoiceFor(draft), now), now);
    }

    private async Task<IResult> PlaceAsync(CheckedOrder checkedOrder, string customerId, string? idempotencyKey, DateTimeOffset now, CancellationToken ct)
    {
        var (check, account) = checkedOrder;
        // A new random id names no stored order: only a retried key can find one.
        var orderId = IdempotentRequests.RecordId('O', customerId, idempotencyKey);
        if ((idempotencyKey is null ? null : await orders.GetAsync(customerId, orderId, ct))?.Document is { } stored)
            return Created(stored, await InvoiceOfAsync(stored, customerId, ct), now);

        // KZ-2.2: the first order opens the account with its address. Before a number is taken: an order that lost the race
        // to open it with another address is refused as the check refuses it, and spends no number.
        var contactEmail = await accounts.OpenOrReadAsync(customerId, check.Request!.ContactEmail, account, now, ct);
        if (!CustomerAccount.SameAddress(contactEmail, check.Request.ContactEmail)) return AnotherContactEmail();
        // KZ-3.2: taken here, not among the checks, so that a retry under the first request's Idempotency-Key gets its answer.
        var (claimed, ordered) = await nameClaims.ClaimAsync(check, customerId, orderId, now, ct);
        if (ordered is not null) return ordered;
        try
        {
            var (order, invoice) = await CreateOrderAsync(check, customerId, orderId, contactEmail, now, ct);
            return Created(order, invoice, now);
        }
        catch (Exception)
        {
            await nameClaims.ReleaseAsync(claimed);
            throw;
        }
    }

    private static IResult Created(Order order, Invoice invoice, DateTimeOffset now) =>
        TypedResults.Created($"/api/orders/{order.OrderId}", OrderView.From(order, invoice, now));

    /// <summary>The invoice is issued with its number, in one transaction (issue 16), and names its order; the order is stored
    /// after it, so a retry of the same key after a crash in between finds the invoice by the number it claimed and stores the
    /// order then.</summary>
    /// <param name="contactEmail">KZ-2.2: the account's address, as the account spells it.</param>
    private async Task<(Order Order, Invoice Invoice)> CreateOrderAsync(OrderCheck check, string customerId, string orderId, string contactEmail, DateTimeOffset now, CancellationToken ct)
    {
        var today = LocalDate(check, now);
        var claim = new InvoiceClaim(check.InvoiceSeries(zones), today.Year, today.Month, $"{customerId}|{orderId}");
        Order? order = null;
        var issued = await invoices.IssueAsync(claim, sequenceNumber =>
        {
            order = flow.Place(check, customerId, orderId, NumberFor(check, now, sequenceNumber).ToString(), now) with { ContactEmail = contactEmail };
            var invoice = flow.InvoiceFor(order);
            return new NewInvoice<Invoice>(invoice.Number, customerId, invoice, invoice.Status.ToString());
        }, ct);
        try
        {
            return ((await orders.CreateAsync(customerId, orderId, order!, "placed", ct)).Document, issued.Document);
        }
        catch (DocumentAlreadyExistsException)
        {
            // A concurrent retry of the same key stored it first.
            return ((await orders.GetAsync(customerId, orderId, ct))!.Document, issued.Document);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A number is spent only by an order that is stored: give it back with its invoice, so the series has no gap.
            await invoices.WithdrawAsync(claim, issued, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The invoice of an order stored before: an earlier version stored the order first, and a crash may have kept
    /// its invoice from being stored.</summary>
    private async Task<Invoice> InvoiceOfAsync(Order order, string customerId, CancellationToken ct)
    {
        if (await invoices.GetAsync(order.InvoiceNumber, ct) is { } stored) return stored.Document;
        var invoice = flow.InvoiceFor(order);
        try
        {
            return (await invoices.CreateAsync(invoice.Number, customerId, invoice, invoice.Status.ToString(), ct)).Document;
        }
        catch (DocumentAlreadyExistsException)
        {
            return (await invoices.GetAsync(order.InvoiceNumber, ct))!.Document;
        }
    }

    /// <summary>KZ-2.2: one contact e-mail per customer; an order naming another is refused rather than quietly given the
    /// account's, and the customer changes the account's address by a contact-email-change request (UA-4.7).</summary>
    private static IResult AnotherContactEmail() => RuleProblems.NotAllowed("KZ-2.2",
        "The account already has a contact e-mail and this order names another: order with the account's address, or change it "
        + "first with a contact-email-change request (KZ-2.6; with the registrar's consent while a .ua contract asks it, UA-4.7).");

    // Dated in the registrar's own time zone: an order placed at 01:00 in Almaty on the 1st belongs to the new month.
    private DateOnly LocalDate(OrderCheck check, DateTimeOffset now) => deadlines.LocalDate(check.Lines[0].Zone, now);

    private InvoiceNumber NumberFor(OrderCheck check, DateTimeOffset now, int sequenceNumber) =>
        InvoiceNumber.Create(check.InvoiceSeries(zones), LocalDate(check, now), sequenceNumber);

    /// <param name="Account">KZ-2.2: the customer's account as the checks read it; null when there was none.</param>
    private sealed record CheckedOrder(OrderCheck Check, Stored<CustomerAccount>? Account);
}
