using System.Text;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Tests.Signatures;

public sealed class EcdsaJsonNotificationReaderTests : IDisposable
{
    // The shape of monobank's invoice status webhook (acquiring API), with the fields we do not read.
    private const string Success = """
        {"invoiceId":"p2_9ZgpZVsl3","status":"success","failureReason":null,"amount":45000,"ccy":980,
         "finalAmount":45000,"createdDate":"2026-11-24T09:58:10Z","modifiedDate":"2026-11-24T10:00:27Z",
         "reference":"UA-2611-00009-8","destination":"Оплата по рахунку UA-2611-00009-8",
         "paymentInfo":{"maskedPan":"444403******1902","approvalCode":"662476","rrn":"060189181768",
         "tranId":"13194036","terminal":"MI001088","bank":"Універсал Банк","paymentSystem":"visa",
         "paymentMethod":"pan","fee":1013,"country":"804","agentFee":0},"cancelList":[]}
        """;

    private readonly EcdsaSigning _acquirer = new();

    private NotificationReadResult Post(string body, Func<byte[], string?> sign)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return _acquirer.Reader.Read(EcdsaSigning.Bank, sign(bytes), bytes).Result;
    }

    [Fact]
    public void A_successful_payment_signed_in_DER_becomes_a_credit_in_hryvnias_UA_3_4()
    {
        var result = Post(Success, _acquirer.SignDer);

        var credit = Assert.Single(result.Credits);
        Assert.Equal(("monobank", "p2_9ZgpZVsl3", 450.00m, "UAH"), (credit.BankId, credit.TransactionReference, credit.Amount, credit.CurrencyCode));
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T10:00:27Z"), credit.BookedAt);
        Assert.Equal("444403******1902", credit.PayerAccount);
        Assert.Equal("UA-2611-00009-8 Оплата по рахунку UA-2611-00009-8", credit.PaymentPurpose);
    }

    [Fact]
    public void A_body_refused_after_its_signature_verified_is_the_acquirers_own_and_one_with_another_key_is_not_UA_3_2()
    {
        var malformed = Encoding.UTF8.GetBytes(Success.Replace("\"amount\":", "\"amount\":1,\"amount\":"));

        var own = _acquirer.Reader.Read(EcdsaSigning.Bank, _acquirer.SignDer(malformed), malformed);
        var forged = _acquirer.Reader.Read(EcdsaSigning.Bank, EcdsaSigning.SignWithAnotherKey(malformed), malformed);

        Assert.Equal((NotificationRejectionReason.Malformed, true), (own.Result.Rejection?.Reason, own.Authentic));
        Assert.Equal((NotificationRejectionReason.BadSignature, false), (forged.Result.Rejection?.Reason, forged.Authentic));
    }

    [Fact]
    public void A_signature_in_IEEE_P1363_form_is_accepted_too()
    {
        Assert.True(Post(Success, _acquirer.SignP1363).IsAccepted);
    }

    [Theory]
    [InlineData("processing")]
    [InlineData("hold")]
    [InlineData("failure")]
    public void Any_status_but_success_or_reversed_is_read_and_credits_nothing(string status)
    {
        var result = Post(Success.Replace("\"success\"", $"\"{status}\""), _acquirer.SignDer);

        Assert.True(result.IsAccepted);
        Assert.Empty(result.Credits);
        Assert.Contains(status, Assert.Single(result.Ignored));
    }

    [Fact]
    public void A_reversed_payment_is_read_as_a_reversal_of_what_was_paid_under_its_reference_UA_3_2()
    {
        var result = Post(Success.Replace("\"success\"", "\"reversed\"").Replace("\"finalAmount\":45000", "\"finalAmount\":0"), _acquirer.SignDer);

        Assert.Empty(result.Credits);
        var reversal = Assert.Single(result.Reversals);
        Assert.Equal(("p2_9ZgpZVsl3", 450.00m, "UAH"), (reversal.TransactionReference, reversal.Amount, reversal.CurrencyCode));
    }

    [Fact]
    public void A_signature_by_another_key_is_refused()
    {
        Assert.Equal(NotificationRejectionReason.BadSignature, Post(Success, EcdsaSigning.SignWithAnotherKey).Rejection?.Reason);
    }

    [Fact]
    public void A_body_changed_after_signing_is_refused()
    {
        var signature = _acquirer.SignDer(Encoding.UTF8.GetBytes(Success));

        var result = Post(Success.Replace("45000", "4500000"), _ => signature);

        Assert.Equal(NotificationRejectionReason.BadSignature, result.Rejection?.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    public void A_missing_or_unreadable_signature_is_refused(string? header)
    {
        Assert.Equal(NotificationRejectionReason.BadSignature, Post(Success, _ => header).Rejection?.Reason);
    }

    [Theory]
    [InlineData("\"ccy\":980", "\"ccy\":\"980\"", NotificationRejectionReason.Malformed)]
    [InlineData("\"finalAmount\":45000", "\"finalAmount\":450.5", NotificationRejectionReason.AmountPrecision)]
    [InlineData("\"finalAmount\":45000", "\"finalAmount\":-45000", NotificationRejectionReason.InvalidAmount)]
    [InlineData("\"modifiedDate\":\"2026-11-24T10:00:27Z\"", "\"modifiedDate\":\"yesterday\"", NotificationRejectionReason.Malformed)]
    [InlineData("\"invoiceId\":\"p2_9ZgpZVsl3\",", "", NotificationRejectionReason.Malformed)]
    public void Signed_but_unusable_content_is_refused(string original, string replacement, NotificationRejectionReason reason)
    {
        Assert.Equal(reason, Post(Success.Replace(original, replacement), _acquirer.SignDer).Rejection?.Reason);
    }

    [Theory]
    [InlineData("\"amount\":45000,", "\"amount\":45000,\"amount\":4500000,", "amount")]
    [InlineData("\"status\":\"success\",", "\"status\":\"failure\",\"status\":\"success\",", "status")]
    [InlineData("\"finalAmount\":45000,", "\"finalAmount\":45000,\"finalAmount\":1,", "finalAmount")]
    [InlineData("\"invoiceId\":\"p2_9ZgpZVsl3\",", "\"invoiceId\":\"p2_9ZgpZVsl3\",\"invoiceId\":\"p2_other\",", "invoiceId")]
    [InlineData("\"maskedPan\":\"444403******1902\",", "\"maskedPan\":\"444403******1902\",\"maskedPan\":\"537541******0000\",", "maskedPan")]
    public void A_webhook_giving_a_member_twice_is_refused_naming_it_and_credits_nothing_RFC_8259_section_4(string original, string twice, string member)
    {
        var result = Post(Success.Replace(original, twice), _acquirer.SignDer);

        Assert.Equal(NotificationRejectionReason.Malformed, result.Rejection?.Reason);
        Assert.Contains($"'{member}' is given more than once", result.Rejection!.Message);
        Assert.Empty(result.Credits);
    }

    [Fact]
    public void A_currency_other_than_hryvnia_is_passed_on_by_its_code()
    {
        var result = Post(Success.Replace("\"ccy\":980", "\"ccy\":840"), _acquirer.SignDer);

        Assert.Equal("USD", Assert.Single(result.Credits).CurrencyCode);
    }

    public void Dispose() => _acquirer.Dispose();
}
