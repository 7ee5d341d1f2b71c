using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Core.Orders;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>A bank's references are free text: one written like the keys the credits are recorded under is still a credit of
/// its own, applied or held, never taken for another's duplicate (UA-3.2, KZ-3.2).</summary>
public sealed class BankReferenceKeyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_reference_written_like_the_second_credit_under_another_is_a_credit_of_its_own_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var (first, second, third) = (await bank.OrderAsync(501), await bank.OrderAsync(502), await bank.OrderAsync(503));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("COLL1~2", first.InvoiceNumber)));

        // Two credits alike under one reference in one message: the second is told apart by its place.
        var receipt = Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("COLL1", second.InvoiceNumber), CamtFiles.Credit("COLL1", third.InvoiceNumber))));

        Assert.Equal(["applied", "applied"], receipt.Payments.Select(p => p.Result));
        Assert.Equal((InvoiceStatus.Paid, InvoiceStatus.Paid, InvoiceStatus.Paid), (await bank.InvoiceStatusAsync(first.InvoiceNumber),
            await bank.InvoiceStatusAsync(second.InvoiceNumber), await bank.InvoiceStatusAsync(third.InvoiceNumber)));
    }

    [Fact]
    public async Task A_bank_reference_written_like_a_payers_reference_in_a_message_is_a_credit_of_its_own_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var (first, second) = (await bank.OrderAsync(511), await bank.OrderAsync(512));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("E2EX@MSGX", first.InvoiceNumber)));

        var payers = CamtFiles.Credit("unused", second.InvoiceNumber).Replace("<AcctSvcrRef>unused</AcctSvcrRef>", "<EndToEndId>E2EX</EndToEndId>",
            StringComparison.Ordinal);
        var message = Regex.Replace(Encoding.UTF8.GetString(CamtFiles.Utf8(payers)), "<MsgId>[^<]*</MsgId>", "<MsgId>MSGX</MsgId>");
        var receipt = Receipt(await bank.PostCamtAsync(Encoding.UTF8.GetBytes(message)));

        Assert.Equal("applied", Assert.Single(receipt.Payments).Result);
        Assert.Equal(InvoiceStatus.Paid, await bank.InvoiceStatusAsync(second.InvoiceNumber));
    }

    [Fact]
    public async Task A_reference_written_like_a_reversals_key_is_a_credit_of_its_own_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var (first, second) = (await bank.OrderAsync(521), await bank.OrderAsync(522));
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("R1:reversal", first.InvoiceNumber)));

        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("R1", second.InvoiceNumber)));

        var reversal = Assert.Single(Receipt(await bank.PostCamtAsync(CamtFiles.Utf8(
            CamtFiles.Credit("R1", second.InvoiceNumber, direction: "DBIT", reversal: true)))).Payments);

        Assert.Equal(("held:" + ReversalReporter.ReversedPaidInvoice, second.InvoiceNumber), (reversal.Result, reversal.Invoice));
    }

    private static BankNotificationReceipt Receipt(Microsoft.AspNetCore.Http.IResult result) => Assert.IsType<Ok<BankNotificationReceipt>>(result).Value!;
}
