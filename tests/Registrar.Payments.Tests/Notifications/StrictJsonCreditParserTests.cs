using System.Text;
using Registrar.Payments.Notifications;

namespace Registrar.Payments.Tests.Notifications;

public sealed class StrictJsonCreditParserTests
{
    private const string Credit = """
        {"transactionReference":"TX-1","amount":"6000.00","currency":"KZT","bookedAt":"2026-11-24T10:30:00+05:00","paymentPurpose":"KZ-2611-00001-3","payerName":"NAME"}
        """;

    [Theory]
    [InlineData(new byte[] { 0xCE, 0xEF, 0xEB, 0xE0, 0xF2, 0xE0 })]
    [InlineData(new byte[] { 0x5C, 0x75, 0x64, 0x38, 0x33, 0x64 })]
    public void Text_that_is_not_UTF_8_is_refused_as_malformed_RFC_8259_section_8_1(byte[] payerName)
    {
        var parts = Credit.Split("NAME");

        var read = StrictJsonCreditParser.Parse("bank-1", [.. Encoding.UTF8.GetBytes(parts[0]), .. payerName, .. Encoding.UTF8.GetBytes(parts[1])]);

        Assert.Equal(NotificationRejectionReason.Malformed, read.Rejection?.Reason);
        Assert.Contains("not UTF-8 JSON text", read.Rejection!.Message);
        Assert.Single(StrictJsonCreditParser.Parse("bank-1", Encoding.UTF8.GetBytes(Credit)).Credits);
    }
}
