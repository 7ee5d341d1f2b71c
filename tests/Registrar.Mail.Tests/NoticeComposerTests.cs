using Registrar.Core.Registrations;
using static Registrar.Mail.Tests.NoticeTestComposer;

namespace Registrar.Mail.Tests;

/// <summary>The welcome mail's set-password link, and which language a notice is written in.</summary>
public sealed class NoticeComposerTests
{
    private readonly NoticeTestComposer _mail = new();

    [Fact]
    public void The_welcome_mail_carries_a_set_password_link_for_the_customer_and_no_password_UA_2_1_2()
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.Registered, "com.ua", "приклад.com.ua"), Now);

        Assert.Equal(("O00000000000000a1-1-3", "owner@example.org"), (mail.NoticeId, mail.To));
        Assert.Contains("зареєстровано", mail.Subject);
        var link = mail.PlainText.Split('\n').Single(line => line.StartsWith("https://", StringComparison.Ordinal));
        Assert.StartsWith("https://panel.test/set-password?token=", link);
        Assert.Equal("cust-7", _mail.Links.Verify(link.Split("token=")[1]));
        Assert.Contains($"<a href=\"{link}\">{link}</a>", mail.Html);
        Assert.DoesNotMatch(@"(?i)(пароль|password)\s*:\s*\S", mail.PlainText);
    }

    [Fact]
    public void The_welcome_mail_says_until_when_its_link_works_in_the_zones_time_UA_2_1_2()
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.Registered, language: "en"), Now);

        // Three days after 10:00 UTC on 24 November 2026 is 15:00 in Almaty on the 27th.
        Assert.Contains("The link is valid until 2026-11-27 15:00 (UTC+5).", mail.PlainText);
    }

    [Fact]
    public void A_resent_welcome_mail_carries_the_same_link_UA_2_1_2()
    {
        var first = _mail.Composer.Compose(Notice(NoticeKind.Registered), Now);
        var again = _mail.Composer.Compose(Notice(NoticeKind.Registered), Now);

        Assert.Equal(first.PlainText, again.PlainText);
    }

    [Fact]
    public void A_set_password_link_expires_and_a_tampered_one_is_refused_UA_2_1_2()
    {
        var token = _mail.Composer.Compose(Notice(NoticeKind.Registered), Now).PlainText.Split("token=")[1].Split('\n')[0];

        Assert.Equal("cust-7", _mail.Links.Verify(token));
        Assert.Null(_mail.Links.Verify(token[..^2] + (token[^2] == 'A' ? "BB" : "AA")));
        _mail.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Null(_mail.Links.Verify(token));
    }

    [Theory]
    [InlineData("ru", "перенесён к нам")]
    [InlineData("uk", "перенесено до нас")]
    [InlineData("kk", "бізге ауыстырылды")]
    [InlineData("en", "has moved to us")]
    public void A_domain_transferred_in_is_told_as_moved_here_not_as_registered_with_its_expiry_and_a_set_password_link_UA_2_1_2(
        string language, string subject)
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.TransferredIn, language: language, facts: FullFacts), Now);

        Assert.Contains(subject, mail.Subject);
        Assert.Contains(ExpiresAtText, mail.PlainText);
        Assert.Equal("cust-7", _mail.Links.Verify(mail.PlainText.Split("token=")[1].Split('\n')[0]));
    }

    [Theory]
    [InlineData("ru", "Новый пароль")]
    [InlineData("uk", "Новий пароль")]
    [InlineData("kk", "жаңа құпиясөзі")]
    [InlineData("en", "Set a new password")]
    public void A_credential_reset_carries_a_set_password_link_for_the_account_and_never_a_password_KZ_5_3_UA_2_1_2(string language, string subject)
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.CredentialReset, language: language), Now);

        Assert.Contains(subject, mail.Subject);
        Assert.Equal("cust-7", _mail.Links.Verify(mail.PlainText.Split("token=")[1].Split('\n')[0]));
    }

    [Fact]
    public void Only_the_welcome_mails_a_credential_reset_and_a_request_confirmation_carry_a_link()
    {
        foreach (var kind in Enum.GetValues<NoticeKind>().Where(k => k is not (NoticeKind.Registered or NoticeKind.TransferredIn or NoticeKind.RequestConfirmation
            or NoticeKind.CredentialReset)))
            Assert.DoesNotContain("token=", _mail.Composer.Compose(Notice(kind, facts: FullFacts), Now).PlainText);
    }

    [Theory]
    [InlineData("kz", "ru")]
    [InlineData("қаз", "ru")]
    [InlineData("xn--80ao21a", "ru")]
    [InlineData("ua", "uk")]
    [InlineData("kyiv.ua", "uk")]
    public void Without_a_chosen_language_a_notice_is_in_the_language_of_the_zones_offer(string zone, string language)
    {
        Assert.Contains($"<html lang=\"{language}\">", _mail.Composer.Compose(Notice(NoticeKind.Renewed, zone), Now).Html);
    }

    [Theory]
    [InlineData("kz", "kk")]
    [InlineData("kz", "uk")]
    [InlineData("com.ua", "en")]
    [InlineData("com.ua", "ru")]
    public void A_notice_is_in_the_language_the_customer_chose(string zone, string language)
    {
        Assert.Contains($"<html lang=\"{language}\">", _mail.Composer.Compose(Notice(NoticeKind.Renewed, zone, language: language), Now).Html);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("RU")]
    [InlineData("")]
    public void A_language_we_do_not_write_in_falls_back_to_the_zones_offer_language(string language)
    {
        Assert.Contains("<html lang=\"uk\">", _mail.Composer.Compose(Notice(NoticeKind.Renewed, "ua", language: language), Now).Html);
    }

    [Fact]
    public void A_zone_without_an_offer_language_gets_Russian()
    {
        var composer = new NoticeTestComposer(new Dictionary<string, string> { ["ua"] = "uk" }).Composer;

        Assert.Contains("<html lang=\"ru\">", composer.Compose(Notice(NoticeKind.Renewed, "com.ua"), Now).Html);
    }

    [Fact]
    public void An_offer_language_without_templates_is_refused_when_the_options_are_validated()
    {
        var options = new NoticeOptions { LanguageByZone = new() { ["kz"] = "ru", ["ua"] = "de" } };

        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains("Notices:LanguageByZone:ua", Assert.Single(problems).ErrorMessage);
    }

    [Theory]
    [InlineData("kz", "2027-06-01 09:30 (UTC+5)")]
    [InlineData("қаз", "2027-06-01 09:30 (UTC+5)")]
    [InlineData("ua", "2027-06-01 07:30 (UTC+3)")]
    [InlineData("kiev.ua", "2027-06-01 07:30 (UTC+3)")]
    public void Dates_are_shown_in_the_registrars_time_zone_with_its_offset(string zone, string expiry)
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.Renewed, zone, facts: new NoticeFacts(ExpiresAt: FullFacts.ExpiresAt)), Now);

        Assert.Contains(expiry, mail.PlainText);
    }
}
