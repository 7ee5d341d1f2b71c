using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registrar.Api.Banks;
using Registrar.Api.Operations;
using Registrar.Core.Customers;
using Registrar.Core.Lifecycle;
using Registrar.Core.Money;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Payments.Camt054;
using Registrar.Payments.Matching;
using Registrar.Payments.Notifications;
using Registrar.Payments.Signatures;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Api.Tests.Banks;

/// <summary>The bank endpoints and the recovery pass as both hosts build them, on Azurite, with a clock the test moves.</summary>
public sealed class BankHarness
{
    public const string Bank = "halyk";
    public const string Secret = "test-halyk-secret";
    public const string Acquirer = "monobank";
    public static readonly DateTimeOffset Issued = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(5));

    /// <param name="answerWithin">The bank's answer window; by default one no loaded CI machine outlasts.</param>
    public BankHarness(AzuriteFixture azurite, IBankMessageStore? messages = null, TimeSpan? answerWithin = null)
    {
        var clients = Clients = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "b" + Guid.NewGuid().ToString("N")[..10] }, Meter);
        (Orders, Invoices, Payments, Review) = (new OrderStore<Order>(clients), new InvoiceStore<Invoice>(clients), new PaymentStore(clients), new ReviewListStore(clients));
        Messages = messages ?? new BankMessageStore(clients);
        // These tests read every outcome from the answer: a window no loaded CI machine outlasts keeps it a 200.
        var banks = Options.Create(new BankOptions
        {
            Banks = { [Bank] = new BankSettings { TimeZone = "Asia/Almaty" } }, AnswerWithin = answerWithin ?? TimeSpan.FromSeconds(20),
        });
        var camt054 = new Camt054Reader(new Camt054ReaderOptions());
        HeldPayments = new HeldPaymentStore(clients);
        Journal = new HeldPaymentJournal(new AuditLog<HeldPaymentAudit>(clients), Review);
        var processor = Processor = new PaymentProcessor(Payments, new PaymentMatcher(new StoredInvoiceLookup(Invoices), Clock), Invoices, Orders, Events,
            Review, HeldPayments, Journal, new EndedRenewals(Views = new RegistrationViewStore(clients, Clock)),
            new AcquirerPaymentChanges(Payments, Review, Clock, NullLogger<AcquirerPaymentChanges>.Instance), Clock, NullLogger<PaymentProcessor>.Instance);
        var reversals = new ReversalReporter(Payments, Invoices, Orders, HeldPayments, Journal, Review, Clock, NullLogger<ReversalReporter>.Instance);
        var applier = new BankMessageApplier(Messages, Reader = new BankMessageReader(camt054, banks), Invoices, processor, reversals, Review, Clock, NullLogger<BankMessageApplier>.Instance);
        var hmac = new HmacSignatureVerifier(new HmacSignatureOptions { SecretsByBank = { [Bank] = Secret } }, Clock);
        Handlers = new BankNotificationHandlers(hmac, new HmacJsonNotificationReader(hmac),
            new EcdsaJsonNotificationReader(new EcdsaSignatureVerifier(new EcdsaSignatureOptions
            {
                PublicKeysByBank = { [Acquirer] = _acquirerKey.ExportSubjectPublicKeyInfoPem() },
            })), camt054, banks, Messages, applier, Clock,
            NullLogger<BankNotificationHandlers>.Instance);
        ReadCredits = new ReadCreditCompletion(Payments, processor, ReadCreditAudits = new AuditLog<ReadCreditAudit>(clients), Clock,
            NullLogger<ReadCreditCompletion>.Instance);
        Recovery = new UnprocessedPaymentRecovery(Messages, applier, Completion(HeldPayments), ReadCredits, Clock, NullLogger<UnprocessedPaymentRecovery>.Instance);
    }

    private readonly ECDsa _acquirerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public FakeTimeProvider Clock { get; } = new(Issued.AddMinutes(40));
    public StorageMeter Meter { get; } = new();
    public StorageClients Clients { get; }
    public HeldPaymentStore HeldPayments { get; }
    public RegistrationViewStore Views { get; }
    public HeldPaymentJournal Journal { get; }
    public PaymentProcessor Processor { get; }
    public RecordedEvents Events { get; } = new();
    public OrderStore<Order> Orders { get; }
    public InvoiceStore<Invoice> Invoices { get; }
    public PaymentStore Payments { get; }
    public ReviewListStore Review { get; }
    public IBankMessageStore Messages { get; }
    public BankMessageReader Reader { get; }
    public BankNotificationHandlers Handlers { get; }
    public UnprocessedPaymentRecovery Recovery { get; }

    /// <summary>An order of one .kz domain and its open invoice for 6,000 KZT.</summary>
    public async Task<Order> OrderAsync(int number)
    {
        var invoiceNumber = InvoiceNumberFor(number);
        var order = new Order($"O{number:D16}", "cust-b", Issued,
            [new OrderLine("shop.kz", "shop.kz", "kz", 1, new PriceQuote("kz", TariffOperation.Register, 1, Money.Of(6000m, Currency.Kzt),
                Money.Of(6000m, Currency.Kzt), Issued, Issued), false, null)],
            "owner@mail.kz", "KZ-NIC-1", null, TechnicalContact.Registrant, new OfferAcceptance("v1", Issued, "cust-b", true), invoiceNumber);
        await Orders.CreateAsync(order.CustomerId, order.OrderId, order, "placed", default);
        await Invoices.CreateAsync(invoiceNumber, order.CustomerId,
            new Invoice(invoiceNumber, order.OrderId, order.CustomerId, Money.Of(6000m, Currency.Kzt), Issued, Issued.AddDays(3), InvoiceStatus.Open), "Open", default);
        return order;
    }

    /// <summary>An open invoice for 6,000 KZT renewing one registration of the customer's .kz domain by a year (KZ-2.7).</summary>
    public async Task<Invoice> RenewalInvoiceAsync(int number, string registrationId)
    {
        var invoice = new Invoice(InvoiceNumberFor(number), registrationId, "cust-b", Money.Of(6000m, Currency.Kzt), Issued, Issued.AddDays(3),
            InvoiceStatus.Open, Renewal: new RenewalOf(registrationId, "shop.kz", 1, TariffOperation.Renew));
        return (await Invoices.CreateAsync(invoice.Number, invoice.CustomerId, invoice, "Open", default)).Document;
    }

    public static string InvoiceNumberFor(int number) => Registrar.Payments.Invoices.InvoiceNumber.Create("KZ", new DateOnly(2026, 11, 24), number).ToString();

    /// <param name="bodyArrivesAfter">How long the body takes to arrive, as over a slow link.</param>
    public Task<IResult> PostCamtAsync(byte[] body, string? signature = null, TimeSpan bodyArrivesAfter = default, string contentType = "application/xml") =>
        Handlers.Camt054Async(Request(body, contentType, (BankNotificationHandlers.HmacSignatureHeader, signature ?? Sign(body)), bodyArrivesAfter), Bank, default);

    /// <summary>The registrar's own JSON credit notification, signed as <see cref="Bank"/> signs it.</summary>
    public Task<IResult> PostJsonAsync(byte[] body) =>
        Handlers.HmacJsonAsync(Request(body, "application/json", (BankNotificationHandlers.HmacSignatureHeader, Sign(body)), default), Bank, default);

    /// <summary>An acquiring webhook (monobank's invoice status) from <see cref="Acquirer"/>, signed with its key.</summary>
    public Task<IResult> PostWebhookAsync(byte[] body, string contentType = "application/json") =>
        Handlers.EcdsaJsonAsync(Request(body, contentType, (BankNotificationHandlers.EcdsaSignatureHeader,
            Convert.ToBase64String(_acquirerKey.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))), default), Acquirer, default);

    public string Sign(byte[] body)
    {
        var t = Clock.GetUtcNow().ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"t={t},v1={Convert.ToHexStringLower(HmacSignatureVerifier.Sign(Secret, t, body))}");
    }

    /// <summary>Operations applying a held payment (<c>POST /api/ops/payments/held/{reference}/apply</c>).</summary>
    /// <param name="held">The held payments as the flow sees them (a test may step in between its writes).</param>
    public ApplyHeldPaymentFlow ApplyFlow(IHeldPaymentStore? held = null) =>
        new(held ?? HeldPayments, Invoices, Completion(held ?? HeldPayments), new EndedRenewals(Views), Clock);

    private HeldPaymentCompletion Completion(IHeldPaymentStore held) =>
        new(held, Invoices, Processor, Journal, Review, Clock, NullLogger<HeldPaymentCompletion>.Instance);

    /// <summary>Operations reading a credit of a bank message that could not be read (<c>POST /api/ops/review/{itemId}/credits</c>).</summary>
    public ReadCreditFlow ReadCreditFlow() =>
        new(Review, Messages, Processor, ReadCredits, ReadCreditAudits, Clock, NullLogger<ReadCreditFlow>.Instance);

    public ReadCreditCompletion ReadCredits { get; }

    public AuditLog<ReadCreditAudit> ReadCreditAudits { get; }

    public async Task<List<ReviewItem>> OpenReviewAsync() => await Review.ListOpenAsync(default).ToListAsync();

    public async Task<InvoiceStatus> InvoiceStatusAsync(string number) => (await Invoices.GetAsync(number, default))!.Document.Status;

    private static HttpRequest Request(byte[] body, string contentType, (string Header, string Value) signature, TimeSpan bodyArrivesAfter)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new SlowStream(body, bodyArrivesAfter);
        context.Request.Headers[signature.Header] = signature.Value;
        return context.Request;
    }

    private sealed class SlowStream(byte[] body, TimeSpan firstReadAfter) : MemoryStream(body)
    {
        private bool _arrived;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_arrived && firstReadAfter > TimeSpan.Zero) await Task.Delay(firstReadAfter, cancellationToken);
            _arrived = true;
            return await base.ReadAsync(buffer, cancellationToken);
        }
    }

    public sealed class RecordedEvents : ILifecycleEvents<RegistrationEvent>
    {
        public List<RegistrationEvent> Raised { get; } = [];

        /// <summary>How many of the next raises fail, as a queue briefly unreachable would.</summary>
        public int FailuresToCome { get; set; }

        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken)
        {
            lock (Raised)
            {
                if (FailuresToCome > 0 && FailuresToCome-- > 0) throw new IOException("The event queue did not answer.");
                Raised.Add(@event);
            }
            return Task.CompletedTask;
        }
    }
}

