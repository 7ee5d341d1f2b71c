using System.Net;
using Registrar.Core.Contracts;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using static Registrar.Mail.Tests.NoticeTestComposer;

namespace Registrar.Mail.Tests;

/// <summary>Every notice kind in every language: what the customer reads, and that nothing they typed becomes markup.</summary>
public sealed class NoticeRenderingTests
{
    // Ampersand and tags in the name: the theory sees every template escape it.
    private const string Domain = "<b>пример</b>&.kz";
    private const string EscapedDomain = "&lt;b&gt;пример&lt;/b&gt;&amp;.kz";

    private readonly NoticeTestComposer _mail = new();

    public static TheoryData<NoticeKind, string> EveryKindInEveryLanguage()
    {
        var data = new TheoryData<NoticeKind, string>();
        foreach (var kind in Enum.GetValues<NoticeKind>())
            foreach (var language in CustomerLanguages.All) data.Add(kind, language);
        return data;
    }

    /// <summary>The figures each kind shows when it has them.</summary>
    private static string[] FiguresOf(NoticeKind kind) => kind switch
    {
        NoticeKind.Registered => [ExpiresAtText],
        NoticeKind.NameTaken => [AmountText, FullFacts.InvoiceNumber!],
        // UA-Pre-7: the reason operations gave for the refusal.
        NoticeKind.TrademarkRejected => [AmountText, FullFacts.InvoiceNumber!, FullFacts.Reason!],
        NoticeKind.RenewalReminder or NoticeKind.RenewalInvoice or NoticeKind.Expired =>
            [ExpiresAtText, PayByText, DeletionAtText, AmountText, FullFacts.InvoiceNumber!],
        NoticeKind.Renewed => [ExpiresAtText],
        NoticeKind.Deleted => [DeletionAtText],
        NoticeKind.RequestConfirmation or NoticeKind.DeletedOnRequest or NoticeKind.CredentialReset => [],
        // KZ-2.3: the new details are the person's; the notice only says they changed.
        NoticeKind.RegistrantContactChanged => [],
        NoticeKind.NameserversChanged => ["ns1.example.net, ns2.example.net"],
        // UA-4.7: the clause the registrar consented under, where it had to (KZ-2.6: none for a .kz-only customer).
        NoticeKind.ContactEmailChanged => ["new-owner@example.org", "2.3.1.4"],
        NoticeKind.ContactEmailChangeRefused or NoticeKind.Unsuspended or NoticeKind.ServiceEnded or NoticeKind.TransferredAway or NoticeKind.DeletedByRegistry
            or NoticeKind.TransferInRefused or NoticeKind.TransferInDomainDeleted => [],
        NoticeKind.Suspended => ["2.3.1.4"],
        NoticeKind.Blocked or NoticeKind.Unblocked => ["Court ruling 2-123/2026"],
        NoticeKind.BreachNoticed or NoticeKind.TerminationNoticed or NoticeKind.TerminationConfirmed => ["2.3.1.4", DeletionAtText],
        NoticeKind.BreachCured => ["2.3.1.4"],
        // KZ-App-9: the code itself is checked against its derivation in the test of its own.
        NoticeKind.TransferCode => [],
        NoticeKind.TransferCodeRefused or NoticeKind.TransferAwayRejected => [" 9 "],
        NoticeKind.RegistrantChangeInvoice => [PayByText, AmountText, FullFacts.InvoiceNumber!],
        NoticeKind.RegistrantChanged or NoticeKind.TransferredIn => [ExpiresAtText],
        // UA-1.5.8: an earlier registrant change waits for its invoice (FullFacts' reason).
        NoticeKind.RequestRefused => [PayByText, FullFacts.InvoiceNumber!],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A new notice kind: say which figures it shows."),
    };

    [Theory]
    [MemberData(nameof(EveryKindInEveryLanguage))]
    public void Every_notice_names_the_domain_and_shows_its_figures_with_every_value_escaped_in_html(NoticeKind kind, string language)
    {
        var mail = _mail.Composer.Compose(Notice(kind, domain: Domain, facts: FullFacts, language: language), Now);

        Assert.Contains(Domain, mail.Subject);
        Assert.Contains(Domain, mail.PlainText);
        Assert.Contains(EscapedDomain, mail.Html);
        Assert.DoesNotContain("<b>", mail.Html);
        Assert.Contains($"<html lang=\"{language}\">", mail.Html);
        foreach (var figure in FiguresOf(kind))
        {
            Assert.Contains(figure, mail.PlainText);
            // The encoder also escapes harmless characters ("+" in "UTC+5"); a browser shows them as they were.
            Assert.Contains(figure, WebUtility.HtmlDecode(mail.Html));
        }
        AssertWellFormed(mail.PlainText);
    }

