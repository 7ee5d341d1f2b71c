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

/// <summary>Notices, one partition per notice id (deterministic: instance + reminder kind + due date), so
/// that a redelivered lifecycle command claims the same row and a notice goes out once.</summary>
public interface INoticeStore<TNotice>
{
    Task<NoticeClaim<TNotice>> ClaimAsync(string noticeId, TNotice notice, DateTimeOffset now, CancellationToken ct);

    Task<Stored<NoticeRecord<TNotice>>> MarkSentAsync(Stored<NoticeRecord<TNotice>> claimed, DateTimeOffset sentAt, CancellationToken ct);

    Task<Stored<NoticeRecord<TNotice>>?> GetAsync(string noticeId, CancellationToken ct);
}

public sealed class NoticeStore<TNotice>(StorageClients clients) : INoticeStore<TNotice>
{
    // The row key repeats the partition key: Azurite finds rows by row key first, so one key shared by
    // every partition would make each point read scan the whole table on the local host.

    private readonly DocumentTable _table = new(clients.Table("notices"));

    public async Task<NoticeClaim<TNotice>> ClaimAsync(string noticeId, TNotice notice, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var record = new NoticeRecord<TNotice>(noticeId, notice, now, null);
            return new(await _table.InsertAsync(TableKeys.Escape(noticeId), TableKeys.Escape(noticeId), record, null, ct), IsFirst: true);
        }
        catch (DocumentAlreadyExistsException)
        {
            var existing = await GetAsync(noticeId, ct)
                ?? throw new InvalidOperationException($"Notice {noticeId} vanished while being claimed.");
            return new(existing, IsFirst: false);
        }
    }

    public Task<Stored<NoticeRecord<TNotice>>> MarkSentAsync(Stored<NoticeRecord<TNotice>> claimed, DateTimeOffset sentAt, CancellationToken ct) =>
        _table.ReplaceAsync(claimed, claimed.Document with { SentAt = sentAt }, new Dictionary<string, object?> { ["Sent"] = true }, ct);

    public Task<Stored<NoticeRecord<TNotice>>?> GetAsync(string noticeId, CancellationToken ct) =>
        _table.GetAsync<NoticeRecord<TNotice>>(TableKeys.Escape(noticeId), TableKeys.Escape(noticeId), ct);
}
