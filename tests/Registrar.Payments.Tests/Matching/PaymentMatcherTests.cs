using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Payments.Invoices;
using Registrar.Payments.Matching;
using Registrar.Payments.Notifications;
using Registrar.Payments.Tests.Signatures;

namespace Registrar.Payments.Tests.Matching;

public sealed class PaymentMatcherTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(5));
    private static readonly DateTimeOffset DueAt = new(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(5)); // KZ-3.3: lapses when the second banking day ends
    private static readonly InvoiceNumber KzInvoice = InvoiceNumber.Parse("KZ-2611-00042-7");
    private static readonly InvoiceNumber UaInvoice = InvoiceNumber.Parse("UA-2611-00007-9");

    private static readonly DateTimeOffset Now = DueAt.AddDays(1);

    private readonly Invoices _invoices = new();
    private readonly PaymentMatcher _matcher;

    public PaymentMatcherTests()
    {
        _invoices.Add(new InvoiceSnapshot(KzInvoice, Money.Of(15000m, Currency.Kzt), InvoiceStatus.Open, Issued, DueAt));
        _invoices.Add(new InvoiceSnapshot(UaInvoice, Money.Of(450m, Currency.Uah), InvoiceStatus.Open, Issued, DueAt));
        _matcher = new PaymentMatcher(_invoices, new FixedClock(Now));
    }

    private static BankCreditNotification Payment(string purpose, decimal amount = 15000m, string currency = "KZT", DateTimeOffset? bookedAt = null) =>
        new("kaspi", "TX-1", amount, currency, bookedAt ?? Issued.AddHours(3), "ТОО Ромашка", "KZ86125KZT5004100100", purpose, "MSG-1");

    private async Task<HeldForOperations> Held(BankCreditNotification payment, HoldReason reason)
    {
        var held = Assert.IsType<HeldForOperations>(await _matcher.DecideAsync(payment));
        Assert.Equal(reason, held.Reason);
        Assert.False(string.IsNullOrWhiteSpace(held.Explanation));
        return held;
    }

    [Fact]
    public async Task A_credit_booked_before_its_invoice_was_issued_is_held_not_applied_KZ_3_5()
    {
        var held = await Held(Payment("KZ-2611-00042-7", bookedAt: Issued.AddMonths(-3)), HoldReason.BookedBeforeInvoiceIssued);

        Assert.Contains("KZ-2611-00042-7", held.Explanation);
        // A date-only booking of the issue day counts from its start, before the invoice's own time.
        Assert.IsType<Matched>(await _matcher.DecideAsync(Payment("KZ-2611-00042-7", bookedAt: Issued.AddHours(-10))));
    }

    [Fact]
    public async Task A_credit_booked_as_the_start_of_the_issue_day_pays_the_invoice_when_it_was_issued_not_before_KZ_3_5()
    {
        var matched = Assert.IsType<Matched>(await _matcher.DecideAsync(Payment("KZ-2611-00042-7", bookedAt: Issued.AddHours(-10))));

        Assert.Equal(Issued, matched.PaidAt);
    }

    [Fact]
    public async Task A_credit_booked_in_the_future_beyond_the_clock_skew_is_held_not_applied_KZ_3_5()
    {
        var future = new PaymentMatcher(_invoices, new FixedClock(Issued.AddHours(1)));

        var held = Assert.IsType<HeldForOperations>(await future.DecideAsync(Payment("KZ-2611-00042-7", bookedAt: Issued.AddHours(2))));
        var withinSkew = await future.DecideAsync(Payment("KZ-2611-00042-7", bookedAt: Issued.AddHours(1) + PaymentMatcher.ClockSkewTolerance));

        Assert.Equal(HoldReason.BookedInFuture, held.Reason);
        Assert.IsType<Matched>(withinSkew);
    }

    [Fact]
    public async Task A_credit_booked_in_the_future_is_held_naming_the_invoice_its_purpose_names_UA_3_2()
    {
        var future = new PaymentMatcher(_invoices, new FixedClock(Issued.AddHours(1)));

        var held = Assert.IsType<HeldForOperations>(await future.DecideAsync(Payment("Оплата по счету KZ-2611-00042-7", bookedAt: Issued.AddDays(1))));

        Assert.Equal((HoldReason.BookedInFuture, KzInvoice), (held.Reason, held.Invoice?.Number));
    }

    [Fact]
    public async Task A_full_payment_naming_an_open_invoice_matches_it_UA_3_2()
    {
        var matched = Assert.IsType<Matched>(await _matcher.DecideAsync(Payment("Оплата по счету № KZ 2611 00042 7")));

        Assert.Equal(KzInvoice, matched.Invoice.Number);
    }

    [Fact]
    public async Task A_payment_naming_no_invoice_is_held_never_guessed_UA_3_2()
    {
        var held = await Held(Payment("Оплата за домен romashka.kz"), HoldReason.NoInvoiceNumberInPurpose);
        Assert.Empty(held.InvoiceNumbers);
    }

    [Fact]
    public async Task A_number_with_a_typo_is_not_corrected_into_a_match_UA_3_2()
    {
        await Held(Payment("Оплата по счету KZ-2611-00024-7"), HoldReason.NoInvoiceNumberInPurpose);
    }

    [Fact]
    public async Task A_valid_number_of_no_invoice_is_held_UA_3_2()
    {
        await Held(Payment("KZ-2611-00043-4"), HoldReason.UnknownInvoice);
    }

    [Fact]
    public async Task A_payment_naming_two_invoices_is_held_rather_than_split_UA_3_2()
    {
        var held = await Held(Payment("KZ-2611-00042-7 и UA-2611-00007-9"), HoldReason.SeveralInvoiceNumbers);
        Assert.Equal([KzInvoice, UaInvoice], held.InvoiceNumbers);
    }

    [Fact]
    public async Task A_payment_in_another_currency_is_held_and_never_converted_UA_3_2()
    {
        await Held(Payment("UA-2611-00007-9", amount: 450m, currency: "USD"), HoldReason.WrongCurrency);
        await Held(Payment("KZ-2611-00042-7", currency: "UAH"), HoldReason.WrongCurrency);
    }

    [Fact]
    public async Task A_partial_payment_releases_nothing_KZ_3_2_UA_1_5_3_UA_2_1_3()
    {
        var held = await Held(Payment("KZ-2611-00042-7", amount: 14999.99m), HoldReason.Partial);
        Assert.Equal(KzInvoice, held.Invoice?.Number);
    }

    [Fact]
    public async Task Only_the_full_amount_releases_the_order_KZ_3_2_UA_1_5_3_UA_2_1_3()
    {
        Assert.IsType<Matched>(await _matcher.DecideAsync(Payment("UA-2611-00007-9", amount: 450.00m, currency: "UAH")));
        Assert.IsType<HeldForOperations>(await _matcher.DecideAsync(Payment("UA-2611-00007-9", amount: 449.99m, currency: "UAH")));
    }

    [Fact]
    public async Task An_overpayment_is_held_not_silently_kept_UA_3_2()
    {
        await Held(Payment("KZ-2611-00042-7", amount: 15000.01m), HoldReason.Overpaid);
    }

    [Fact]
    public async Task A_second_payment_of_a_paid_invoice_is_held()
    {
        _invoices.Add(new InvoiceSnapshot(KzInvoice, Money.Of(15000m, Currency.Kzt), InvoiceStatus.Paid, Issued, DueAt));

        await Held(Payment("KZ-2611-00042-7"), HoldReason.InvoiceAlreadyPaid);
    }

    [Fact]
    public async Task A_payment_of_a_renewal_invoice_cancelled_because_an_earlier_one_paid_its_renewal_is_held_UA_1_7()
    {
        _invoices.Add(new InvoiceSnapshot(UaInvoice, Money.Of(450m, Currency.Uah), InvoiceStatus.Cancelled, Issued, DueAt));

        var held = await Held(Payment("UA-2611-00007-9", amount: 450m, currency: "UAH"), HoldReason.InvoiceCancelled);

        Assert.Equal(UaInvoice, held.Invoice!.Number);
    }

    [Fact]
    public async Task A_lapsed_invoice_releases_nothing_KZ_3_3()
    {
        _invoices.Add(new InvoiceSnapshot(KzInvoice, Money.Of(15000m, Currency.Kzt), InvoiceStatus.Lapsed, Issued, DueAt));

        await Held(Payment("KZ-2611-00042-7"), HoldReason.InvoiceLapsed);
    }

    [Fact]
    public async Task A_payment_booked_at_the_last_instant_is_in_time_and_one_booked_after_is_not_KZ_3_3_KZ_3_5()
    {
        Assert.IsType<Matched>(await _matcher.DecideAsync(Payment("KZ-2611-00042-7", bookedAt: DueAt.AddSeconds(-1))));
        await Held(Payment("KZ-2611-00042-7", bookedAt: DueAt), HoldReason.InvoiceLapsed);
    }

    [Fact]
    public async Task A_lapse_is_explained_with_both_instants_in_the_registrars_zone_the_invoice_was_counted_in_KZ_3_3()
    {
        var held = await Held(Payment("KZ-2611-00042-7", bookedAt: DueAt.ToUniversalTime().AddMinutes(30)), HoldReason.InvoiceLapsed);

        Assert.Contains("payable until 2026-11-26 23:59 (UTC+5); the payment was booked at 2026-11-27 00:30:00 (UTC+5)", held.Explanation);
    }

    [Fact]
    public async Task The_booking_time_not_the_arrival_of_the_notification_decides_KZ_3_5_UA_3_4()
    {
        // The invoice is still Open in storage (the lapse job has not run), yet the bank booked the money too late.
        await Held(Payment("UA-2611-00007-9", amount: 450m, currency: "UAH", bookedAt: DueAt.AddHours(1)), HoldReason.InvoiceLapsed);

        // And money booked in time counts as paid in time even when its notification comes days later.
        var late = Assert.IsType<Matched>(await _matcher.DecideAsync(Payment("UA-2611-00007-9", amount: 450m, currency: "UAH", bookedAt: DueAt.AddHours(-1))));
        Assert.Equal(DueAt.AddHours(-1), late.PaidAt);
    }

    private sealed class Invoices : IInvoiceLookup
    {
        private readonly Dictionary<InvoiceNumber, InvoiceSnapshot> _byNumber = [];

        public void Add(InvoiceSnapshot invoice) => _byNumber[invoice.Number] = invoice;

        public Task<InvoiceSnapshot?> FindAsync(InvoiceNumber number, CancellationToken cancellationToken) =>
            Task.FromResult(_byNumber.GetValueOrDefault(number));
    }
}