    [Theory]
    [MemberData(nameof(EveryKindInEveryLanguage))]
    public void Every_notice_reads_well_without_any_figures(NoticeKind kind, string language)
    {
        var mail = _mail.Composer.Compose(Notice(kind, domain: "пример.kz", language: language), Now);

        Assert.Contains("пример.kz", mail.PlainText);
        Assert.DoesNotContain("2027", mail.PlainText);
        AssertWellFormed(mail.PlainText);
    }

    [Theory]
    [MemberData(nameof(EveryLanguage))]
    public void A_transfer_code_notice_carries_the_code_its_command_set_and_no_other_notice_does_KZ_App_9(string language)
    {
        var code = _mail.TransferCodes.For(FullFacts.TransferCodeOf!);

        var mail = _mail.Composer.Compose(Notice(NoticeKind.TransferCode, facts: FullFacts, language: language), Now);
        var refused = _mail.Composer.Compose(Notice(NoticeKind.TransferCodeRefused, facts: FullFacts, language: language), Now);

        Assert.Contains(code, mail.PlainText);
        Assert.Contains(code, mail.Html);
        Assert.DoesNotContain(code, refused.PlainText);
        Assert.Contains(" 9 ", refused.PlainText);
    }

    [Theory]
    [InlineData("ru", "Основание: раздел 9 регламента регистрации доменов (приложения к договору).")]
    [InlineData("kk", "Негіздеме: шартқа қосымша домендерді тіркеу регламентінің 9 бөлімі.")]
    [InlineData("en", "Grounds: section 9 of the domain registration regulation attached to the agreement.")]
    [InlineData("uk", "Підстава: розділ 9 регламенту реєстрації доменів (додатка до договору).")]
    public void A_refused_transfer_code_names_the_offers_clause_the_customer_can_find_not_the_rule_id_KZ_App_9(string language, string grounds)
    {
        var refused = _mail.Composer.Compose(Notice(NoticeKind.TransferCodeRefused, facts: FullFacts, language: language), Now);

        Assert.Contains(grounds, refused.PlainText);
        Assert.DoesNotContain("KZ-App", refused.PlainText);
    }

    [Theory]
    [InlineData("uk", "- реєстр заборонив перенесення", "Підстава: RFC 5731 section 2.3.", "рішення щодо доменного спору")]
    [InlineData("ru", "- реестр запретил перенос", "Основание: RFC 5731 section 2.3.", "решение по доменному спору")]
    public void A_ua_registry_ban_is_told_by_the_registrys_protocol_not_as_a_clause_of_the_offer_which_has_none_RFC_5731(
        string language, string ban, string grounds, string disputeDecision)
    {
        var facts = FullFacts with { TransferRefusals = [TransferRefusalReason.RegistryBan], Rules = ["RFC 5731 section 2.3"] };

        var refused = _mail.Composer.Compose(Notice(NoticeKind.TransferCodeRefused, facts: facts, language: language), Now);

        Assert.Contains(ban, refused.PlainText);
        Assert.Contains(grounds, refused.PlainText);
        Assert.DoesNotContain(disputeDecision, refused.PlainText);
    }

    [Theory]
    [InlineData("ru", "статус домена в реестре запрещает перенос", "код переноса не подошёл")]
    [InlineData("uk", "статус домену в реєстрі забороняє перенесення", "код перенесення не підійшов")]
    [InlineData("kk", "тізілімдегі домен мәртебесі ауыстыруға тыйым салады", "ауыстыру коды сәйкес келмеді")]
    [InlineData("en", "the domain's status at the registry forbids its transfer", "the transfer code did not match")]
    public void A_transfer_in_its_domains_status_refused_is_told_so_and_not_as_a_wrong_code_RFC_5731_2_3(string language, string banned, string wrongCode)
    {
        var refusedForStatus = _mail.Composer.Compose(Notice(NoticeKind.TransferInRefused,
            facts: new NoticeFacts(TransferRefusals: [TransferRefusalReason.RegistryBan]), language: language), Now);
        var refused = _mail.Composer.Compose(Notice(NoticeKind.TransferInRefused, language: language), Now);

        Assert.Contains(banned, refusedForStatus.PlainText);
        Assert.DoesNotContain(wrongCode, refusedForStatus.PlainText);
        Assert.Contains(wrongCode, refused.PlainText);
        Assert.DoesNotContain(banned, refused.PlainText);
    }

