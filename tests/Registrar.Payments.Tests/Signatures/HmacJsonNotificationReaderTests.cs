using System.Text;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Tests.Signatures;

public sealed class HmacJsonNotificationReaderTests
{
    private const string Body = """
        {"transactionReference":"HB-77812","amount":"15000.00","currency":"KZT",
         "bookedAt":"2026-11-24T10:15:00+05:00","paymentPurpose":"Оплата по счету KZ-2611-00042-7",
         "payerName":"ТОО Ромашка","payerAccount":"KZ86125KZT5004100100","messageId":"MSG-1"}
        """;

    private readonly HmacSigning _bank = new();

    private Task<NotificationReadResult> Post(string body, string? header) =>
        _bank.PostAsync(header, Encoding.UTF8.GetBytes(body));

    private Task<NotificationReadResult> PostSigned(string body) =>
        Post(body, HmacSigning.Header(Encoding.UTF8.GetBytes(body), HmacSigning.Now));

    [Fact]
    public async Task A_signed_notification_becomes_a_credit_booked_when_the_bank_says_KZ_3_5()
    {
        var result = await PostSigned(Body);

        var credit = Assert.Single(result.Credits);
        Assert.Equal(("halyk", "HB-77812", 15000.00m, "KZT"), (credit.BankId, credit.TransactionReference, credit.Amount, credit.CurrencyCode));
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T10:15:00+05:00"), credit.BookedAt);
        Assert.Equal(("ТОО Ромашка", "KZ86125KZT5004100100", "MSG-1"), (credit.PayerName, credit.PayerAccount, credit.MessageReference));
    }

    [Fact]
    public async Task A_numeric_amount_is_read_from_its_exact_text()
    {
        var result = await PostSigned(Body.Replace("\"15000.00\"", "15000.5"));

        Assert.Equal(15000.5m, Assert.Single(result.Credits).Amount);
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public async Task A_timestamp_inside_the_window_either_way_is_accepted(int seconds)
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        var result = await Post(Body, HmacSigning.Header(bytes, HmacSigning.Now.AddSeconds(seconds)));

        Assert.True(result.IsAccepted, result.ToString());
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task A_timestamp_outside_the_window_is_stale(int seconds)
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        var result = await Post(Body, HmacSigning.Header(bytes, HmacSigning.Now.AddSeconds(seconds)));

        Assert.Equal(NotificationRejectionReason.StaleTimestamp, result.Rejection?.Reason);
    }

    [Fact]
    public async Task Reading_an_authentic_request_does_not_spend_its_signature_so_a_retry_after_a_crash_is_accepted()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var header = HmacSigning.Header(body, HmacSigning.Now);

        // The host read it, then stopped before recording the credit: the signature must still be unspent.
        Assert.True(_bank.Reader.Read(HmacSigning.Bank, header, body).Result.IsAccepted);
        var retry = await Post(Body, header);

        Assert.True(retry.IsAccepted, retry.ToString());
    }

    [Fact]
    public async Task A_rotated_secret_can_be_sent_alongside_the_old_one()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        var oldOnly = HmacSigning.Header(bytes, HmacSigning.Now, "old-secret");
        var current = HmacSigning.Header(bytes, HmacSigning.Now);

        var result = await Post(Body, $"{oldOnly},{current["t=".Length..].Split(',')[1]}");

        Assert.True(result.IsAccepted, result.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=1795498200")]
    [InlineData("t=abc,v1=00")]
    public async Task A_missing_or_unreadable_header_is_a_bad_signature(string? header)
    {
        var result = await Post(Body, header);

        Assert.Equal(NotificationRejectionReason.BadSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_a_bad_signature()
    {
        var header = HmacSigning.Header(Encoding.UTF8.GetBytes(Body), HmacSigning.Now);

        var result = await Post(Body.Replace("15000.00", "15.00"), header);

        Assert.Equal(NotificationRejectionReason.BadSignature, result.Rejection?.Reason);
    }

    [Fact]
    public void An_unconfigured_bank_is_named()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        var result = _bank.Reader.Read("unknown-bank", HmacSigning.Header(bytes, HmacSigning.Now), bytes).Result;

        Assert.Equal(NotificationRejectionReason.UnknownBank, result.Rejection?.Reason);
        Assert.Contains("unknown-bank", result.Rejection!.Message);
    }

    [Theory]
    [InlineData("\"15000.00\"", "\"15000.001\"", NotificationRejectionReason.AmountPrecision)]
    [InlineData("\"15000.00\"", "15000.000", NotificationRejectionReason.AmountPrecision)]
    [InlineData("\"15000.00\"", "\"-15000.00\"", NotificationRejectionReason.InvalidAmount)]
    [InlineData("\"15000.00\"", "0", NotificationRejectionReason.InvalidAmount)]
    [InlineData("\"15000.00\"", "1.5e4", NotificationRejectionReason.Malformed)]
    [InlineData("\"15000.00\"", "true", NotificationRejectionReason.Malformed)]
    [InlineData("\"KZT\"", "\"kzt\"", NotificationRejectionReason.Malformed)]
    [InlineData("\"MSG-1\"}", "\"MSG-1\",\"fee\":\"0\"}", NotificationRejectionReason.UnknownField)]
    [InlineData("\"MSG-1\"}", "\"MSG-1\",\"amount\":\"1.00\"}", NotificationRejectionReason.Malformed)]
    [InlineData("\"bookedAt\":\"2026-11-24T10:15:00+05:00\",", "", NotificationRejectionReason.Malformed)]
    [InlineData("2026-11-24T10:15:00+05:00", "2026-11-24T10:15:00", NotificationRejectionReason.Malformed)]
    public async Task The_body_is_read_strictly(string original, string replacement, NotificationRejectionReason reason)
    {
        var result = await PostSigned(Body.Replace(original, replacement));

        Assert.Equal(reason, result.Rejection?.Reason);
    }

    [Fact]
    public async Task An_unknown_currency_passes_through_for_a_wrong_currency_hold()
    {
        var result = await PostSigned(Body.Replace("\"KZT\"", "\"USD\"").Replace("15000.00", "31.12"));

        Assert.Equal("USD", Assert.Single(result.Credits).CurrencyCode);
    }
}
