using Registrar.Api.Banks;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;

namespace Registrar.Api.Tests.Banks;

public sealed class EndedRenewalsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TariffOperation.Renew, "Invoice UA-2612-00006-7 renews shop.com.ua, whose registration ended (Deleted)", "it renews nothing")]
    [InlineData(TariffOperation.RegistrantChange, "Invoice UA-2612-00006-7 changes the registrant of shop.com.ua, whose registration ended (Deleted)",
        "it changes no registrant")]
    public void A_payment_held_for_an_ended_registration_says_what_its_invoice_billed_UA_3_2_KZ_2_4(TariffOperation operation, string start, string verdict)
    {
        var invoice = new Invoice("UA-2612-00006-7", "O1-1", "cust-1", Money.Of(200m, Currency.Uah), At, At.AddDays(3), InvoiceStatus.Open,
            Renewal: new RenewalOf("O1-1", "shop.com.ua", 1, operation));
        var ended = new RegistrationView("O1-1", "cust-1", "shop.com.ua", "shop.com.ua", "com.ua", RegistrationPhase.Deleted, At, EndedAt: At);

        var explanation = EndedRenewals.Explanation(invoice, ended);

        Assert.StartsWith(start, explanation);
        Assert.Contains(verdict, explanation);
    }
}
