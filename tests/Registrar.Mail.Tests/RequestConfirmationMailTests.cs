using Registrar.Core.Registrations;
using static Registrar.Mail.Tests.NoticeTestComposer;

namespace Registrar.Mail.Tests;

/// <summary>UA-1.5.8, KZ-2.3, UA-4.7: a confirmation proves consent only to what it names, so its mail says, in every language
/// we write in, what the request does and what follows from it.</summary>
public sealed class RequestConfirmationMailTests
{
    private readonly NoticeTestComposer _mail = new();

    [Theory]
    [InlineData("en", "the agreement ends on 2027-06-29 07:30 (UTC+3)", "deleted from the registry")]
    [InlineData("uk", "договір припиняється 2027-06-29 07:30 (UTC+3)", "буде видалено з реєстру")]
    [InlineData("ru", "договор прекращается 2027-06-29 07:30 (UTC+3)", "будет удален из реестра")]
    [InlineData("kk", "шарт 2027-06-29 07:30 (UTC+3) тоқтатылады", "тізілімнен жойылады")]
    public void A_termination_confirmation_states_the_day_the_contract_ends_and_that_the_domain_is_then_deleted_UA_1_5_8_UA_6_1(
        string language, string ends, string deleted)
    {
        var text = Confirmation("termination", language, new NoticeFacts(DeletionAt: new DateTimeOffset(2027, 6, 29, 4, 30, 0, TimeSpan.Zero)), "com.ua");

        Assert.Contains(ends, text);
        Assert.Contains(deleted, text);
    }

    [Theory]
    [InlineData("en", "to a new registrant, ТОО Новый Владелец")]
    [InlineData("uk", "новому власнику — ТОО Новый Владелец")]
    [InlineData("ru", "новому владельцу — ТОО Новый Владелец")]
    [InlineData("kk", "жаңа иесіне (ТОО Новый Владелец)")]
    public void A_registrant_change_confirmation_names_the_new_registrant_UA_1_5_8_KZ_2_3(string language, string named)
    {
        Assert.Contains(named, Confirmation("registrant-change", language, new NoticeFacts(NewRegistrant: "ТОО Новый Владелец")));
    }

    [Theory]
    [InlineData("en", "once you confirm, we issue an invoice, and the domain passes to the new registrant when it is paid")]
    [InlineData("uk", "після підтвердження ми виставимо рахунок, і домен перейде до нового власника, коли його буде оплачено")]
    [InlineData("ru", "после подтверждения мы выставим счёт, и домен перейдёт к новому владельцу, когда он будет оплачен")]
    [InlineData("kk", "растағаннан кейін біз шот жібереміз, ал шот төленгенде домен жаңа иесіне өтеді")]
    public void A_registrant_change_confirmation_says_an_invoice_follows_and_nothing_changes_until_it_is_paid_KZ_2_4(string language, string follows)
    {
        Assert.Contains(follows, Confirmation("registrant-change", language, new NoticeFacts(NewRegistrant: "ТОО Новый Владелец")));
    }

    [Theory]
    [InlineData("en", "name servers of the domain пример.kz to ns1.example.net, ns2.example.net")]
    [InlineData("uk", "DNS-серверів домену пример.kz на ns1.example.net, ns2.example.net")]
    [InlineData("ru", "DNS-серверов домена пример.kz на ns1.example.net, ns2.example.net")]
    [InlineData("kk", "DNS-серверлерін ns1.example.net, ns2.example.net серверлеріне")]
    public void A_dns_change_confirmation_lists_the_new_name_servers_KZ_2_3(string language, string named)
    {
        Assert.Contains(named, Confirmation("dns-change", language, new NoticeFacts(NameServers: ["ns1.example.net", "ns2.example.net"])));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("uk")]
    [InlineData("ru")]
    [InlineData("kk")]
    public void A_dns_change_confirmation_shows_the_name_servers_as_typed_in_Unicode_not_as_their_A_labels_KZ_2_3(string language)
    {
        var text = Confirmation("dns-change", language, new NoticeFacts(NameServers: ["ns1.xn--e1afmkfd.xn--p1ai", "ns2.example.net"]));

        Assert.Contains("ns1.пример.рф, ns2.example.net", text);
        Assert.DoesNotContain("xn--", text);
    }

