using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;
using Registrar.Core.Operations;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Operations;

/// <summary>UA-3.2: a refund of a held credit is read from the audit log to be paid out, so one a host stopped in after storing it
/// and before auditing it is audited by the next action on it, once.</summary>
public sealed class StoppedRefundTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_refund_stored_but_not_audited_when_its_host_stopped_is_audited_once_by_the_next_refund_of_it_UA_3_2()
    {
        var bank = new BankHarness(azurite);
        var order = await bank.OrderAsync(951);
        await bank.PostCamtAsync(CamtFiles.Utf8(CamtFiles.Credit("TX-STOP-1", order.InvoiceNumber, amount: "1000.00")));
        var reference = $"{BankHarness.Bank}:TX-STOP-1";
        var stored = (await bank.HeldPayments.GetAsync(reference, default))!;
        // What the host stored before it stopped: the resolution, and neither the audit entry nor the review item's resolution.
        await bank.HeldPayments.ResolveAsync(stored, new HeldPaymentResolution(HeldPaymentAction.Refunded, "ops-desk", bank.Clock.GetUtcNow(),
            "partial payment sent back", Refund: new HeldPaymentRefund(1000m, "KZT", "OUT-STOP-1")), default);
        var flow = new RefundHeldPaymentFlow(bank.HeldPayments, bank.Invoices, bank.Journal, bank.Clock);
        var request = new RefundHeldPayment("1000.00", "KZT", "OUT-STOP-1", "partial payment sent back");

        var again = await flow.RefundAsync(reference, request, 1000m, "ops-desk", default);
        var thrice = await flow.RefundAsync(reference, request, 1000m, "ops-desk", default);

        Assert.Equal((StatusCodes.Status409Conflict, StatusCodes.Status409Conflict),
            (Assert.IsType<ProblemHttpResult>(again).StatusCode, Assert.IsType<ProblemHttpResult>(thrice).StatusCode));
        var audited = Assert.Single((await new AuditSearch(bank.Clients).SearchAsync(new AuditFilter(Subject: reference), null, 10, default)).Entries);
        Assert.Equal("refunded", audited.Action);
        Assert.StartsWith("Refunded 1000.00 KZT", (await bank.Review.FindAsync(reference, default))!.ResolutionNote);
    }
}
