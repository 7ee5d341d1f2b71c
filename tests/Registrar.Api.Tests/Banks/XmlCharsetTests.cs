using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Core.Orders;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>RFC 7303 section 3.2: the charset of an XML body's media type is its encoding, ahead of what the document declares.</summary>
public sealed class XmlCharsetTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Encoding Windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;

    [Fact]
    public async Task A_camt_054_in_windows_1251_named_only_by_its_content_type_is_applied_and_read_alike_from_what_was_kept()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(401);
        var body = Windows1251.GetBytes(CamtFiles.Undeclared(CamtFiles.Credit("TX-CHARSET-1", order.InvoiceNumber)));

        var answer = await bank.PostCamtAsync(body, contentType: "application/xml; charset=\"Windows-1251\"");

        Assert.Equal(StatusCodes.Status200OK, (answer as IStatusCodeHttpResult)?.StatusCode);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(order.InvoiceNumber));
        var message = (await bank.Messages.GetAsync(MessageId(body), default))!.Document;
        Assert.Equal("windows-1251", message.Charset);
        var kept = Assert.Single(bank.Reader.Read(message, await bank.Messages.ReadBodyAsync(message, default)).Credits);
        Assert.Equal($"Оплата по счету {order.InvoiceNumber}", kept.PaymentPurpose);
    }

    [Theory]
    [InlineData("application/xml; charset=x-no-such-charset")]
    [InlineData("text/xml; charset=\"\"")]
    public async Task A_camt_054_in_a_charset_this_system_cannot_read_is_a_415_and_nothing_is_recorded(string contentType)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(402);
        var body = Encoding.UTF8.GetBytes(CamtFiles.Undeclared(CamtFiles.Credit("TX-CHARSET-2", order.InvoiceNumber)));

        var answer = await bank.PostCamtAsync(body, contentType: contentType);

        var problem = Assert.IsType<ProblemHttpResult>(answer);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, problem.StatusCode);
        Assert.Contains("charset", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Null(await bank.Messages.GetAsync(MessageId(body), default));
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    private static string MessageId(byte[] body) => $"{BankHarness.Bank}:{Convert.ToHexStringLower(SHA256.HashData(body))}";
}
