using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Epp.Sessions;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Leases;

/// <summary>Each registry's EPP session slots shared by every instance of the app: one row per registry
/// and slot, held by one instance at a time under a lease it renews. A slot is claimed by a conditional
/// write (insert of a missing row, or replace of an expired one with the ETag it was read with), so two
/// instances never both win it; the slots of an instance that stops renewing free up when its leases run out.</summary>
public sealed class TableSessionSlots : IEppSessionSlots
{
    public const string TableName = "eppsessionslots";
    internal const string HolderColumn = "Holder";
    internal const string ExpiresAtColumn = "ExpiresAt";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new();
    private readonly EnsureOnce _created;

    public TableSessionSlots(StorageClients clients, IOptions<EppSessionSlotOptions> options, TimeProvider time,
        ILogger<TableSessionSlots> logger)
    {
        Options = options.Value;
        Options.Validate();
        Table = clients.Table(TableName);
        Time = time;
        Logger = logger;
        _created = new EnsureOnce(ct => Table.CreateIfNotExistsAsync(ct));
    }

    /// <summary>Who holds a row: new at every start, so a restarted process never takes the rows of its
    /// previous run for its own.</summary>
    public string HolderId { get; } = Guid.NewGuid().ToString("N");

    public TimeSpan? ReleaseIdleAfter => Options.ReleaseIdleAfter;

    internal EppSessionSlotOptions Options { get; }

    internal TableClient Table { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    public async ValueTask<IEppSessionSlot> AcquireAsync(string registryId, int maxSessions, CancellationToken cancellationToken)
    {
        await _created.RunAsync(cancellationToken);
        var partition = TableKeys.Escape(registryId.ToLowerInvariant());
        // One caller per registry looks at a time: waiting costs the process one query per poll, and its
        // callers get slots in about the order they came.
        var turn = _turns.GetOrAdd(partition, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                if (await TryClaimAsync(partition, maxSessions, cancellationToken) is { } slot) return slot;
                // Jittered, so that instances waiting for the same registry do not query in lockstep.
                var delay = Options.PollEvery * (0.8 + 0.4 * Random.Shared.NextDouble());
                await Task.Delay(delay, Time, cancellationToken);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task<TableSessionSlot?> TryClaimAsync(string partition, int maxSessions, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            rows[row.RowKey] = row;

        var now = Time.GetUtcNow();
        for (var index = 0; index < maxSessions; index++)
        {
            // The row key repeats the registry: Azurite finds rows by row key first.
            var rowKey = $"{partition}-{index}";
            var found = rows.GetValueOrDefault(rowKey);
            if (found?.GetDateTimeOffset(ExpiresAtColumn) > now) continue;
            var expiresAt = now + Options.LeaseDuration;
            var claim = new TableEntity(partition, rowKey) { [HolderColumn] = HolderId, [ExpiresAtColumn] = expiresAt };
            try
            {
                var response = found is null
                    ? await Table.AddEntityAsync(claim, cancellationToken)
                    : await Table.UpdateEntityAsync(claim, found.ETag, TableUpdateMode.Replace, cancellationToken);
                if (found is not null)
                    Logger.LogInformation("EPP session slot {Slot} taken over from holder {Holder}, whose lease ran out",
                        rowKey, found.GetString(HolderColumn));
                return new TableSessionSlot(this, partition, rowKey, response.Headers.ETag ?? default, expiresAt);
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict
                                                       or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                // Another instance claimed or released this slot since the query: try the next.
            }
        }
        return null;
    }
}
