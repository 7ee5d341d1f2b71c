using Registrar.Api.Operations;
using Registrar.Api.Tests.Banks;

namespace Registrar.Api.Tests.Operations;

public sealed class HeldPaymentHandlersTests
{
    [Theory]
    [InlineData("garbage")]
    [InlineData("KZ-2611-00042-0")]
    public void Applying_a_held_payment_to_what_no_invoice_number_can_be_is_a_validation_problem_naming_invoiceNumber_RFC_9457(string typed)
    {
        var errors = HeldPaymentHandlers.CheckApply(new ApplyHeldPayment(typed, "the payer wrote it"));

        Assert.Equal(["invoiceNumber"], errors.Keys);
        Assert.Empty(HeldPaymentHandlers.CheckApply(new ApplyHeldPayment(BankHarness.InvoiceNumberFor(42), "the payer wrote it")));
    }
}
