using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Banks;
using Registrar.Core.Orders;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>ISO 20022 <c>Ntry/Sts</c> is a code of an external list that grows, or the bank's own (<c>Prtry</c>): a credit under a status
/// not known is held for operations, as an entry that cannot be read is, and the bank is told so.</summary>
public sealed class UnknownEntryStatusTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("<Sts><Prtry>ACSC</Prtry></Sts>")]
    [InlineData("<Sts><Cd>XXXX</Cd></Sts>")]
    [InlineData("<Sts><Cd>book</Cd></Sts>")]
    public async Task A_credit_under_a_status_not_known_is_answered_and_listed_as_held_for_review_and_pays_nothing_UA_3_2(string status)
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(801);
        var body = CamtFiles.Utf8(CamtFiles.Credit("TX-STS-1", order.InvoiceNumber).Replace("<Sts><Cd>BOOK</Cd></Sts>", status));

        var receipt = Assert.IsType<Ok<BankNotificationReceipt>>(await bank.PostCamtAsync(body)).Value!;

        Assert.Equal("refused:UnknownStatus", Assert.Single(receipt.Payments).Result);
        Assert.Empty(receipt.Ignored);
        var held = Assert.Single(await bank.OpenReviewAsync());
        Assert.Equal("UnreadableUnknownStatus", held.Reason);
        Assert.Contains("Ntry #1", held.Explanation);
        Assert.Contains("6000.00 KZT, reference TX-STS-1", held.Explanation);
        Assert.Equal(InvoiceStatus.Open, await bank.InvoiceStatusAsync(order.InvoiceNumber));
    }

    [Fact]
    public async Task A_pending_credit_is_still_ignored_until_its_booking_pays_the_invoice_once_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(802);
        var credit = CamtFiles.Credit("TX-STS-2", order.InvoiceNumber);

        var pending = Assert.IsType<Ok<BankNotificationReceipt>>(await bank.PostCamtAsync(CamtFiles.Utf8(credit.Replace("<Cd>BOOK</Cd>", "<Cd>PDNG</Cd>")))).Value!;
        var booked = Assert.IsType<Ok<BankNotificationReceipt>>(await bank.PostCamtAsync(CamtFiles.Utf8(credit))).Value!;

        Assert.Contains("status PDNG, not booked", Assert.Single(pending.Ignored));
        Assert.Empty(pending.Payments);
        Assert.Equal("applied", Assert.Single(booked.Payments).Result);
        Assert.Empty(await bank.OpenReviewAsync());
    }
}