    [Theory]
    [InlineData("uk", "- рішення щодо доменного спору забороняє перенесення домену;", "Підстава: пункт 2.2.3 оферти.")]
    [InlineData("en", "- a decision under the domain dispute policy bans transferring the domain;", "Grounds: clause 2.2.3 of the offer.")]
    public void A_dispute_decisions_ban_is_told_as_a_ban_on_transfer_only_which_is_all_it_sets_UA_2_2_3(string language, string ban, string grounds)
    {
        var facts = FullFacts with { TransferRefusals = [TransferRefusalReason.AuthorityBan], Rules = ["UA-2.2.3"] };

        var refused = _mail.Composer.Compose(Notice(NoticeKind.TransferCodeRefused, facts: facts, language: language), Now);

        Assert.Contains(ban, refused.PlainText);
        Assert.Contains(grounds, refused.PlainText);
    }

    [Theory]
    [InlineData("ru", "уже зарегистрирован через нас по другой регистрации", "другой заявитель")]
    [InlineData("kk", "біз арқылы басқа тіркеу бойынша тіркелген", "басқа өтініш беруші")]
    [InlineData("en", "already registered through us under another registration", "another applicant")]
    [InlineData("uk", "уже зареєстровано через нас за іншою реєстрацією", "інший заявник")]
    public void A_name_held_here_by_another_registration_is_not_said_to_be_another_applicants_KZ_2_1(string language, string heldHere, string anotherApplicant)
    {
        var here = _mail.Composer.Compose(Notice(NoticeKind.NameTaken, facts: new NoticeFacts(TakenHere: true), language: language), Now);
        var elsewhere = _mail.Composer.Compose(Notice(NoticeKind.NameTaken, language: language), Now);

        Assert.Contains(heldHere, here.PlainText);
        Assert.DoesNotContain(anotherApplicant, here.PlainText);
        Assert.Contains(anotherApplicant, elsewhere.PlainText);
        AssertWellFormed(here.PlainText);
    }

    [Theory]
    [InlineData("uk", "після пред'явлення відповідних фінансових документів: пункт 6.2 оферти; пункт 6.3 оферти.")]
    [InlineData("ru", "при предъявлении соответствующих финансовых документов: пункт 6.2 оферты; пункт 6.3 оферты.")]
    [InlineData("en", "once you present the relevant financial documents: clause 6.2 of the offer; clause 6.3 of the offer.")]
    [InlineData("kk", "қайтарылмайды): офертаның 6.2 тармағы; офертаның 6.3 тармағы.")]
    public void The_registrars_termination_notice_tells_of_the_refund_of_whole_unused_months_UA_6_2_UA_6_3(string language, string refund)
    {
        var facts = new NoticeFacts(DeletionAt: FullFacts.DeletionAt, Clause: "1.3.4.1", Rules: ["UA-6.2", "UA-6.3"]);

        var notice = _mail.Composer.Compose(Notice(NoticeKind.TerminationNoticed, facts: facts, language: language), Now);
        var withoutRefund = _mail.Composer.Compose(Notice(NoticeKind.TerminationNoticed, facts: facts with { Rules = null }, language: language), Now);

        Assert.Contains(refund, notice.PlainText);
        Assert.DoesNotContain("6.3", withoutRefund.PlainText);
    }

    [Theory]
    [InlineData("UA-3.5", "uk", "пункт 3.5 оферти")]
    [InlineData("UA-2.2.3", "en", "clause 2.2.3 of the offer")]
    [InlineData("KZ-2.4", "ru", "пункт 2.4 договора")]
    [InlineData("KZ-App-9", "kk", "шартқа қосымша домендерді тіркеу регламентінің 9 бөлімі")]
    [InlineData("UA-Pre-6", "uk", "UA-Pre-6")]
    public void A_rule_id_is_written_as_the_clause_of_the_offer_it_comes_from(string rule, string language, string clause) =>
        Assert.Equal(clause, OfferClauses.Describe(rule, language));

    public static TheoryData<string> EveryLanguage() => [.. CustomerLanguages.All];

