using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>A notice to a customer (reminder, invoice, deletion warning) and whether it went out.</summary>
public sealed record NoticeRecord<TNotice>(string NoticeId, TNotice Notice, DateTimeOffset ClaimedAt, DateTimeOffset? SentAt);

/// <param name="IsFirst">False when the notice id was claimed before: the caller must not build a second notice.</param>
public sealed record NoticeClaim<TNotice>(Stored<NoticeRecord<TNotice>> Record, bool IsFirst)
{
    public bool IsSent => Record.Document.SentAt is not null;
}

/// <summary>Notices, claimed under a deterministic id (instance + reminder kind + due date), so that a redelivered
/// lifecycle command claims the same row and a notice goes out once.</summary>
public interface INoticeStore<TNotice>
{
    Task<NoticeClaim<TNotice>> ClaimAsync(string noticeId, TNotice notice, DateTimeOffset now, CancellationToken ct);

    Task<Stored<NoticeRecord<TNotice>>> MarkSentAsync(Stored<NoticeRecord<TNotice>> claimed, DateTimeOffset sentAt, CancellationToken ct);

    /// <summary>A notice that went out without a claim (the process that decided it carried it out), stored as sent. A row
    /// already there is the claim of a delivery that failed before a failure event had the notice decided again under its
    /// id, or of one racing this attempt: it is marked sent unless it already is (KZ-2.6: a sent notice is logged as sent).</summary>
    Task RecordSentAsync(string noticeId, TNotice notice, DateTimeOffset claimedAt, DateTimeOffset sentAt, CancellationToken ct);

    /// <summary>A notice of one registration (a <see cref="RegistrationCommand"/>), by its id; null when that registration has none by it.</summary>
    Task<Stored<NoticeRecord<TNotice>>?> GetAsync(string registrationId, string noticeId, CancellationToken ct);

    /// <summary>The notices claimed for one registration, oldest first: operations' mail log.</summary>
    Task<IReadOnlyList<NoticeRecord<TNotice>>> ListForRegistrationAsync(string registrationId, CancellationToken ct);

    /// <summary>UA-Pre-6: rewrites each notice of one registration with <paramref name="erase"/>; whether and when each went out stays.</summary>
    Task EraseForRegistrationAsync(string registrationId, Func<TNotice, TNotice> erase, CancellationToken ct);
}

/// <summary>
/// A registration's notices are claimed in its own partition of "noticesbyregistration" (row key: the notice id), so
/// its mail log is one partition query and a notice costs a claim and a mark (issue 16); other notices are claimed in
/// "notices", one partition per id. Earlier versions claimed every notice in "notices" and kept a copy in the
/// registration's partition, written right after the claim and again once marked sent: that copy is now the claim.
/// The old claim row is read only for a copy not marked sent (the crash between marking the claim and copying it),
/// and is erased with the registration.
/// </summary>
public sealed class NoticeStore<TNotice>(StorageClients clients) : INoticeStore<TNotice>
{
    // A row key of "notices" repeats its partition key: Azurite finds rows by row key first, so one key shared by
    // every partition would make each point read scan the whole table on the local host.

    private readonly DocumentTable _byId = new(clients.Table("notices"));
    private readonly DocumentTable _byRegistration = new(clients.Table("noticesbyregistration"));

    public async Task<NoticeClaim<TNotice>> ClaimAsync(string noticeId, TNotice notice, DateTimeOffset now, CancellationToken ct)
    {
        var (table, partition, row) = Place(noticeId, notice);
        try
        {
            return new(await table.InsertAsync(partition, row, new NoticeRecord<TNotice>(noticeId, notice, now, null), null, ct), IsFirst: true);
        }
        catch (DocumentAlreadyExistsException)
        {
            var existing = await table.GetAsync<NoticeRecord<TNotice>>(partition, row, ct)
                ?? throw new InvalidOperationException($"Notice {noticeId} vanished while being claimed.");
            return new(await WithEarlierSendingAsync(existing, ct), IsFirst: false);
        }
    }

    public Task<Stored<NoticeRecord<TNotice>>> MarkSentAsync(Stored<NoticeRecord<TNotice>> claimed, DateTimeOffset sentAt, CancellationToken ct) =>
        MarkAsync(Place(claimed.Document.NoticeId, claimed.Document.Notice).Table, claimed, sentAt, ct);

