using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using static Registrar.Mail.Tests.NoticeTestComposer;

namespace Registrar.Mail.Tests;

/// <summary>UA-1.5.8: a customer request that is not carried out is answered at the contact e-mail, in the customer's
/// language, naming the request and why.</summary>
public sealed class RequestRefusedNoticeTests
{
    private readonly NoticeTestComposer _mail = new();

    public static TheoryData<string> EveryLanguage() => [.. CustomerLanguages.All];

    [Theory]
    [MemberData(nameof(EveryLanguage))]
    public void Each_reason_is_told_in_words_of_its_own_with_its_dates_UA_1_5_8_UA_6_1(string language)
    {
        var mails = Enum.GetValues<RequestRefusalReason>().ToDictionary(reason => reason, reason => Refused(reason, "early-deletion", language));

        Assert.Equal(mails.Count, mails.Values.Distinct().Count());
        Assert.Contains(DeletionAtText, mails[RequestRefusalReason.ContractEnds]);
        Assert.Contains(FullFacts.InvoiceNumber!, mails[RequestRefusalReason.RegistrantChangeAwaitsPayment]);
        Assert.Contains(PayByText, mails[RequestRefusalReason.RegistrantChangeAwaitsPayment]);
        Assert.All(mails.Values, text => Assert.DoesNotContain("{{", text));
        Assert.All(mails.Values, text => Assert.DoesNotContain("\n\n\n", text));
    }

    [Theory]
    [MemberData(nameof(EveryLanguage))]
    public void The_notice_names_the_request_it_answers_UA_1_5_8(string language)
    {
        var kinds = new[] { "early-deletion", "termination", "registrant-change", "transfer-code", "dns-change", "contact-email-change",
            "registrant-contact-change", "credential-reset" };

        var mails = kinds.Select(kind => Refused(RequestRefusalReason.DisputeBlock, kind, language)).ToList();

        Assert.Equal(kinds.Length, mails.Distinct().Count());
    }

    private string Refused(RequestRefusalReason reason, string kind, string language) => _mail.Composer.Compose(Notice(NoticeKind.RequestRefused,
        facts: FullFacts with { RequestId = "req-1", RequestKind = kind, Refusal = reason }, language: language), Now).PlainText;
}
