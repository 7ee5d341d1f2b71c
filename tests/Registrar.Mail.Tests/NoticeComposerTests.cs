using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Core.Registrations;
using Registrar.Mail;

namespace Registrar.Mail.Tests;

public sealed class NoticeComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SetPasswordLinks _links;
    private readonly NoticeComposer _composer;

    public NoticeComposerTests()
    {
        var options = Options.Create(new NoticeOptions
        {
            SetPasswordUrl = "https://panel.test/set-password",
            SetPasswordSigningKey = Convert.ToBase64String(new byte[32]),
        });
        _links = new SetPasswordLinks(options, _clock);
        _composer = new NoticeComposer(options, _links);
    }

    private static SendNotice Registered(string zone) =>
        new("reg-1-3", "reg-1", NoticeKind.Registered, "cust-7", "owner@example.com.ua", zone, "приклад.com.ua");

    [Fact]
    public void The_welcome_mail_carries_a_set_password_link_for_the_customer_and_no_password_UA_2_1_2()
    {
        var mail = _composer.Compose(Registered("com.ua"), Now);

        Assert.Equal(("reg-1-3", "owner@example.com.ua"), (mail.NoticeId, mail.To));
        Assert.Contains("зареєстровано", mail.Subject);
        var link = mail.PlainText.Split('\n').Last();
        Assert.StartsWith("https://panel.test/set-password?token=", link);
        Assert.Equal("cust-7", _links.Verify(link.Split("token=")[1]));
        Assert.DoesNotContain("пароль:", mail.PlainText);
    }

    [Fact]
    public void A_set_password_link_expires_and_a_tampered_one_is_refused_UA_2_1_2()
    {
        var token = _composer.Compose(Registered("kz"), Now).PlainText.Split("token=")[1];

        Assert.Null(_links.Verify(token[..^2] + (token[^2] == 'A' ? "BB" : "AA")));
        _clock.Advance(TimeSpan.FromDays(4));
        Assert.Null(_links.Verify(token));
    }

    [Fact]
    public void Notices_are_in_the_language_of_the_zones_offer()
    {
        Assert.Contains("зарегистрирован", _composer.Compose(Registered("қаз"), Now).Subject);
        Assert.Contains("зареєстровано", _composer.Compose(Registered("kyiv.ua"), Now).Subject);
    }
}