    public async Task RecordSentAsync(string noticeId, TNotice notice, DateTimeOffset claimedAt, DateTimeOffset sentAt, CancellationToken ct)
    {
        var (table, partition, row) = Place(noticeId, notice);
        try
        {
            await table.InsertAsync(partition, row, new NoticeRecord<TNotice>(noticeId, notice, claimedAt, sentAt), SentColumns(), ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // KZ-2.6 (probe D6): the claim of a delivery that failed stays unsent unless the attempt that sent marks it.
            var claimed = await table.GetAsync<NoticeRecord<TNotice>>(partition, row, ct)
                ?? throw new InvalidOperationException($"Notice {noticeId} vanished while being recorded as sent.");
            await MarkAsync(table, claimed, sentAt, ct);
        }
    }

    public async Task<Stored<NoticeRecord<TNotice>>?> GetAsync(string registrationId, string noticeId, CancellationToken ct) =>
        await _byRegistration.GetAsync<NoticeRecord<TNotice>>(TableKeys.Escape(registrationId), TableKeys.Escape(noticeId), ct) is { } stored
            ? await WithEarlierSendingAsync(stored, ct)
            : null;

    public async Task<IReadOnlyList<NoticeRecord<TNotice>>> ListForRegistrationAsync(string registrationId, CancellationToken ct)
    {
        var notices = new List<NoticeRecord<TNotice>>();
        await foreach (var stored in _byRegistration.QueryAsync<NoticeRecord<TNotice>>(PartitionFilter(registrationId), null, ct))
            notices.Add((await WithEarlierSendingAsync(stored, ct)).Document);
        return [.. notices.OrderBy(n => n.ClaimedAt).ThenBy(n => n.NoticeId, StringComparer.Ordinal)];
    }

    public async Task EraseForRegistrationAsync(string registrationId, Func<TNotice, TNotice> erase, CancellationToken ct)
    {
        await foreach (var stored in _byRegistration.QueryAsync<NoticeRecord<TNotice>>(PartitionFilter(registrationId), null, ct))
        {
            await EraseAsync(_byRegistration, stored, erase, ct);
            var key = TableKeys.Escape(stored.Document.NoticeId);
            if (await _byId.GetAsync<NoticeRecord<TNotice>>(key, key, ct) is { } earlierClaim) await EraseAsync(_byId, earlierClaim, erase, ct);
        }
    }

    private (DocumentTable Table, string Partition, string Row) Place(string noticeId, TNotice notice) =>
        notice is RegistrationCommand { RegistrationId: { Length: > 0 } registrationId }
            ? (_byRegistration, TableKeys.Escape(registrationId), TableKeys.Escape(noticeId))
            : (_byId, TableKeys.Escape(noticeId), TableKeys.Escape(noticeId));

    /// <summary>A registration's notice not marked sent may have been sent under an earlier version's claim row.</summary>
    private async Task<Stored<NoticeRecord<TNotice>>> WithEarlierSendingAsync(Stored<NoticeRecord<TNotice>> stored, CancellationToken ct)
    {
        if (stored.Document.SentAt is not null || Place(stored.Document.NoticeId, stored.Document.Notice).Table != _byRegistration) return stored;
        var key = TableKeys.Escape(stored.Document.NoticeId);
        return await _byId.GetAsync<NoticeRecord<TNotice>>(key, key, ct) is { Document.SentAt: { } sentAt }
            ? stored with { Document = stored.Document with { SentAt = sentAt } }
            : stored;
    }

    /// <summary>Marks the row as it is now: one marked meanwhile keeps its sending, so a notice is logged sent once; one
    /// erased meanwhile (UA-Pre-6) stays erased.</summary>
    private static async Task<Stored<NoticeRecord<TNotice>>> MarkAsync(DocumentTable table, Stored<NoticeRecord<TNotice>> stored, DateTimeOffset sentAt,
        CancellationToken ct)
    {
        while (stored.Document.SentAt is null)
        {
            try
            {
                return await table.UpdateAsync(stored, stored.Document with { SentAt = sentAt }, SentColumns(), ct);
            }
            catch (ConcurrencyConflictException)
            {
                stored = await table.GetAsync<NoticeRecord<TNotice>>(stored.PartitionKey, stored.RowKey, ct)
                    ?? throw new InvalidOperationException($"Notice {stored.Document.NoticeId} vanished while being marked sent.");
            }
        }
        return stored;
    }

    private static async Task EraseAsync(DocumentTable table, Stored<NoticeRecord<TNotice>> stored, Func<TNotice, TNotice> erase, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await table.UpdateAsync(stored, stored.Document with { Notice = erase(stored.Document.Notice) }, null, ct);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // Marked sent meanwhile: erase the record as it is now.
                stored = await table.GetAsync<NoticeRecord<TNotice>>(stored.PartitionKey, stored.RowKey, ct)
                    ?? throw new InvalidOperationException($"Notice {stored.Document.NoticeId} vanished while being erased.");
            }
        }
    }

    private static Dictionary<string, object?> SentColumns() => new() { ["Sent"] = true };

    private static string PartitionFilter(string registrationId) => $"PartitionKey eq '{TableKeys.Escape(registrationId).Replace("'", "''")}'";
}
