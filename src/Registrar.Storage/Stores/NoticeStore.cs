using Azure.Data.Tables;
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

/// <summary>Notices, one partition per notice id (deterministic: instance + reminder kind + due date), so
/// that a redelivered lifecycle command claims the same row and a notice goes out once.</summary>
public interface INoticeStore<TNotice>
{
    Task<NoticeClaim<TNotice>> ClaimAsync(string noticeId, TNotice notice, DateTimeOffset now, CancellationToken ct);

    Task<Stored<NoticeRecord<TNotice>>> MarkSentAsync(Stored<NoticeRecord<TNotice>> claimed, DateTimeOffset sentAt, CancellationToken ct);

    /// <summary>A claimed notice whose sending failed: shown in its registration's mail log (and found by its erasure) while it
    /// waits for its retry.</summary>
    Task LogUnsentAsync(Stored<NoticeRecord<TNotice>> claimed, CancellationToken ct);

    Task<Stored<NoticeRecord<TNotice>>?> GetAsync(string noticeId, CancellationToken ct);

    /// <summary>The notices claimed for one registration (a <see cref="RegistrationCommand"/>), oldest first: operations' mail log.</summary>
    Task<IReadOnlyList<NoticeRecord<TNotice>>> ListForRegistrationAsync(string registrationId, CancellationToken ct);

    /// <summary>UA-Pre-6: rewrites each notice of one registration (its claim and its mail-log copy) with <paramref name="erase"/>;
    /// whether and when each went out stays.</summary>
    Task EraseForRegistrationAsync(string registrationId, Func<TNotice, TNotice> erase, CancellationToken ct);
}

/// <summary>
/// The claim rows decide "sent once". Beside them, a copy of each claim of a registration's notice is kept in a
/// table of its own, one partition per registration, so its mail log is one partition query instead of a scan of
/// every notice ever sent. The copy is written once the first attempt ended (marked sent, or its failure logged),
/// not at the claim: a notice costs a claim, a mark and one copy (issue 16). A crash before the copy is written
/// leaves a claim that the command's redelivery meets again and copies; the list reads the claim itself for a
/// copy not yet marked sent, so a stale copy is never shown.
/// </summary>
public sealed class NoticeStore<TNotice>(StorageClients clients) : INoticeStore<TNotice>
{
    // The row key repeats the partition key: Azurite finds rows by row key first, so one key shared by
    // every partition would make each point read scan the whole table on the local host.

    private readonly DocumentTable _table = new(clients.Table("notices"));
    private readonly DocumentTable _byRegistration = new(clients.Table("noticesbyregistration"));

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
            // A redelivery: the attempt before it may have ended in a crash before its copy was written.
            await KeepCopyAsync(existing.Document, ct);
            return new(existing, IsFirst: false);
        }
    }

    public async Task<Stored<NoticeRecord<TNotice>>> MarkSentAsync(Stored<NoticeRecord<TNotice>> claimed, DateTimeOffset sentAt, CancellationToken ct)
    {
        var sent = await _table.ReplaceAsync(claimed, claimed.Document with { SentAt = sentAt }, new Dictionary<string, object?> { ["Sent"] = true }, ct);
        await KeepCopyAsync(sent.Document, ct);
        return sent;
    }

    public Task LogUnsentAsync(Stored<NoticeRecord<TNotice>> claimed, CancellationToken ct) => KeepCopyAsync(claimed.Document, ct);

    public Task<Stored<NoticeRecord<TNotice>>?> GetAsync(string noticeId, CancellationToken ct) =>
        _table.GetAsync<NoticeRecord<TNotice>>(TableKeys.Escape(noticeId), TableKeys.Escape(noticeId), ct);

    public async Task<IReadOnlyList<NoticeRecord<TNotice>>> ListForRegistrationAsync(string registrationId, CancellationToken ct)
    {
        var filter = $"PartitionKey eq '{TableKeys.Escape(registrationId).Replace("'", "''")}'";
        var notices = new List<NoticeRecord<TNotice>>();
        await foreach (var copy in _byRegistration.QueryAsync<NoticeRecord<TNotice>>(filter, null, ct))
        {
            var record = copy.Document;
            if (record.SentAt is null && await GetAsync(record.NoticeId, ct) is { } claim) record = claim.Document;
            notices.Add(record);
        }
        return [.. notices.OrderBy(n => n.ClaimedAt).ThenBy(n => n.NoticeId, StringComparer.Ordinal)];
    }

    public async Task EraseForRegistrationAsync(string registrationId, Func<TNotice, TNotice> erase, CancellationToken ct)
    {
        var filter = $"PartitionKey eq '{TableKeys.Escape(registrationId).Replace("'", "''")}'";
        await foreach (var copy in _byRegistration.QueryAsync<NoticeRecord<TNotice>>(filter, null, ct))
            await EraseAsync(copy.Document, erase, ct);
    }

    private async Task EraseAsync(NoticeRecord<TNotice> copy, Func<TNotice, TNotice> erase, CancellationToken ct)
    {
        while (true)
        {
            if (await GetAsync(copy.NoticeId, ct) is not { } claim)
            {
                await KeepCopyAsync(copy with { Notice = erase(copy.Notice) }, ct);
                return;
            }
            try
            {
                var erased = await _table.ReplaceDocumentAsync(claim, claim.Document with { Notice = erase(claim.Document.Notice) }, ct);
                await KeepCopyAsync(erased.Document, ct);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // Marked sent meanwhile: erase the record as it is now.
            }
        }
    }

    private async Task KeepCopyAsync(NoticeRecord<TNotice> record, CancellationToken ct)
    {
        // Only a registration's notices have a mail log; other notice types keep their claim row alone.
        if (record.Notice is not RegistrationCommand { RegistrationId: { Length: > 0 } registrationId }) return;
        await _byRegistration.EnsureCreatedAsync(ct);
        var entity = DocumentTable.Entity(TableKeys.Escape(registrationId), TableKeys.Escape(record.NoticeId), record, null);
        await _byRegistration.Client.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }
}
