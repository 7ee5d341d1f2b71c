using Registrar.Core.Registrations;
using static Registrar.Mail.Tests.NoticeTestComposer;

namespace Registrar.Mail.Tests;

/// <summary>Mailed links that prove something: signed, expiring, and used once.</summary>
public sealed class SingleUseLinkTests
{
    private readonly NoticeTestComposer _mail = new();

    private string ConfirmationToken(string requestId = "r-1")
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.RequestConfirmation, language: "en",
            facts: new NoticeFacts(RequestId: requestId, RequestKind: "early-deletion")), Now);
        var link = mail.PlainText.Split('\n').Single(line => line.StartsWith("https://", StringComparison.Ordinal));
        Assert.StartsWith("https://panel.test/confirm-request?token=", link);
        Assert.Contains("delete the domain", mail.PlainText);
        // 24 hours after 10:00 UTC on 24 November 2026 is 15:00 in Almaty on the 25th.
        Assert.Contains("valid until 2026-11-25 15:00 (UTC+5)", mail.PlainText);
        return link.Split("token=")[1];
    }

    [Fact]
    public async Task A_confirmation_link_proves_its_request_once_KZ_5_3_UA_4_7()
    {
        var token = ConfirmationToken();

        var first = await _mail.Confirmations.RedeemAsync(token, default);
        var second = await _mail.Confirmations.RedeemAsync(token, default);

        Assert.Equal((LinkUse.FirstUse, "cust-7", "r-1"), (first.Outcome, first.Subject, first.LinkId));
        // A later use still names the request, so that one a crash interrupted can be finished (never proved twice).
        Assert.Equal((LinkUse.AlreadyUsed, "r-1"), (second.Outcome, second.LinkId));
    }

    [Fact]
    public async Task A_confirmation_link_expires_after_24_hours_and_records_no_use_KZ_5_3_UA_4_7()
    {
        var token = ConfirmationToken();
        _mail.Clock.Advance(TimeSpan.FromHours(24));

        Assert.Equal(LinkUse.Expired, (await _mail.Confirmations.RedeemAsync(token, default)).Outcome);
        Assert.True(await _mail.Uses.TryUseAsync("request:r-1", Now, default));
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_confirms_nothing_KZ_5_3_UA_4_7()
    {
        var token = ConfirmationToken();
        var setPassword = _mail.Composer.Compose(Notice(NoticeKind.Registered), Now).PlainText.Split("token=")[1].Split('\n')[0];

        Assert.Equal(LinkUse.Invalid, (await _mail.Confirmations.RedeemAsync(token[..^2] + (token[^2] == 'A' ? "BB" : "AA"), default)).Outcome);
        Assert.Equal(LinkUse.Invalid, (await _mail.Confirmations.RedeemAsync(setPassword, default)).Outcome);
        Assert.Equal(LinkUse.Invalid, (await _mail.Links.RedeemAsync(token, default)).Outcome);
    }

    [Fact]
    public async Task A_set_password_link_works_once_UA_2_1_2()
    {
        var token = _mail.Composer.Compose(Notice(NoticeKind.Registered), Now).PlainText.Split("token=")[1].Split('\n')[0];

        Assert.Equal(LinkUse.FirstUse, (await _mail.Links.RedeemAsync(token, default)).Outcome);
        Assert.Equal(LinkUse.AlreadyUsed, (await _mail.Links.RedeemAsync(token, default)).Outcome);
    }

    [Fact]
    public async Task A_set_password_link_mailed_to_an_address_the_account_has_changed_since_sets_nothing_and_is_not_spent_UA_2_1_2_KZ_5_3()
    {
        var contact = new ContactAddresses { Current = "owner@example.org" };
        var mail = new NoticeTestComposer(addresses: contact);
        var token = mail.Composer.Compose(Notice(NoticeKind.Registered), Now).PlainText.Split("token=")[1].Split('\n')[0];
        contact.Current = "new-owner@example.org";

        Assert.Equal(LinkUse.Superseded, (await mail.Links.RedeemAsync(token, default)).Outcome);
        contact.Current = "Owner@Example.org ";
        Assert.Equal(LinkUse.FirstUse, (await mail.Links.RedeemAsync(token, default)).Outcome);
    }

    private sealed class ContactAddresses : IContactAddresses
    {
        public string? Current { get; set; }

        public Task<string?> CurrentAsync(string customerId, CancellationToken ct) => Task.FromResult(Current);
    }
}
