using System.Collections.Concurrent;
using Registrar.Core.Operations;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Tests.Operations;

/// <summary>The held payments with a test's step just before or after the first resolution a credit gets (an apply keeping
/// it): the moment a bank credit or a second operator gets in, made the same every run.</summary>
internal sealed class SteppingHeldPayments(IHeldPaymentStore inner) : IHeldPaymentStore
{
    private readonly ConcurrentDictionary<string, Func<Task>> _before = new();
    private readonly ConcurrentDictionary<string, Func<Task>> _after = new();

    public void BeforeResolving(string reference, Func<Task> step) => _before[reference] = step;

    public void AfterResolving(string reference, Func<Task> step) => _after[reference] = step;

    /// <summary>Each of <paramref name="references"/> waits before its first resolution until all have come that far, and after
    /// it until all are kept: every apply has judged the invoice, then kept its credit, before any goes on.</summary>
    public void ResolveTogether(params string[] references)
    {
        var (before, after) = (Meeting(references.Length), Meeting(references.Length));
        foreach (var reference in references)
        {
            BeforeResolving(reference, before);
            AfterResolving(reference, after);
        }
    }

    private static Func<Task> Meeting(int parties)
    {
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return () =>
        {
            if (Interlocked.Decrement(ref parties) == 0) all.SetResult();
            return all.Task;
        };
    }

    public async Task<Stored<HeldPayment>> ResolveAsync(Stored<HeldPayment> current, HeldPaymentResolution resolution, CancellationToken ct)
    {
        var reference = current.Document.Credit.Reference;
        if (_before.TryRemove(reference, out var before)) await before();
        var resolved = await inner.ResolveAsync(current, resolution, ct);
        if (_after.TryRemove(reference, out var after)) await after();
        return resolved;
    }

    public Task AddAsync(HeldPayment payment, CancellationToken ct) => inner.AddAsync(payment, ct);

    public Task<Stored<HeldPayment>?> GetAsync(string reference, CancellationToken ct) => inner.GetAsync(reference, ct);

    public IAsyncEnumerable<HeldPayment> ListHeldAsync(CancellationToken ct) => inner.ListHeldAsync(ct);

    public IAsyncEnumerable<Stored<HeldPayment>> ListForInvoiceAsync(string invoiceNumber, CancellationToken ct) =>
        inner.ListForInvoiceAsync(invoiceNumber, ct);

    public IAsyncEnumerable<Stored<HeldPayment>> ListNamingInvoiceAsync(string invoiceNumber, CancellationToken ct) =>
        inner.ListNamingInvoiceAsync(invoiceNumber, ct);

    public Task<Stored<HeldPayment>> ReduceAsync(Stored<HeldPayment> current, PartReversal part, CancellationToken ct) =>
        inner.ReduceAsync(current, part, ct);

    public Task<Stored<HeldPayment>> HoldAgainAsync(Stored<HeldPayment> current, string reason, string explanation, string invoiceNumber,
        CancellationToken ct) => inner.HoldAgainAsync(current, reason, explanation, invoiceNumber, ct);

    public IAsyncEnumerable<Stored<HeldPayment>> ListPendingAsync(CancellationToken ct) => inner.ListPendingAsync(ct);

    public IAsyncEnumerable<Stored<HeldPayment>> ListAwaitingInvoicePaymentAsync(CancellationToken ct) => inner.ListAwaitingInvoicePaymentAsync(ct);

    public Task EraseAsync(string reference, Func<HeldPayment, HeldPayment> erase, CancellationToken ct) => inner.EraseAsync(reference, erase, ct);
}
