using Registrar.Core.Registrations;
using Registrar.Storage.Configuration;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>A registration's notices and its mail log (KZ-2.6: operations see what went out) on Azurite: claimed in the
/// registration's partition, and the rows an earlier version wrote (a claim by id and its copy) still honoured.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoticeMailLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static SendNotice Notice(string registrationId) =>
        new($"{registrationId}-7", registrationId, NoticeKind.RenewalReminder, "cust-1", "owner@mail.example.kz", "kz", "shop.kz");

    [Fact]
    public async Task A_claimed_notice_is_in_the_mail_log_as_not_sent_until_it_is_marked_sent()
    {
        var notices = new NoticeStore<SendNotice>(TestStorage.Clients(azurite));
        var notice = Notice("O1-1");

        var claim = await notices.ClaimAsync(notice.CommandId, notice, Now, default);
        var beforeSending = Assert.Single(await notices.ListForRegistrationAsync("O1-1", default));
        await notices.MarkSentAsync(claim.Record, Now.AddSeconds(2), default);

        Assert.Null(beforeSending.SentAt);
        var logged = Assert.Single(await notices.ListForRegistrationAsync("O1-1", default));
        Assert.Equal((notice.CommandId, Now.AddSeconds(2)), (logged.NoticeId, logged.SentAt));
        Assert.Equal(Now.AddSeconds(2), (await notices.GetAsync("O1-1", notice.CommandId, default))!.Document.SentAt);
        Assert.Null(await notices.GetAsync("O2-1", notice.CommandId, default));
    }

    [Fact]
    public async Task A_notice_sent_on_its_first_attempt_is_stored_once_as_sent_and_a_later_delivery_finds_it_sent()
    {
        var notices = new NoticeStore<SendNotice>(TestStorage.Clients(azurite));
        var notice = Notice("O5-1");

        await notices.RecordSentAsync(notice.CommandId, notice, Now, Now.AddSeconds(2), default);
        var redelivered = await notices.ClaimAsync(notice.CommandId, notice, Now.AddMinutes(1), default);

        Assert.False(redelivered.IsFirst);
        Assert.True(redelivered.IsSent);
        var logged = Assert.Single(await notices.ListForRegistrationAsync("O5-1", default));
        Assert.Equal((Now, Now.AddSeconds(2)), (logged.ClaimedAt, logged.SentAt));
    }

    [Fact]
    public async Task A_notice_sent_after_the_mail_server_came_back_is_logged_as_sent_KZ_2_6()
    {
        var notices = new NoticeStore<SendNotice>(TestStorage.Clients(azurite));
        var notice = Notice("O6-1");
        // Every queued delivery claimed the notice and failed to send it; the registration decided it again an hour later.
        await notices.ClaimAsync(notice.CommandId, notice, Now, default);

        await notices.RecordSentAsync(notice.CommandId, notice, Now.AddHours(1), Now.AddHours(1).AddSeconds(2), default);

        var logged = Assert.Single(await notices.ListForRegistrationAsync("O6-1", default));
        Assert.Equal((Now, Now.AddHours(1).AddSeconds(2)), (logged.ClaimedAt, logged.SentAt));
        Assert.True((await notices.ClaimAsync(notice.CommandId, notice, Now.AddHours(2), default)).IsSent);
    }

    [Fact]
    public async Task A_notice_sent_by_two_racing_attempts_is_logged_as_sent_once_by_the_first_to_record_it_KZ_2_6()
    {
        var notices = new NoticeStore<SendNotice>(TestStorage.Clients(azurite));
        var notice = Notice("O7-1");
        var claim = await notices.ClaimAsync(notice.CommandId, notice, Now, default);

        await notices.RecordSentAsync(notice.CommandId, notice, Now.AddSeconds(1), Now.AddSeconds(2), default);
        var marked = await notices.MarkSentAsync(claim.Record, Now.AddSeconds(3), default);

        Assert.Equal(Now.AddSeconds(2), marked.Document.SentAt);
        Assert.Equal(Now.AddSeconds(2), Assert.Single(await notices.ListForRegistrationAsync("O7-1", default)).SentAt);
    }

    [Fact]
    public async Task A_notice_an_earlier_version_claimed_and_sent_is_not_sent_again_even_when_its_copy_missed_the_sending()
    {
        var clients = TestStorage.Clients(azurite);
        var notice = Notice("O3-1");
        // The earlier layout: the claim by id, marked sent, and the registration's copy written before the sending.
        await EarlierRowAsync(clients, "notices", notice.CommandId, new NoticeRecord<SendNotice>(notice.CommandId, notice, Now, Now.AddSeconds(1)));
        await EarlierRowAsync(clients, "noticesbyregistration", "O3-1", new NoticeRecord<SendNotice>(notice.CommandId, notice, Now, null));
        var notices = new NoticeStore<SendNotice>(clients);

        var again = await notices.ClaimAsync(notice.CommandId, notice, Now.AddMinutes(1), default);

        Assert.False(again.IsFirst);
        Assert.True(again.IsSent);
        Assert.Equal(Now.AddSeconds(1), Assert.Single(await notices.ListForRegistrationAsync("O3-1", default)).SentAt);
    }

    [Fact]
    public async Task UA_Pre_6_erasing_a_registrations_notices_erases_the_earlier_versions_claim_rows_too()
    {
        var clients = TestStorage.Clients(azurite);
        var notice = Notice("O4-1");
        var sent = new NoticeRecord<SendNotice>(notice.CommandId, notice, Now, Now.AddSeconds(1));
        await EarlierRowAsync(clients, "notices", notice.CommandId, sent);
        await EarlierRowAsync(clients, "noticesbyregistration", "O4-1", sent);
        var notices = new NoticeStore<SendNotice>(clients);

        await notices.EraseForRegistrationAsync("O4-1", n => n with { To = "erased" }, default);

        var key = TableKeys.Escape(notice.CommandId);
        var earlierClaim = await new DocumentTable(clients.Table("notices")).GetAsync<NoticeRecord<SendNotice>>(key, key, default);
        Assert.Equal("erased", earlierClaim!.Document.Notice.To);
        var logged = Assert.Single(await notices.ListForRegistrationAsync("O4-1", default));
        Assert.Equal(("erased", Now.AddSeconds(1)), (logged.Notice.To, logged.SentAt));
    }

    private static async Task EarlierRowAsync(StorageClients clients, string table, string partition, NoticeRecord<SendNotice> record)
    {
        var rows = new DocumentTable(clients.Table(table));
        await rows.EnsureCreatedAsync(default);
        await rows.InsertAsync(TableKeys.Escape(partition), TableKeys.Escape(record.NoticeId), record, null, default);
    }
}
