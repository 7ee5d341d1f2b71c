using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>Invoice sequence counters, one partition per series: a counter row per month and a claim row
/// per order that took a number (and the invoices, see <see cref="InvoiceStore{TInvoice}"/>). The counter moves and
/// the claim is written in one entity group transaction with ETag concurrency, so two orders never get the same number,
/// a retried order gets its own number back, and giving a number back undoes both rows together.</summary>
/// <remarks>Every number of a series and month moves one counter row, so claims made at once (a timer waking
/// a thousand renewals) would mostly lose the ETag race and read again. This process claims per counter in rounds: the
/// claims waiting at once move the counter together, in one transaction with their rows (issue 16), and it remembers
/// the counter it wrote last, so only another process's claim, a number given back or a retried order's existing
/// claim costs a read. A transaction holds the round whole or not at all, so a number is spent only with its rows.</remarks>
public sealed class InvoiceSequenceStore(StorageClients clients)
{
    private readonly DocumentTable _table = new(clients.Table("invoicesequences"));
    private readonly ConcurrentDictionary<(string Partition, string Row), CounterTurn> _counters = new();

    /// <summary>A counter row, and per number a claim row and the two rows written with it (an invoice and its account's
    /// entry): an entity group transaction holds 100.</summary>
    private const int MaxClaimsPerTransaction = 33;

    /// <summary>Hands out invoice sequence numbers: 1, 2, 3 … within one series and month, never the same twice. A number is
    /// taken for one order, so asking again for the same order (a retry after a crash) gets the same number.</summary>
    /// <returns>The number taken for <paramref name="orderKey"/>: the next one, or the one it already holds.</returns>
    public async Task<int> TakeAsync(string series, int year, int month, string orderKey, CancellationToken cancellationToken) =>
        (await TakeAsync(series, year, month, orderKey, withIt: null, cancellationToken)).Number;

    /// <summary>The series' partition, where <see cref="TakeAsync(string, int, int, string, Func{int, TableTransactionAction}?, CancellationToken)"/>
    /// writes the row it is given.</summary>
    public static string Partition(string series) => TableKeys.Escape(series);

    /// <summary>Takes a number as <see cref="TakeAsync(string, int, int, string, CancellationToken)"/> does, and writes the rows
    /// <paramref name="withIt"/> makes of it (at most two, in the series' partition) in the same transaction.</summary>
    /// <returns>The number; whether this call took it (false: <paramref name="claimKey"/> claimed it before, and no row was
    /// written now); the first written row's ETag.</returns>
    internal Task<(int Number, bool Taken, ETag RowETag)> TakeAsync(string series, int year, int month, string claimKey,
        Func<int, IReadOnlyList<TableTransactionAction>>? withIt, CancellationToken cancellationToken)
    {
        var (partition, counterRow, claimRow) = Keys(series, year, month, claimKey);
        var counter = _counters.GetOrAdd((partition, counterRow), key => new CounterTurn(key.Partition, key.Row, ClaimAsync));
        var claim = new PendingClaim(claimRow, withIt);
        counter.Line.Add(claim);
        return claim.Done.Task.WaitAsync(cancellationToken);
    }