/// <summary>camt.054 files as a bank writes them, one entry per credit.</summary>
public static class CamtFiles
{
    public static byte[] Utf8(params string[] entries) => Encoding.UTF8.GetBytes(Document("UTF-8", entries));

    /// <summary>A document without an XML declaration, its encoding left to the media type's charset.</summary>
    public static string Undeclared(params string[] entries)
    {
        var document = Document("UTF-8", entries);
        return document[document.IndexOf("<Document", StringComparison.Ordinal)..];
    }

    public static string Document(string encoding, IEnumerable<string> entries) => $"""
        <?xml version="1.0" encoding="{encoding}"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
          <GrpHdr><MsgId>M-{Guid.NewGuid():N}</MsgId><CreDtTm>2026-11-24T10:31:00+05:00</CreDtTm></GrpHdr>
          <Ntfctn><Id>N1</Id><CreDtTm>2026-11-24T10:31:00+05:00</CreDtTm><Acct><Id><IBAN>KZ86125KZT5004100100</IBAN></Id></Acct>
          {string.Concat(entries)}
          </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
        """;

    public static string Credit(string reference, string invoice, string booking = "<DtTm>2026-11-24T10:30:00+05:00</DtTm>", bool reversal = false,
        string direction = "CRDT", string purpose = "Оплата по счету", string amount = "6000.00") => $"""
        <Ntry><Amt Ccy="KZT">{amount}</Amt><CdtDbtInd>{direction}</CdtDbtInd>{(reversal ? "<RvslInd>true</RvslInd>" : "")}<Sts><Cd>BOOK</Cd></Sts>
          <BookgDt>{booking}</BookgDt><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
          <NtryDtls><TxDtls><Refs><AcctSvcrRef>{reference}</AcctSvcrRef></Refs><Amt Ccy="KZT">{amount}</Amt><CdtDbtInd>{direction}</CdtDbtInd>
            <RmtInf><Ustrd>{purpose} {invoice}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
        """;
}