    [Fact]
    public void A_hostile_domain_name_is_text_in_the_html_part_and_as_typed_in_the_plain_part()
    {
        const string hostile = "\"><script>alert('x')</script><img src=x onerror=alert(1)>.kz";

        var mail = _mail.Composer.Compose(Notice(NoticeKind.Registered, domain: hostile, facts: FullFacts), Now);

        Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", mail.Html);
        Assert.Contains(hostile, mail.PlainText);
        Assert.Contains(hostile, mail.Subject);
        // The title carries the subject, escaped like the body.
        Assert.Contains("<title>Домен &quot;&gt;&lt;script&gt;", mail.Html);
    }

    [Fact]
    public void A_renewal_reminder_shows_the_expiry_the_open_invoice_and_the_deadline_to_pay_it_KZ_2_6()
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.RenewalReminder, facts: FullFacts), Now);

        Assert.Contains($"действует до {ExpiresAtText}", mail.PlainText);
        Assert.Contains($"Счёт на продление № {FullFacts.InvoiceNumber} на сумму {AmountText} ещё не оплачен.", mail.PlainText);
        Assert.Contains($"Оплатите его до {PayByText}", mail.PlainText);
    }

    [Fact]
    public void A_renewal_reminder_past_the_deadline_says_the_domain_can_no_longer_be_renewed_and_when_it_is_deleted_KZ_2_6_KZ_2_8()
    {
        var facts = FullFacts with { InvoiceNumber = null, Amount = null, PayBy = null };

        var mail = _mail.Composer.Compose(Notice(NoticeKind.RenewalReminder, facts: facts, language: "en"), Now);

        Assert.Contains("the domain can no longer be renewed", mail.PlainText);
        Assert.Contains($"it will be deleted on {DeletionAtText}", mail.PlainText);
    }

    [Theory]
    [InlineData("ru", "Счёт на продление со сроком его оплаты придёт отдельным письмом.", "продлить домен уже нельзя")]
    [InlineData("kk", "Ұзартуға арналған шот оны төлеу мерзімімен бөлек хатпен жіберіледі.", "ұзарту мүмкін емес")]
    [InlineData("en", "The renewal invoice, with the date by which to pay it, will follow in a separate message.", "can no longer be renewed")]
    [InlineData("uk", "Рахунок на продовження зі строком його оплати надійде окремим листом.", "продовжити домен уже неможливо")]
    public void A_warning_sent_before_its_invoice_could_be_issued_says_the_invoice_follows_not_that_renewing_is_too_late_KZ_2_6(
        string language, string follows, string tooLate)
    {
        var facts = new NoticeFacts(ExpiresAt: FullFacts.ExpiresAt, InvoiceFollows: true);

        var mail = _mail.Composer.Compose(Notice(NoticeKind.RenewalReminder, facts: facts, language: language), Now);

        Assert.Contains(follows, mail.PlainText);
        Assert.DoesNotContain(tooLate, mail.PlainText);
        AssertWellFormed(mail.PlainText);
    }

    [Theory]
    [InlineData("uk", "Нагадування: строк реєстрації домену пример.kz сплив", "закінчилася", "переважне право на продовження")]
    [InlineData("ru", "Напоминание: срок регистрации домена пример.kz истёк", "закончилась", "преимущественное право на продление")]
    [InlineData("kk", "Еске салу: пример.kz доменін тіркеу мерзімі аяқталды", "аяқталды", "басым құқық")]
    [InlineData("en", "Reminder: the registration of пример.kz has expired", "ended on", "priority right to renew")]
    public void A_renewal_reminder_written_after_expiry_says_the_registration_ended_and_the_priority_to_renew_lasts_until_deletion_UA_1_10(
        string language, string subject, string ended, string priority)
    {
        var notice = Notice(NoticeKind.RenewalReminder, facts: FullFacts, language: language);

        var after = _mail.Composer.Compose(notice, FullFacts.ExpiresAt!.Value.AddDays(7));
        var before = _mail.Composer.Compose(notice, FullFacts.ExpiresAt.Value.AddDays(-7));

        Assert.Equal(subject, after.Subject);
        Assert.Contains(ended, after.PlainText);
        Assert.Contains(ExpiresAtText, after.PlainText);
        Assert.Contains(priority, after.PlainText);
        Assert.NotEqual(subject, before.Subject);
        Assert.DoesNotContain(priority, before.PlainText);
    }

    [Fact]
    public void A_renewal_invoice_is_payable_through_the_last_banking_day_before_the_deadline_KZ_2_7()
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.RenewalInvoice, facts: FullFacts, language: "kk"), Now);

        Assert.Contains(FullFacts.InvoiceNumber!, mail.Subject);
        Assert.Contains($"Төленетін сома: {AmountText}", mail.PlainText);
        Assert.Contains($"Төлеу мерзімі: {PayByText} дейін", mail.PlainText);
    }

    [Fact]
    public void A_renewed_notice_shows_the_registrys_new_expiry_counted_from_the_previous_one_UA_1_7()
    {
        var facts = new Core.Registrations.NoticeFacts(ExpiresAt: new DateTimeOffset(2028, 6, 1, 9, 0, 0, TimeSpan.FromHours(3)));

        var mail = _mail.Composer.Compose(Notice(NoticeKind.Renewed, "com.ua", "приклад.com.ua", facts), Now);

        Assert.Contains("реєстрація тепер діє до 2028-06-01 09:00 (UTC+3)", mail.PlainText);
        Assert.Contains("від попередньої дати закінчення реєстрації", mail.PlainText);
    }

    [Fact]
    public void An_expired_notice_says_until_when_the_domain_can_still_be_renewed_and_when_it_is_deleted_UA_1_10_UA_1_12()
    {
        var facts = new Core.Registrations.NoticeFacts(
            ExpiresAt: new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.FromHours(3)),
            PayBy: new DateTimeOffset(2027, 6, 29, 9, 0, 0, TimeSpan.FromHours(3)),
            DeletionAt: new DateTimeOffset(2027, 6, 29, 9, 0, 0, TimeSpan.FromHours(3)),
            InvoiceNumber: "UA-2706-00007-3",
            Amount: Core.Money.Money.Of(900m, Core.Money.Currency.Uah));

        var mail = _mail.Composer.Compose(Notice(NoticeKind.Expired, "ua", "приклад.ua", facts), Now);

        Assert.Contains("До 2027-06-29 09:00 (UTC+3) домен ще можна продовжити", mail.PlainText);
        Assert.Contains("Сплатіть рахунок № UA-2706-00007-3 на суму 900.00 UAH", mail.PlainText);
        Assert.Contains("домен буде видалено з реєстру 2027-06-29 09:00 (UTC+3)", mail.PlainText);
    }

    [Fact]
    public void An_expired_kz_notice_says_the_renewal_can_no_longer_be_paid_and_when_the_domain_is_deleted_KZ_2_7_KZ_2_8()
    {
        var facts = new Core.Registrations.NoticeFacts(ExpiresAt: FullFacts.ExpiresAt, DeletionAt: FullFacts.ExpiresAt);

        var mail = _mail.Composer.Compose(Notice(NoticeKind.Expired, facts: facts), Now);

        Assert.Contains($"Продление уже нельзя оплатить: домен удаляется из реестра {ExpiresAtText}", mail.PlainText);
        Assert.DoesNotContain("Если продление не будет оплачено", mail.PlainText);
        Assert.DoesNotContain("ещё можно продлить", mail.PlainText);
    }

    [Theory]
    [InlineData("ru", "любой желающий")]
    [InlineData("uk", "будь-хто")]
    [InlineData("kk", "кез келген адам")]
    [InlineData("en", "Anyone can now register this name.")]
    public void A_deleted_notice_says_when_and_that_the_name_is_free_for_anyone_KZ_2_8_UA_1_10(string language, string freeForAnyone)
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.Deleted, facts: FullFacts, language: language), Now);

        Assert.Contains(DeletionAtText, mail.PlainText);
        Assert.Contains(freeForAnyone, mail.PlainText);
    }

    [Fact]
    public void Paragraphs_become_html_paragraphs_and_lines_within_one_become_line_breaks()
    {
        var mail = _mail.Composer.Compose(Notice(NoticeKind.RenewalInvoice, facts: FullFacts, language: "en"), Now);

        Assert.Contains($"<p>Invoice No. {FullFacts.InvoiceNumber}<br>\nAmount due: {AmountText}<br>\nPay by: {PayByText}</p>", WebUtility.HtmlDecode(mail.Html));
        Assert.Contains("<p>Hello,</p>", mail.Html);
    }

    private static void AssertWellFormed(string text)
    {
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotContain("{%", text);
        Assert.DoesNotContain("\n\n\n", text);
        Assert.DoesNotContain(" \n", text);
        Assert.DoesNotContain("  ", text);
    }
}
