using Registrar.Core.Privacy;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>UA-Pre-6: the erasures to come, by the instant they fall due, so the timer finds what is due with one ordered
/// range read instead of looking at every registration.</summary>
public interface IErasureSchedule
{
    /// <summary>Keeps <paramref name="due"/>; the same erasure scheduled again (a redelivered command) changes nothing.</summary>
    Task ScheduleAsync(ErasureDue due, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> erasures due at or before <paramref name="now"/>, the earliest first.</summary>
    Task<IReadOnlyList<ErasureDue>> DueAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>The erasure was carried out (or is no longer due): it leaves the schedule.</summary>
    Task RemoveAsync(ErasureDue due, CancellationToken ct);
}

/// <summary>One partition ("due"), row key "{due ticks}|{ground}|{registration id}": ordered by due instant, unique per
/// erasure. Registrations end at a pace far below a partition's 2,000 writes/s.</summary>
public sealed class ErasureSchedule(StorageClients clients) : IErasureSchedule
{
    private const string Partition = "due";

    private readonly DocumentTable _table = new(clients.Table("erasuresdue"));

    public async Task ScheduleAsync(ErasureDue due, CancellationToken ct)
    {
        try
        {
            await _table.InsertAsync(Partition, RowKey(due), due, null, ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Scheduled before: the same erasure at the same instant.
        }
    }

    public async Task<IReadOnlyList<ErasureDue>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        // Every key of an instant at or before now sorts below the ticks of the next tick.
        var filter = $"PartitionKey eq '{Partition}' and RowKey lt '{TableKeys.Ticks(now.AddTicks(1))}'";
        var due = new List<ErasureDue>();
        await foreach (var row in _table.QueryAsync<ErasureDue>(filter, max, ct)) due.Add(row.Document);
        return due;
    }

    public async Task RemoveAsync(ErasureDue due, CancellationToken ct)
    {
        await _table.EnsureCreatedAsync(ct);
        await _table.Client.DeleteEntityAsync(Partition, RowKey(due), Azure.ETag.All, ct);
    }

    private static string RowKey(ErasureDue due) => $"{TableKeys.Ticks(due.DueAt)}|{due.Ground}|{TableKeys.Escape(due.RegistrationId)}";
}