    private static List<PendingClaim> TakeRound(List<PendingClaim> waiting)
    {
        var round = new List<PendingClaim>();
        var claims = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < waiting.Count && round.Count < MaxClaimsPerTransaction; i++)
        {
            // The same claim asked twice at once: the second learns its number in the next round.
            if (!claims.Add(waiting[i].ClaimRow)) continue;
            round.Add(waiting[i]);
            waiting.RemoveAt(i--);
        }
        return round;
    }

    /// <summary>Moves the counter past every claim of the round and writes their rows in one transaction. A claim made
    /// before gets its number back and leaves the round; the others are numbered again without it, so no number is
    /// skipped. Any other failure of storage is the whole round's.</summary>
    private async Task ClaimAsync(CounterTurn counter, List<PendingClaim> round)
    {
        while (round.Count > 0)
        {
            try
            {
                var current = counter.Known ?? await _table.GetAsync<Counter>(counter.Partition, counter.Row, CancellationToken.None);
                var first = (current?.Document.Last ?? 0) + 1;
                var last = first + round.Count - 1;
                var moved = DocumentTable.Entity(counter.Partition, counter.Row, new Counter(last), null);
                List<TableTransactionAction> actions = [current is null
                    ? new(TableTransactionActionType.Add, moved)
                    : new(TableTransactionActionType.UpdateMerge, moved, current.ETag)];
                if (!TryAddRows(round, actions, counter.Partition, first)) continue;
                var answers = await _table.SubmitAsync(actions, CancellationToken.None);
                counter.Known = answers[0].Headers.ETag is { } etag ? new Stored<Counter>(counter.Partition, counter.Row, new Counter(last), etag) : null;
                foreach (var (claim, number) in round.Select((claim, i) => (claim, first + i)))
                    claim.Done.TrySetResult((number, true, claim.End > claim.ClaimIndex ? answers[claim.ClaimIndex + 1].Headers.ETag ?? default : default));
                return;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                counter.Known = null;
                // Index 0: another process moved the counter; read it again and number the round anew.
                var failed = DocumentTable.FailedActionIndex(e);
                if (failed is 0) continue;
                var owner = failed is { } index ? Owner(round, index) : null;
                await SettleAsync(round, owner is { } named ? [named.Claim] : [.. round], counter.Partition, owner is { OnRowWithIt: true } ? e : null);
            }
        }
    }

    /// <summary>Adds each claim's rows, numbered from <paramref name="first"/>; a claim whose row cannot be made fails alone and
    /// leaves the round, which is then numbered anew (false).</summary>
    private static bool TryAddRows(List<PendingClaim> round, List<TableTransactionAction> actions, string partition, int first)
    {
        foreach (var (claim, number) in round.Select((claim, i) => (claim, first + i)).ToList())
        {
            try
            {
                claim.ClaimIndex = actions.Count;
                actions.AddRange(claim.Rows(partition, number));
                claim.End = actions.Count - 1;
            }
            catch (Exception e)
            {
                claim.Done.TrySetException(e);
                round.Remove(claim);
                return false;
            }
        }
        return true;
    }

    /// <summary>A claim made before gets its number back and leaves the round. A claim whose own row written with it failed
    /// (<paramref name="failedOnRowWithIt"/>) fails alone; one whose claim row was given back meanwhile is numbered again.</summary>
    private async Task SettleAsync(List<PendingClaim> round, IReadOnlyList<PendingClaim> suspects, string partition, Exception? failedOnRowWithIt)
    {
        foreach (var claim in suspects)
        {
            if (await _table.GetAsync<Claim>(partition, claim.ClaimRow, CancellationToken.None) is { } claimed)
                claim.Done.TrySetResult((claimed.Document.Number, false, default));
            else if (failedOnRowWithIt is not null)
                claim.Done.TrySetException(failedOnRowWithIt);
            else
                continue;
            round.Remove(claim);
        }
    }

    /// <summary>The claim whose rows hold action <paramref name="index"/> (the counter is action 0), and whether the action is
    /// the row written with its claim.</summary>
    private static (PendingClaim Claim, bool OnRowWithIt)? Owner(List<PendingClaim> round, int index) =>
        round.FirstOrDefault(claim => index >= claim.ClaimIndex && index <= claim.End) is { } owner ? (owner, index > owner.ClaimIndex) : null;

    /// <summary>Gives back the number <paramref name="orderKey"/> took, when no later number was taken meanwhile.</summary>
    /// <returns>False when a later number was taken, so this one stays spent (operations see it by its order key).</returns>
    public Task<bool> ReleaseAsync(string series, int year, int month, string orderKey, CancellationToken cancellationToken) =>
        ReleaseAsync(series, year, month, orderKey, rowsWithIt: null, cancellationToken);

    /// <summary>Gives back the number as <see cref="ReleaseAsync(string, int, int, string, CancellationToken)"/> does, and deletes
    /// the rows <paramref name="rowsWithIt"/> (of the series' partition) written with it, in the same transaction.</summary>
    internal async Task<bool> ReleaseAsync(string series, int year, int month, string orderKey, IReadOnlyList<string>? rowsWithIt, CancellationToken cancellationToken)
    {
        var (partition, counterRow, claimRow) = Keys(series, year, month, orderKey);
        while (true)
        {
            var claim = await _table.GetAsync<Claim>(partition, claimRow, cancellationToken);
            if (claim is null) return true;
            var current = await _table.GetAsync<Counter>(partition, counterRow, cancellationToken);
            if (current is null || current.Document.Last != claim.Document.Number) return false;
            try
            {
                List<TableTransactionAction> actions =
                [
                    new(TableTransactionActionType.UpdateMerge,
                        DocumentTable.Entity(partition, counterRow, new Counter(current.Document.Last - 1), null), current.ETag),
                    new(TableTransactionActionType.Delete, new TableEntity(partition, claimRow), claim.ETag),
                ];
                foreach (var row in rowsWithIt ?? [])
                    actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, row), ETag.All));
                await _table.SubmitAsync(actions, cancellationToken);
                return true;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DocumentAlreadyExistsException)
            {
                // A number was taken meanwhile: read again; it is given back only while it is the last.
            }
        }
    }

    private static (string Partition, string CounterRow, string ClaimRow) Keys(string series, int year, int month, string orderKey)
    {
        var counterRow = $"{year:D4}-{month:D2}";
        return (Partition(series), counterRow, $"{counterRow}|{TableKeys.Escape(orderKey)}");
    }

    private sealed record Counter(int Last);

    /// <summary>One counter's claims: each round of them is claimed by <paramref name="claim"/>; a round storage failed
    /// fails its claims, and the counter is read again.</summary>
    private sealed class CounterTurn
    {
        public CounterTurn(string partition, string row, Func<CounterTurn, List<PendingClaim>, Task> claim)
        {
            Partition = partition;
            Row = row;
            Line = new(TakeRound, round => claim(this, round), (pending, e) =>
            {
                Known = null;
                pending.Done.TrySetException(e);
            });
        }

        public string Partition { get; }

        public string Row { get; }

        public GroupCommitLine<PendingClaim> Line { get; }

        /// <summary>The counter as this process last wrote it; null when it must be read.</summary>
        public Stored<Counter>? Known { get; set; }
    }

    private sealed record PendingClaim(string ClaimRow, Func<int, IReadOnlyList<TableTransactionAction>>? WithIt)
    {
        public TaskCompletionSource<(int Number, bool Taken, ETag RowETag)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Where the claim row stands in the round's transaction, and the last of the rows written with it.</summary>
        public int ClaimIndex { get; set; }

        public int End { get; set; }

        public IEnumerable<TableTransactionAction> Rows(string partition, int number)
        {
            yield return new(TableTransactionActionType.Add, DocumentTable.Entity(partition, ClaimRow, new Claim(number), null));
            var withIt = WithIt?.Invoke(number) ?? [];
            if (withIt.Count > 2) throw new ArgumentException("At most two rows are written with a number.", nameof(WithIt));
            foreach (var row in withIt) yield return row;
        }
    }

    private sealed record Claim(int Number);
}
