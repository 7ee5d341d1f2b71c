using Microsoft.Extensions.Time.Testing;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Payments.Invoices;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Api.Tests.Billing;

/// <summary>Carrying out the decider's <see cref="IssueRenewalInvoice"/> on Azurite: price, number, due instant, and once only.</summary>
public sealed class IssueRenewalInvoiceFlowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(5));

    /// <summary>.kz renewals at 6,000 KZT a year until a new tariff of 7,000 takes effect on 25 November 2026, the day after <see cref="Now"/>.</summary>
    private static TariffSchedule RaisedOn25November() => TariffSchedule.Parse("""
        {"tariffs": [
          {"zone": "kz", "currency": "KZT", "effectiveFrom": "2025-01-01T00:00:00+05:00", "placeholder": false,
           "pricesPerYear": {"register": "6000.00", "renew": "6000.00"}, "registrantChangePricedAsRegistration": true},
          {"zone": "kz", "currency": "KZT", "effectiveFrom": "2026-11-25T00:00:00+05:00", "placeholder": false,
           "pricesPerYear": {"register": "7000.00", "renew": "7000.00"}, "registrantChangePricedAsRegistration": true}
        ]}
        """, RenewalInvoices.Zones);

    [Fact]
    public async Task The_same_command_carried_out_twice_issues_one_invoice_and_spends_one_number()
    {
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(Now));

        var first = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7"));
        var again = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7"));
        var next = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-9"));

        Assert.Equal(first, again);
        Assert.Equal(1, InvoiceNumber.Parse(first.Number).Sequence);
        Assert.Equal(2, InvoiceNumber.Parse(next.Number).Sequence);
        var answers = renewals.Events.Raised.Take(2).ToList();
        Assert.All(answers, raised => Assert.Equal("O00000000000000a1-1", raised.InstanceId));
        Assert.All(answers, raised => Assert.Equal(
            new RenewalInvoiceIssued("answer:O00000000000000a1-1-7", "O00000000000000a1-1-7", first.Number, first.Total, first.DueAt), raised.Event));
    }

    [Fact]
    public async Task A_command_carried_out_again_in_the_next_month_finds_the_invoice_of_the_month_it_was_issued_in()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 50, 0, TimeSpan.FromHours(5)));
        var renewals = new RenewalInvoices(azurite, clock);
        var issued = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7"));

        // The decider tries a command the host gave up on again an hour later, under the same id.
        clock.Advance(TimeSpan.FromHours(1));
        var retried = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7"));
        var december = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-9"));

        Assert.Equal(issued, retried);
        Assert.StartsWith("KZ-2611-00001-", retried.Number);
        Assert.StartsWith("KZ-2612-00001-", december.Number);
    }

    [Fact]
    public async Task A_command_that_carries_when_it_was_asked_is_issued_as_of_then_even_carried_out_in_the_next_month_and_fixes_nothing_else_UA_3_3()
    {
        var askedAt = new DateTimeOffset(2026, 11, 30, 23, 50, 0, TimeSpan.FromHours(5));
        var clock = new FakeTimeProvider(askedAt.AddSeconds(3));
        var renewals = new RenewalInvoices(azurite, clock);
        var issued = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", askedAt: askedAt));

        clock.Advance(TimeSpan.FromHours(1));
        var retried = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", askedAt: askedAt));

        Assert.Equal(issued, retried);
        Assert.Equal(askedAt, retried.IssuedAt);
        Assert.StartsWith("KZ-2611-00001-", retried.Number);
        Assert.DoesNotContain("table renewalissues", renewals.Meter.SnapshotByResource().Keys);
    }

    [Fact]
    public async Task A_command_carried_out_after_a_new_tariff_took_effect_is_priced_with_the_tariff_in_force_when_it_was_asked_UA_3_3()
    {
        var tariffs = RaisedOn25November();
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(Now.AddDays(2)), tariffs: tariffs);

        var issued = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", askedAt: Now));

        Assert.Equal((Now, Money.Of(6000m, Currency.Kzt)), (issued.IssuedAt, issued.Total));
    }

    [Fact]
    public async Task A_command_asked_when_no_tariff_priced_it_is_issued_as_of_its_first_attempt_a_tariff_prices_UA_3_3()
    {
        var tariffs = TariffSchedule.Parse("""
            {"tariffs": [
              {"zone": "kz", "currency": "KZT", "effectiveFrom": "2026-11-25T00:00:00+05:00", "placeholder": false,
               "pricesPerYear": {"register": "7000.00", "renew": "7000.00"}, "registrantChangePricedAsRegistration": true}
            ]}
            """, RenewalInvoices.Zones);
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(Now.AddDays(2)), tariffs: tariffs);

        var issued = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", askedAt: Now));
        renewals.Clock.Advance(TimeSpan.FromHours(1));
        var again = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", askedAt: Now));

        Assert.Equal(issued, again);
        Assert.Equal(Now.AddDays(2), issued.IssuedAt);
        Assert.Equal(Money.Of(7000m, Currency.Kzt), issued.Total);
    }

    [Fact]
    public async Task An_invoice_whose_answer_was_lost_is_found_by_the_retry_and_spends_one_number()
    {
        var failing = new AnswerLostOnFirstIssue();
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(Now), failing);
        failing.Inner = new RenewalInvoices(azurite, renewals.Clock).Invoices;

        await Assert.ThrowsAsync<IOException>(() => renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7")));
        Assert.Empty(renewals.Events.Raised);
        var retried = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7"));
        var next = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-9"));

        Assert.Equal(1, InvoiceNumber.Parse(retried.Number).Sequence);
        Assert.Equal(2, InvoiceNumber.Parse(next.Number).Sequence);
    }

    [Fact]
    public async Task A_renewal_invoice_is_numbered_and_stored_in_one_transaction()
    {
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(Now));
        await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-5", askedAt: Now));
        renewals.Meter.Reset();

        var invoice = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", askedAt: Now));

        Assert.Equal(new Dictionary<string, long> { ["table.batch"] = 1 }, renewals.Meter.Snapshot());
        Assert.Equal(invoice, (await renewals.Invoices.GetAsync(invoice.Number, default))!.Document);
    }

    [Fact]
    public async Task A_kz_renewal_invoice_lapses_at_the_instant_the_command_names_even_before_the_usual_payment_window_ends_KZ_2_7_KZ_3_3()
    {
        var expiry = new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.FromHours(5));
        var payBy = RenewalInvoices.Deadlines.RenewalTimeline("kz", expiry).PayBy;
        var issuedAt = payBy.AddHours(-20);
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(issuedAt));
        Assert.True(payBy < RenewalInvoices.Deadlines.InvoiceDueAt("kz", issuedAt), "the KZ-3.3 window would run past the KZ-2.7 deadline");

        var invoice = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", dueAt: payBy));

        Assert.Equal(payBy, invoice.DueAt);
        Assert.Equal(issuedAt, invoice.IssuedAt);
        Assert.Equal(Money.Of(6000m, Currency.Kzt), invoice.Total);
        Assert.Equal(new RenewalOf("O00000000000000a1-1", "shop.kz", 1, TariffOperation.Renew), invoice.Renewal);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(payBy, Assert.IsType<RenewalInvoiceIssued>(Assert.Single(renewals.Events.Raised).Event).DueAt);
        Assert.Equal(invoice, (await renewals.Invoices.GetAsync(invoice.Number, default))!.Document);
    }

    [Fact]
    public async Task A_ua_renewal_invoice_due_at_the_registrys_expiry_states_it_in_kyiv_time_as_the_mails_do()
    {
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(Now));
        var expiry = new DateTimeOffset(2026, 12, 5, 14, 54, 10, TimeSpan.Zero);

        var invoice = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", "com.ua", "kvitkova-lavka.com.ua", dueAt: expiry));

        Assert.Equal(expiry, invoice.DueAt);
        Assert.Equal(TimeSpan.FromHours(2), invoice.DueAt.Offset);
    }

    [Fact]
    public async Task A_renewal_invoiced_after_expiry_is_priced_with_the_redemption_tariff_UA_1_11()
    {
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(Now));

        var beforeExpiry = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", "com.ua", "kvitkova-lavka.com.ua"));
        var afterExpiry = await renewals.IssueAsync(
            RenewalInvoices.Command("O00000000000000a1-1-9", "com.ua", "kvitkova-lavka.com.ua", TariffOperation.RedemptionRenewal));

        Assert.Equal(Money.Of(300m, Currency.Uah), beforeExpiry.Total);
        Assert.Equal(Money.Of(450m, Currency.Uah), afterExpiry.Total);
        Assert.Equal(TariffOperation.RedemptionRenewal, afterExpiry.Renewal!.Operation);
        Assert.StartsWith("UA-2611-", afterExpiry.Number);
    }

    [Fact]
    public async Task A_zone_without_a_redemption_tariff_refuses_the_invoice_and_numbers_nothing_UA_1_11()
    {
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(Now));

        var refused = await Assert.ThrowsAsync<OperationNotPricedException>(() =>
            renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7", operation: TariffOperation.RedemptionRenewal)));
        var next = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-9"));

        Assert.Contains("RedemptionRenewal", refused.Message);
        Assert.Single(renewals.Events.Raised);
        Assert.Equal(1, InvoiceNumber.Parse(next.Number).Sequence);
    }

    [Fact]
    public async Task An_invoice_completed_by_a_retry_is_dated_and_priced_as_of_the_first_attempt_even_after_a_new_tariff_took_effect_UA_3_3()
    {
        var tariffs = RaisedOn25November();
        var failing = new AnswerLostOnFirstIssue();
        var renewals = new RenewalInvoices(azurite, new FakeTimeProvider(Now), failing, tariffs);
        failing.Inner = new RenewalInvoices(azurite, renewals.Clock).Invoices;
        await Assert.ThrowsAsync<IOException>(() => renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7")));

        renewals.Clock.Advance(TimeSpan.FromDays(2));
        var retried = await renewals.IssueAsync(RenewalInvoices.Command("O00000000000000a1-1-7"));

        Assert.Equal(Now, retried.IssuedAt);
        Assert.Equal(Money.Of(6000m, Currency.Kzt), retried.Total);
    }

    /// <summary>Storage that stores the first invoice it is asked to issue but loses its answer, as an outage after the commit would.</summary>
    private sealed class AnswerLostOnFirstIssue : IInvoiceStore<Invoice>
    {
        private int _issues;

        public IInvoiceStore<Invoice> Inner { get; set; } = null!;

        public Task<Stored<Invoice>?> GetAsync(string invoiceNumber, CancellationToken ct) => Inner.GetAsync(invoiceNumber, ct);

        public IAsyncEnumerable<Stored<Invoice>> ListRangeAsync(string firstNumber, string lastNumber, CancellationToken ct) =>
            Inner.ListRangeAsync(firstNumber, lastNumber, ct);

        public Task<Stored<Invoice>> CreateAsync(string invoiceNumber, string accountId, Invoice invoice, string status, CancellationToken ct) =>
            Inner.CreateAsync(invoiceNumber, accountId, invoice, status, ct);

        public async Task<Stored<Invoice>> IssueAsync(InvoiceClaim claim, Func<int, NewInvoice<Invoice>> build, CancellationToken ct)
        {
            var issued = await Inner.IssueAsync(claim, build, ct);
            return Interlocked.Increment(ref _issues) == 1 ? throw new IOException("The storage account's answer was lost.") : issued;
        }

        public Task<bool> WithdrawAsync(InvoiceClaim claim, Stored<Invoice> issued, CancellationToken ct) => Inner.WithdrawAsync(claim, issued, ct);

        public Task<Stored<Invoice>> UpdateAsync(Stored<Invoice> current, Invoice changed, string accountId, string status, CancellationToken ct) =>
            Inner.UpdateAsync(current, changed, accountId, status, ct);

        public IAsyncEnumerable<Invoice> ListByAccountAsync(string accountId, CancellationToken ct) => Inner.ListByAccountAsync(accountId, ct);
    }
}