    [Theory]
    [InlineData("en", "contact e-mail of the account of the domain пример.kz to new-owner@example.org")]
    [InlineData("uk", "контактної електронної пошти облікового запису домену пример.kz на new-owner@example.org")]
    [InlineData("ru", "контактной электронной почты учетной записи домена пример.kz на new-owner@example.org")]
    [InlineData("kk", "байланыс электрондық поштасын new-owner@example.org мекенжайына")]
    public void A_contact_email_change_confirmation_names_the_new_address_UA_4_7_KZ_2_3(string language, string named)
    {
        Assert.Contains(named, Confirmation("contact-email-change", language, new NoticeFacts(ContactEmail: "new-owner@example.org")));
    }

    [Theory]
    [InlineData("en", "transfer code for the domain пример.kz", "leave us for another registrar")]
    [InlineData("uk", "коду перенесення домену пример.kz", "до іншого реєстратора")]
    [InlineData("ru", "кода переноса домена пример.kz", "к другому регистратору")]
    [InlineData("kk", "пример.kz доменін ауыстыру кодын", "басқа тіркеушіге")]
    public void A_transfer_code_confirmation_says_the_code_lets_the_domain_leave_for_another_registrar_UA_1_5_8_KZ_App_9(
        string language, string code, string leaves)
    {
        var text = Confirmation("transfer-code", language, new NoticeFacts());

        Assert.Contains(code, text);
        Assert.Contains(leaves, text);
    }

    [Theory]
    [InlineData("en", "whose registration ended on 2026-11-01 09:30 (UTC+5)", "before its registration ends")]
    [InlineData("uk", "строк реєстрації якого закінчився 2026-11-01 09:30 (UTC+5)", "до закінчення строку реєстрації")]
    [InlineData("ru", "срок регистрации которого закончился 2026-11-01 09:30 (UTC+5)", "до окончания срока регистрации")]
    [InlineData("kk", "тіркеу мерзімі 2026-11-01 09:30 (UTC+5) аяқталған", "мерзімі аяқталғанға дейін")]
    public void An_early_deletion_confirmation_of_an_expired_domain_says_its_registration_ended_not_that_it_ends_early_UA_1_5_6_UA_1_5_8(
        string language, string ended, string early)
    {
        var expired = Confirmation("early-deletion", language, new NoticeFacts(ExpiresAt: new DateTimeOffset(2026, 11, 1, 4, 30, 0, TimeSpan.Zero)));
        var live = Confirmation("early-deletion", language, new NoticeFacts(ExpiresAt: new DateTimeOffset(2027, 11, 1, 4, 30, 0, TimeSpan.Zero)));

        Assert.Contains(ended, expired);
        Assert.DoesNotContain(early, expired);
        Assert.Contains(early, live);
    }

    [Theory]
    [InlineData("termination", "deleted from the registry")]
    [InlineData("registrant-change", "to a new registrant.")]
    [InlineData("dns-change", "change the name servers of the domain пример.kz.")]
    [InlineData("contact-email-change", "change the contact e-mail of the account of the domain пример.kz.")]
    public void A_confirmation_stored_before_it_carried_what_the_request_does_still_renders_its_kind(string kind, string said)
    {
        var text = Confirmation(kind, "en", new NoticeFacts());

        Assert.Contains(said, text);
        Assert.Contains("https://panel.test/confirm-request?token=", text);
    }

    private string Confirmation(string kind, string language, NoticeFacts facts, string zone = "kz") =>
        _mail.Composer.Compose(Notice(NoticeKind.RequestConfirmation, zone, facts: facts with { RequestId = "r-1", RequestKind = kind }, language: language), Now)
            .PlainText;
}
