using Registrar.Core.Registrations;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>A registration's mail log (KZ-2.6: operations see what went out) on Azurite: one copy per notice, written once its
/// first attempt ended, never left behind by a crash.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoticeMailLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static SendNotice Notice(string registrationId, string kind = "renewal") =>
        new($"{registrationId}|{kind}|2027-05-01", registrationId, NoticeKind.RenewalReminder, "cust-1", "owner@mail.example.kz", "kz", "shop.kz");

    [Fact]
    public async Task A_notice_marked_sent_is_in_its_registrations_mail_log_with_the_time_it_went_out()
    {
        var notices = new NoticeStore<SendNotice>(TestStorage.Clients(azurite));
        var notice = Notice("O1-1");

        var claim = await notices.ClaimAsync(notice.CommandId, notice, Now, default);
        await notices.MarkSentAsync(claim.Record, Now.AddSeconds(2), default);

        var logged = Assert.Single(await notices.ListForRegistrationAsync("O1-1", default));
        Assert.Equal((notice.CommandId, Now.AddSeconds(2)), (logged.NoticeId, logged.SentAt));
    }

    [Fact]
    public async Task A_notice_whose_sending_failed_is_in_the_mail_log_as_not_sent()
    {
        var notices = new NoticeStore<SendNotice>(TestStorage.Clients(azurite));
        var notice = Notice("O2-1");

        var claim = await notices.ClaimAsync(notice.CommandId, notice, Now, default);
        await notices.LogUnsentAsync(claim.Record, default);

        var logged = Assert.Single(await notices.ListForRegistrationAsync("O2-1", default));
        Assert.Null(logged.SentAt);
    }

    [Fact]
    public async Task A_claim_a_crash_left_without_its_copy_is_copied_when_the_redelivered_command_claims_it_again()
    {
        var notices = new NoticeStore<SendNotice>(TestStorage.Clients(azurite));
        var notice = Notice("O3-1");
        await notices.ClaimAsync(notice.CommandId, notice, Now, default);
        Assert.Empty(await notices.ListForRegistrationAsync("O3-1", default));

        var again = await notices.ClaimAsync(notice.CommandId, notice, Now.AddMinutes(1), default);

        Assert.False(again.IsFirst);
        Assert.Equal(notice.CommandId, Assert.Single(await notices.ListForRegistrationAsync("O3-1", default)).NoticeId);
    }
}
