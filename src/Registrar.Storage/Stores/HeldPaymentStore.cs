using Azure.Data.Tables;
using Registrar.Core.Operations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Held payments (UA-3.2), one partition per bank reference, kept after operations resolve them. The held list
/// and an invoice's credits filter on indexed columns (scans, for operations actions only).</summary>
public interface IHeldPaymentStore
{
    /// <summary>Keeps the payment as held; keeping the same bank reference again changes nothing.</summary>
    Task AddAsync(HeldPayment payment, CancellationToken ct);

    Task<Stored<HeldPayment>?> GetAsync(string reference, CancellationToken ct);

    IAsyncEnumerable<HeldPayment> ListHeldAsync(CancellationToken ct);

    /// <summary>The payments whose money counts toward the invoice: held ones naming it, and those applied to it.</summary>
    IAsyncEnumerable<Stored<HeldPayment>> ListForInvoiceAsync(string invoiceNumber, CancellationToken ct);

    /// <summary>UA-Pre-6: the payments that named the invoice or were applied to it, however operations resolved them since (a
    /// refund included): their payers' data go with the invoice's. A payment refunded before <c>Named</c> was kept is not found.</summary>
    IAsyncEnumerable<Stored<HeldPayment>> ListNamingInvoiceAsync(string invoiceNumber, CancellationToken ct);

    /// <summary>Records what operations did, if the payment is unchanged since it was read.</summary>
    /// <exception cref="ConcurrencyConflictException">Another action resolved it first.</exception>
    Task<Stored<HeldPayment>> ResolveAsync(Stored<HeldPayment> current, HeldPaymentResolution resolution, CancellationToken ct);

    /// <summary>UA-3.2: the credit is held again, with why, if it is unchanged since it was read (an apply whose invoice another
    /// payment paid first).</summary>
    /// <exception cref="ConcurrencyConflictException">Another action changed it first.</exception>
    Task<Stored<HeldPayment>> HoldAgainAsync(Stored<HeldPayment> current, string reason, string explanation, string invoiceNumber, CancellationToken ct);

    /// <summary>Keeps the credit less a part the bank reversed while it was held, if it is as <paramref name="current"/> read it.</summary>
    /// <exception cref="ConcurrencyConflictException">Another action changed it first.</exception>
    Task<Stored<HeldPayment>> ReduceAsync(Stored<HeldPayment> current, PartReversal part, CancellationToken ct);

    /// <summary>Applies kept but not yet carried out (<see cref="HeldPaymentResolution.Pending"/>): a scan, for the recovery pass.</summary>
    IAsyncEnumerable<Stored<HeldPayment>> ListPendingAsync(CancellationToken ct);

    /// <summary>Credits applied toward an invoice not yet known to be paid with them (<see cref="HeldPayment.AwaitsInvoicePayment"/>):
    /// a scan, for the recovery pass.</summary>
    IAsyncEnumerable<Stored<HeldPayment>> ListAwaitingInvoicePaymentAsync(CancellationToken ct);

    /// <summary>UA-Pre-6: rewrites the payment with <paramref name="erase"/>, which keeps what it counts toward and whether it is
    /// held; nothing when no payment has that reference.</summary>
    Task EraseAsync(string reference, Func<HeldPayment, HeldPayment> erase, CancellationToken ct);
}

public sealed class HeldPaymentStore(StorageClients clients) : IHeldPaymentStore
{
    private readonly DocumentTable _table = new(clients.Table("heldpayments"));

    public async Task AddAsync(HeldPayment payment, CancellationToken ct)
    {
        try
        {
            await _table.InsertByIdAsync(payment.Credit.Reference, payment, Columns(payment), ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Held by an earlier delivery of the same credit: that one, and any resolution of it, stands.
        }
    }

    public Task<Stored<HeldPayment>?> GetAsync(string reference, CancellationToken ct) =>
        _table.GetByIdAsync<HeldPayment>(reference, ct);

    public async IAsyncEnumerable<HeldPayment> ListHeldAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var stored in _table.QueryAsync<HeldPayment>("Held eq true", null, ct))
            yield return stored.Document;
    }

    public IAsyncEnumerable<Stored<HeldPayment>> ListForInvoiceAsync(string invoiceNumber, CancellationToken ct) =>
        _table.QueryAsync<HeldPayment>(TableClient.CreateQueryFilter($"Invoice eq {invoiceNumber}"), null, ct);

    public IAsyncEnumerable<Stored<HeldPayment>> ListNamingInvoiceAsync(string invoiceNumber, CancellationToken ct) =>
        _table.QueryAsync<HeldPayment>(TableClient.CreateQueryFilter($"Invoice eq {invoiceNumber} or Named eq {invoiceNumber}"), null, ct);

    public Task<Stored<HeldPayment>> ResolveAsync(Stored<HeldPayment> current, HeldPaymentResolution resolution, CancellationToken ct)
    {
        var resolved = current.Document with { Resolution = resolution };
        return _table.UpdateAsync(current, resolved, Columns(resolved), ct);
    }

    public Task<Stored<HeldPayment>> HoldAgainAsync(Stored<HeldPayment> current, string reason, string explanation, string invoiceNumber,
        CancellationToken ct)
    {
        var held = current.Document with { Reason = reason, Explanation = explanation, InvoiceNumber = invoiceNumber, Resolution = null };
        return _table.UpdateAsync(current, held, Columns(held), ct);
    }

    public Task<Stored<HeldPayment>> ReduceAsync(Stored<HeldPayment> current, PartReversal part, CancellationToken ct)
    {
        var reduced = current.Document.LessReversed(part);
        return _table.UpdateAsync(current, reduced, Columns(reduced), ct);
    }

    public IAsyncEnumerable<Stored<HeldPayment>> ListPendingAsync(CancellationToken ct) =>
        _table.QueryAsync<HeldPayment>("Pending eq true", null, ct);

    public IAsyncEnumerable<Stored<HeldPayment>> ListAwaitingInvoicePaymentAsync(CancellationToken ct) =>
        _table.QueryAsync<HeldPayment>("AwaitsInvoice eq true", null, ct);

    public Task EraseAsync(string reference, Func<HeldPayment, HeldPayment> erase, CancellationToken ct) =>
        _table.RewriteDocumentsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(reference)} and RowKey eq {TableKeys.Escape(reference)}"),
            erase, ct);

    private static Dictionary<string, object?> Columns(HeldPayment payment) =>
        new()
        {
            ["Held"] = payment.IsHeld, ["Invoice"] = payment.CountsToward ?? "", ["Pending"] = payment.Resolution?.Pending == true,
            ["AwaitsInvoice"] = payment.AwaitsInvoicePayment, ["Named"] = payment.InvoiceNumber ?? "",
        };
}
