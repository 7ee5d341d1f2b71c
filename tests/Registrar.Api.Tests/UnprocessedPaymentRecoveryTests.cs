using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Banks;
using Registrar.Core.Customers;
using Registrar.Core.Lifecycle;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Payments.Camt054;
using Registrar.Payments.Matching;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests;

/// <summary>A crash between recording a bank credit and applying it: the recovery pass applies it,
/// against Azurite, with the real stores.</summary>
public sealed class UnprocessedPaymentRecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(5));

    [Fact]
    public async Task A_credit_recorded_before_a_crash_is_applied_by_the_recovery_pass_once()
    {
        var (payments, orders, invoices, events, clock, recovery) = Build("recovery");
        var order = Order();
        await orders.CreateAsync(order.CustomerId, order.OrderId, order, "placed", default);
        await invoices.CreateAsync(order.InvoiceNumber, order.CustomerId,
            new Invoice(order.InvoiceNumber, order.OrderId, order.CustomerId, Money.Of(6000m, Currency.Kzt), Issued, Issued.AddDays(3), InvoiceStatus.Open), "Open", default);
        var camt = Camt(order.InvoiceNumber);
        // The request that received it recorded it, then the host died.
        await payments.RecordAsync("halyk:TX-RECOVER-1", camt, BankNotificationFormats.Camt054, Issued, default);

        Assert.Equal(0, await recovery.RecoverAsync(default));
        clock.Advance(UnprocessedPaymentRecovery.Grace);
        Assert.Equal(1, await recovery.RecoverAsync(default));
        Assert.Equal(0, await recovery.RecoverAsync(default));

        Assert.Equal(InvoiceStatus.Paid, (await invoices.GetAsync(order.InvoiceNumber, default))!.Document.Status);
        var paid = Assert.IsType<RegistrationPaid>(Assert.Single(events.Raised));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(5)), paid.PaidAt);
    }

    [Fact]
    public async Task A_credit_that_paid_its_invoice_just_before_a_crash_still_starts_the_registrations()
    {
        var (payments, orders, invoices, events, clock, recovery) = Build("recovery2");
        var order = Order() with { OrderId = "Orecovery2" };
        await orders.CreateAsync(order.CustomerId, order.OrderId, order, "placed", default);
        var bookedAt = new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(5));
        // The crash came after the invoice was marked paid and before any registration was started.
        await invoices.CreateAsync(order.InvoiceNumber, order.CustomerId,
            new Invoice(order.InvoiceNumber, order.OrderId, order.CustomerId, Money.Of(6000m, Currency.Kzt), Issued, Issued.AddDays(3),
                InvoiceStatus.Paid, bookedAt, "halyk:TX-RECOVER-1"), "Paid", default);
        await payments.RecordAsync("halyk:TX-RECOVER-1", Camt(order.InvoiceNumber), BankNotificationFormats.Camt054, Issued, default);
        clock.Advance(UnprocessedPaymentRecovery.Grace);

        Assert.Equal(1, await recovery.RecoverAsync(default));

        var paid = Assert.IsType<RegistrationPaid>(Assert.Single(events.Raised));
        Assert.Equal(bookedAt, paid.PaidAt);
        Assert.Equal("applied", (await payments.GetAsync("halyk:TX-RECOVER-1", default))!.Document.Outcome!.Value.GetProperty("result").GetString());
    }

    private (PaymentStore, OrderStore<Order>, InvoiceStore<Invoice>, RecordedEvents, FakeTimeProvider, UnprocessedPaymentRecovery) Build(string prefix)
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = prefix }, new StorageMeter());
        var (orders, invoices, payments) = (new OrderStore<Order>(clients), new InvoiceStore<Invoice>(clients), new PaymentStore(clients));
        var events = new RecordedEvents();
        var clock = new FakeTimeProvider(Issued);
        var processor = new PaymentProcessor(payments, new PaymentMatcher(new StoredInvoiceLookup(invoices)), invoices, orders, events,
            new ReviewListStore(clients), clock, NullLogger<PaymentProcessor>.Instance);
        var recovery = new UnprocessedPaymentRecovery(payments, new Camt054Reader(new Camt054ReaderOptions()),
            Options.Create(new BankOptions { Banks = { ["halyk"] = new BankSettings { TimeZone = "Asia/Almaty" } } }), processor, clock,
            NullLogger<UnprocessedPaymentRecovery>.Instance);
        return (payments, orders, invoices, events, clock, recovery);
    }

    private static Order Order() => new("Orecovery1", "cust-r", Issued,
        [new OrderLine("shop.kz", "shop.kz", "kz", 1, new PriceQuote("kz", TariffOperation.Register, 1, Money.Of(6000m, Currency.Kzt),
            Money.Of(6000m, Currency.Kzt), Issued, Issued), false, null)],
        "owner@mail.kz", "KZ-NIC-1", null, TechnicalContact.Registrant, new OfferAcceptance("v1", Issued, "cust-r", true), "KZ-2611-00042-7");

    private static string Camt(string invoice) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
          <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-24T10:31:00+05:00</CreDtTm></GrpHdr>
          <Ntfctn><Id>N1</Id><CreDtTm>2026-11-24T10:31:00+05:00</CreDtTm><Acct><Id><IBAN>KZ86125KZT5004100100</IBAN></Id></Acct>
            <Ntry><Amt Ccy="KZT">6000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
              <BookgDt><DtTm>2026-11-24T10:30:00+05:00</DtTm></BookgDt><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
              <NtryDtls><TxDtls><Refs><AcctSvcrRef>TX-RECOVER-1</AcctSvcrRef></Refs><Amt Ccy="KZT">6000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <RmtInf><Ustrd>Invoice {invoice}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
          </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
        """;

    private sealed class RecordedEvents : ILifecycleEvents<RegistrationEvent>
    {
        public List<RegistrationEvent> Raised { get; } = [];

        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken)
        {
            lock (Raised) Raised.Add(@event);
            return Task.CompletedTask;
        }
    }
}
