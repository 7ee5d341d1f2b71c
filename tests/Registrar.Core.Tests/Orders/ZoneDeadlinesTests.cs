using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Orders;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Orders;

public sealed class ZoneDeadlinesTests
{
    private static readonly TimeSpan Almaty = TimeSpan.FromHours(5);
    private static readonly TimeSpan Kyiv = TimeSpan.FromHours(2);
    private readonly ZoneDeadlines _deadlines = new(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded());

    [Fact]
    public void A_kz_invoice_issued_before_Nauryz_is_payable_until_the_end_of_the_second_banking_day_after_it_KZ_3_3()
    {
        // Friday 20 March 2026; Nauryz 21-23 March (Sat-Mon); the weekend holidays carry over to 24 and 25 March.
        var issued = new DateTimeOffset(2026, 3, 20, 15, 0, 0, Almaty);

        var due = _deadlines.InvoiceDueAt("kz", issued);

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 0, 0, 0, Almaty), due);
    }

    [Fact]
    public void An_invoice_lapses_at_its_due_instant_and_not_before_KZ_3_3()
    {
        var issued = new DateTimeOffset(2026, 11, 24, 10, 0, 0, Almaty);
        var invoice = new Invoice("KZ-2611-00001-3", "o", "c", Money.Money.Of(6000m, Money.Currency.Kzt), issued,
            _deadlines.InvoiceDueAt("kz", issued), InvoiceStatus.Open);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, Almaty), invoice.DueAt);
        Assert.Equal(InvoiceStatus.Open, invoice.StatusAt(invoice.DueAt.AddTicks(-1)));
        Assert.Equal(InvoiceStatus.Lapsed, invoice.StatusAt(invoice.DueAt));
    }

    [Fact]
    public void Invoices_are_dated_in_the_registrars_time_zone()
    {
        var instant = new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 12, 1), _deadlines.LocalDate("kz", instant));
        Assert.Equal(new DateOnly(2026, 11, 30), _deadlines.LocalDate("ua", instant));
    }

    [Fact]
    public void A_kz_registration_paid_on_Friday_evening_is_due_by_the_end_of_Monday_KZ_2_1()
    {
        var paid = new DateTimeOffset(2026, 11, 27, 20, 0, 0, Almaty);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Almaty), _deadlines.RegistrationDueBy("kz", paid));
    }

    [Fact]
    public void The_deadline_counts_in_the_registrars_time_zone_not_utc_KZ_2_1()
    {
        // 21:00 UTC on Thursday is already Friday 02:00 in Almaty.
        var paid = new DateTimeOffset(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Almaty), _deadlines.RegistrationDueBy("kz", paid));
    }

    [Fact]
    public void A_ua_invoice_counts_Ukrainian_banking_days_where_public_holidays_are_working_days_under_martial_law()
    {
        // Thursday 1 January 2026 is a working day under martial law; 3 banking days: Fri 2, Mon 5, Tue 6.
        var issued = new DateTimeOffset(2026, 1, 1, 12, 0, 0, Kyiv);

        Assert.Equal(new DateTimeOffset(2026, 1, 7, 0, 0, 0, Kyiv), _deadlines.InvoiceDueAt("com.ua", issued));
    }
}
