using System.Text.Json;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Persistence;

public sealed class GoldenPaymentChangeTests
{
    /// <summary>UA-1.7: registrations in flight when renewal invoices began to be cancelled keep running: their state reads with no
    /// earlier invoice of the expiry (a payment of one notified late is flagged, as before), and invoices read as not cancelled.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    [InlineData("invoice", typeof(Invoice))]
    public void A_document_stored_before_renewal_invoices_were_cancelled_still_reads_UA_1_7(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-cancelled-invoices.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        switch (read)
        {
            case RegistrationState state:
                Assert.Empty(state.Renewal.EarlierInvoices);
                Assert.True(state.Renewal.Bills("KZ-2611-00043-5"));
                break;
            case RegistrationCommand[] commands:
                Assert.Empty(commands.OfType<CancelRenewalInvoice>());
                Assert.NotEmpty(commands.OfType<IssueRenewalInvoice>());
                break;
            case Invoice invoice:
                Assert.Null(invoice.Cancellation);
                Assert.Equal(InvoiceStatus.Paid, invoice.Status);
                break;
            default:
                throw new InvalidOperationException(name);
        }
    }

    /// <summary>UA-3.2: a held payment kept before the bank's partial reversals were taken off it reads as the whole credit, with
    /// no part reversed.</summary>
    [Fact]
    public void A_held_payment_stored_before_part_reversals_were_kept_still_reads_UA_3_2()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "held-payment.before-part-reversals.json"));

        var read = JsonSerializer.Deserialize<HeldPayment>(before, StoredJson.Options)!;

        Assert.Null(read.PartsReversed);
        Assert.Equal(6000m, read.Credit.Amount);
        Assert.False(read.HasReversal("halyk:PR-1:reversal"));
    }
}
