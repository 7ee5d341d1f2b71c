using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;

namespace Registrar.Core.Tests.Operations;

public sealed class HeldPaymentRulesTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(5));
    private static readonly Invoice Invoice = new("KZ-2611-00001-3", "order-1", "cust-1", Money.Money.Of(6000m, Currency.Kzt),
        Issued, Issued.AddDays(2), InvoiceStatus.Open);

    private static HeldCredit Credit(string reference, decimal amount, string currency = "KZT", double hoursAfterIssue = 1) =>
        new(reference, amount, currency, Issued.AddHours(hoursAfterIssue));

    [Fact]
    public void A_top_up_that_completes_a_held_partial_payment_pays_the_invoice_with_both()
    {
        var partial = Credit("halyk:A", 4000m);
        var topUp = Credit("halyk:B", 2000m, hoursAfterIssue: 3);

        var decision = HeldPaymentRules.Apply(topUp, Invoice, [], [partial]);

        var paid = Assert.IsType<PaysInvoice>(decision);
        Assert.Equal([partial], paid.AlsoApplied);
        Assert.True(paid.Surplus.IsZero);
        Assert.Equal(topUp.BookedAt, paid.PaidAt);
    }

    [Fact]
    public void A_top_up_that_completes_credits_already_applied_pays_the_invoice_at_the_latest_booking()
    {
        var applied = Credit("halyk:A", 5000m, hoursAfterIssue: 5);

        var paid = Assert.IsType<PaysInvoice>(HeldPaymentRules.Apply(Credit("halyk:B", 1000m), Invoice, [applied], []));

        Assert.Empty(paid.AlsoApplied);
        Assert.Equal(applied.BookedAt, paid.PaidAt);
    }

    [Fact]
    public void A_held_credit_is_not_applied_to_a_renewal_invoice_cancelled_because_an_earlier_one_paid_its_renewal_UA_1_7()
    {
        var cancelled = Invoice.Cancelled(Issued.AddHours(2), "KZ-2611-00000-5");

        var refused = Assert.IsType<HeldPaymentRefused>(HeldPaymentRules.Apply(Credit("halyk:A", 6000m), cancelled, [], []));

        Assert.Equal(HeldPaymentRefusal.InvoiceCancelled, refused.Reason);
        Assert.Contains("KZ-2611-00000-5", refused.Explanation);
        Assert.IsType<PaysInvoice>(HeldPaymentRules.Apply(Credit("halyk:A", 6000m), Invoice, [], []));
    }

    [Fact]
    public void A_credit_short_of_the_total_counts_toward_the_invoice_and_says_what_is_outstanding()
    {
        var counted = Assert.IsType<CountsTowardInvoice>(HeldPaymentRules.Apply(Credit("halyk:B", 1500m), Invoice, [], [Credit("halyk:A", 1000m)]));

        Assert.Equal(Money.Money.Of(1500m, Currency.Kzt), counted.Credited);
        Assert.Equal(Money.Money.Of(4500m, Currency.Kzt), counted.Outstanding);
    }

    [Fact]
    public void Held_credits_are_taken_oldest_first_and_only_as_many_as_the_invoice_needs()
    {
        var (first, second, third) = (Credit("halyk:A", 3000m, hoursAfterIssue: 1), Credit("halyk:C", 3000m, hoursAfterIssue: 2),
            Credit("halyk:D", 3000m, hoursAfterIssue: 4));

        var paid = Assert.IsType<PaysInvoice>(HeldPaymentRules.Apply(Credit("halyk:B", 1000m), Invoice, [], [third, first, second]));

        Assert.Equal([first, second], paid.AlsoApplied);
        Assert.Equal(Money.Money.Of(1000m, Currency.Kzt), paid.Surplus);
    }

    [Fact]
    public void Held_credits_in_another_currency_or_booked_after_the_due_instant_never_count()
    {
        var late = new HeldCredit("halyk:L", 5000m, "KZT", Invoice.DueAt);

        var decision = HeldPaymentRules.Apply(Credit("halyk:B", 1000m), Invoice, [], [Credit("halyk:U", 5000m, "UAH"), late]);

        Assert.IsType<CountsTowardInvoice>(decision);
    }

    [Fact]
    public void A_credit_in_another_currency_than_the_invoice_is_refused_never_converted()
    {
        var refused = Assert.IsType<HeldPaymentRefused>(HeldPaymentRules.Apply(Credit("halyk:B", 6000m, "UAH"), Invoice, [], []));

        Assert.Equal(HeldPaymentRefusal.WrongCurrency, refused.Reason);
    }

    [Fact]
    public void A_paid_invoice_takes_no_more_credits()
    {
        var paid = Invoice with { Status = InvoiceStatus.Paid };

        Assert.Equal(HeldPaymentRefusal.InvoicePaid, Assert.IsType<HeldPaymentRefused>(HeldPaymentRules.Apply(Credit("halyk:B", 6000m), paid, [], [])).Reason);
    }

    [Fact]
    public void A_credit_booked_after_the_invoice_lapsed_cannot_pay_it_KZ_3_3_KZ_3_5()
    {
        var late = new HeldCredit("halyk:B", 6000m, "KZT", Invoice.DueAt.AddMinutes(1));

        Assert.Equal(HeldPaymentRefusal.InvoiceLapsed, Assert.IsType<HeldPaymentRefused>(HeldPaymentRules.Apply(late, Invoice, [], [])).Reason);
    }

    [Fact]
    public void Money_that_came_before_another_orders_invoice_was_issued_pays_it_when_it_is_issued()
    {
        var earlier = new HeldCredit("halyk:B", 6000m, "KZT", Issued.AddDays(-10));

        Assert.Equal(Issued, Assert.IsType<PaysInvoice>(HeldPaymentRules.Apply(earlier, Invoice, [], [])).PaidAt);
    }

    [Fact]
    public void A_refund_sends_back_what_came_whole_in_the_currency_it_came_in_UA_3_2()
    {
        var credit = Credit("halyk:B", 7000m, "USD");

        Assert.IsType<RefundAllowed>(HeldPaymentRules.Refund(credit, 7000m, "USD"));
        Assert.IsType<RefundAllowed>(HeldPaymentRules.Refund(credit, 7000.00m, "USD"));
        // A part sent back would leave the rest unaccounted for: the payment leaves the held list once it is resolved.
        Assert.Equal(HeldPaymentRefusal.RefundLeavesRemainder, Assert.IsType<HeldPaymentRefused>(HeldPaymentRules.Refund(credit, 1000m, "USD")).Reason);
        Assert.Equal(HeldPaymentRefusal.RefundLeavesRemainder, Assert.IsType<HeldPaymentRefused>(HeldPaymentRules.Refund(credit, 6999.999m, "USD")).Reason);
        Assert.Equal(HeldPaymentRefusal.RefundExceedsCredit, Assert.IsType<HeldPaymentRefused>(HeldPaymentRules.Refund(credit, 7000.01m, "USD")).Reason);
        Assert.Equal(HeldPaymentRefusal.WrongCurrency, Assert.IsType<HeldPaymentRefused>(HeldPaymentRules.Refund(credit, 7000m, "KZT")).Reason);
        Assert.Equal(HeldPaymentRefusal.RefundNotPositive, Assert.IsType<HeldPaymentRefused>(HeldPaymentRules.Refund(credit, 0m, "USD")).Reason);
    }

    [Fact]
    public void A_held_payment_counts_toward_the_invoice_it_named_until_it_is_applied_elsewhere_or_refunded()
    {
        var held = new HeldPayment(Credit("halyk:B", 100m), "Partial", "…", "KZ-1", Issued);
        var resolution = new HeldPaymentResolution(HeldPaymentAction.Moved, "ops", Issued, "another order", "KZ-2");

        Assert.Equal("KZ-1", held.CountsToward);
        Assert.Equal("KZ-2", (held with { Resolution = resolution }).CountsToward);
        Assert.Null((held with { Resolution = resolution with { Action = HeldPaymentAction.Refunded } }).CountsToward);
    }
}
