using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registrar.Api.Banks;
using Registrar.Api.Operations;
using Registrar.Core.Customers;
using Registrar.Core.Lifecycle;
using Registrar.Core.Money;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Tariffs;
using Registrar.Payments.Camt054;
using Registrar.Payments.Invoices;
using Registrar.Payments.Matching;
using Registrar.Payments.Signatures;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Bench;

/// <summary>One signed camt.054 paying N open invoices, posted to the bank endpoint's handler on Azurite:
/// the time until the bank is answered, and credits applied per second until the file is applied in full;
/// beside them, in the same run, raw single-entity inserts per second. Then checks that every invoice was
/// paid exactly once, also after the bank sends the same file again.</summary>
/// <remarks>Usage: <c>bankfile [--credits N]</c>; N defaults to 5,000.</remarks>
public static class BankFileBenchmark
{
    private const string Bank = "halyk";
    private const string Secret = "bench-secret";
    private const int WarmUpCredits = 1_000;
    private static readonly DateTimeOffset Issued = DateTimeOffset.UtcNow.AddHours(-1);

    public static async Task<int> RunAsync(string[] args)
    {
        var credits = BenchArguments.Option(args, "--credits", 5_000);
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            Console.WriteLine($"Bank file benchmark: one camt.054 of {credits:N0} credits, Azurite in memory, {Environment.ProcessorCount} cores.");
            // Both sides are measured warm: cold, the JIT's tiering took a fifth of the benchmark process's samples while the file
            // was applied, on a machine of two cores shared with the emulator, and moved each figure by up to a third between runs.
            await RawInsertsPerSecondAsync(azurite, "warmup", WarmUpCredits);
            var baseline = await RawInsertsPerSecondAsync(azurite, "baseline", credits);
            Console.WriteLine($"baseline  raw single-entity inserts ({BankMessageApplier.Parallelism} at a time, as entries are applied): {baseline,8:N0} /s");

            var flow = new Flow(azurite);
            var warmUp = await flow.OpenInvoicesAsync(WarmUpCredits, first: credits);
            await flow.PostAsync(Camt054(warmUp, first: credits));
            while ((await flow.Messages.ListUnprocessedAsync(default).ToListAsync()).Count > 0) await Task.Delay(100);
            var invoices = await flow.OpenInvoicesAsync(credits, first: 0);
            var body = Camt054(invoices, first: 0);
            Console.WriteLine($"file      {body.Length / 1048576.0:N2} MiB");

            flow.Meter.Reset();
            var watch = Stopwatch.StartNew();
            var answer = await flow.PostAsync(body);
            var answered = watch.Elapsed;
            while ((await flow.Messages.ListUnprocessedAsync(default).ToListAsync()).Count > 0) await Task.Delay(100);
            var applied = watch.Elapsed;
            Console.WriteLine($"answer    {answer} after {answered.TotalMilliseconds:N0} ms");
            Console.WriteLine($"applied   {credits:N0} credits in {applied.TotalSeconds:N1} s = {credits / applied.TotalSeconds,8:N0} credits/s  = {credits / applied.TotalSeconds / baseline:P0} of the baseline");
            Console.WriteLine($"          baseline inserts per credit at this rate {baseline / (credits / applied.TotalSeconds):N2}");
            var used = flow.Meter.Snapshot();
            Console.WriteLine($"          storage requests per credit {used.Values.Sum() / (double)credits:N2}: "
                + string.Join(", ", used.Where(u => u.Value >= credits / 100).Select(u => $"{u.Key} {u.Value / (double)credits:N2}")));

            Console.WriteLine($"again     the same file, signed anew: {await flow.PostAsync(body)}");
            await flow.AssertPaidExactlyOnceAsync(invoices);
            Console.WriteLine($"checked   every invoice paid exactly once by its own credit, one registration started per invoice");
            await flow.PrintInvoiceListAsync(credits);
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<double> RawInsertsPerSecondAsync(AzuriteFixture azurite, string tableName, int count)
    {
        var table = azurite.Tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        var watch = Stopwatch.StartNew();
        // A row key of its own per row, as the stores keep them: Azurite finds a row by its row key first, so one key shared
        // by every row would make each insert scan the rows before it and slow the baseline down by about three.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = BankMessageApplier.Parallelism },
            async (i, ct) => await table.AddEntityAsync(new TableEntity($"p{i}", $"p{i}") { ["Document"] = "{\"paid\":true}" }, ct));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static byte[] Camt054(IReadOnlyList<string> invoices, int first)
    {
        var text = new StringBuilder($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>BENCH-{Guid.NewGuid():N}</MsgId><CreDtTm>{Issued:yyyy-MM-ddTHH:mm:sszzz}</CreDtTm></GrpHdr>
            <Ntfctn><Id>N1</Id><CreDtTm>{Issued:yyyy-MM-ddTHH:mm:sszzz}</CreDtTm><Acct><Id><IBAN>KZ86125KZT5004100100</IBAN></Id></Acct>
            """);
        for (var i = 0; i < invoices.Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"""
                <Ntry><Amt Ccy="KZT">6000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><DtTm>{Issued.AddMinutes(1):yyyy-MM-ddTHH:mm:sszzz}</DtTm></BookgDt>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><AcctSvcrRef>BENCH-{first + i}</AcctSvcrRef></Refs><Amt Ccy="KZT">6000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <RltdPties><Dbtr><Pty><Nm>ТОО Покупатель</Nm></Pty></Dbtr></RltdPties>
                <RmtInf><Ustrd>Оплата по счету № {invoices[i]} за регистрацию домена</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """);
        text.Append("</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The bank endpoint and the payment flow as the hosts build them (AddRegistrar), minus the registry.</summary>
    private sealed class Flow
    {
        private readonly InvoiceStore<Invoice> _invoices;
        private readonly TableClient _table;
        private readonly OrderStore<Order> _orders;
        private readonly CountingEvents _events = new();
        private readonly BankNotificationHandlers _handlers;
        private readonly HmacSignatureOptions _hmac = new() { SecretsByBank = { [Bank] = Secret } };

        public Flow(AzuriteFixture azurite)
        {
            var clients = new StorageClients(new StorageOptions { ConnectionString = azurite.ConnectionString }, Meter);
            (_invoices, _orders, Messages) = (new InvoiceStore<Invoice>(clients), new OrderStore<Order>(clients), new BankMessageStore(clients));
            _table = clients.Table("invoicesequences");
            var (payments, review, clock) = (new PaymentStore(clients), new ReviewListStore(clients), TimeProvider.System);
            var banks = Options.Create(new BankOptions { Banks = { [Bank] = new BankSettings { TimeZone = "Asia/Almaty" } } });
            var camt054 = new Camt054Reader(new Camt054ReaderOptions());
            var held = new HeldPaymentStore(clients);
            var journal = new HeldPaymentJournal(new AuditLog<HeldPaymentAudit>(clients), review);
            var processor = new PaymentProcessor(payments, new PaymentMatcher(new StoredInvoiceLookup(_invoices), clock), _invoices, _orders, _events,
                review, held, journal, new EndedRenewals(new RegistrationViewStore(clients)),
                new AcquirerPaymentChanges(payments, review, clock, NullLogger<AcquirerPaymentChanges>.Instance), clock, NullLogger<PaymentProcessor>.Instance);
            var applier = new BankMessageApplier(Messages, new BankMessageReader(camt054, banks), _invoices, processor,
                new ReversalReporter(payments, _invoices, _orders, held, journal, review, clock, NullLogger<ReversalReporter>.Instance), review, clock,
                NullLogger<BankMessageApplier>.Instance);
            var verifier = new HmacSignatureVerifier(_hmac, clock);
            _handlers = new BankNotificationHandlers(verifier, new(verifier), new(new EcdsaSignatureVerifier(new())), camt054, banks, Messages, applier,
                clock, NullLogger<BankNotificationHandlers>.Instance);
        }

        public BankMessageStore Messages { get; }

        public StorageMeter Meter { get; } = new();

        public async Task<IReadOnlyList<string>> OpenInvoicesAsync(int count, int first)
        {
            var numbers = new string[count];
            await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var number = InvoiceNumber.Create("KZ", DateOnly.FromDateTime(Issued.UtcDateTime), i + 1).ToString();
                var order = new Order($"O{i + 1:D16}", $"cust-{i % 97}", Issued,
                    [new OrderLine($"bench{i}.kz", $"bench{i}.kz", "kz", 1, new PriceQuote("kz", TariffOperation.Register, 1, Money.Of(6000m, Currency.Kzt),
                        Money.Of(6000m, Currency.Kzt), Issued, Issued), false, null)],
                    "owner@mail.kz", "KZ-NIC-1", null, TechnicalContact.Registrant, new OfferAcceptance("v1", Issued, "acct", true), number);
                await _orders.CreateAsync(order.CustomerId, order.OrderId, order, "placed", ct);
                await _invoices.CreateAsync(number, order.CustomerId, new Invoice(number, order.OrderId, order.CustomerId, Money.Of(6000m, Currency.Kzt),
                    Issued, Issued.AddDays(3), InvoiceStatus.Open), "Open", ct);
                numbers[i - first] = number;
            });
            return numbers;
        }

        public async Task<string> PostAsync(byte[] body)
        {
            var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var context = new DefaultHttpContext();
            context.Request.Method = "POST";
            context.Request.ContentType = "application/xml";
            context.Request.Body = new MemoryStream(body);
            context.Request.Headers[BankNotificationHandlers.HmacSignatureHeader] =
                string.Create(CultureInfo.InvariantCulture, $"t={t},v1={Convert.ToHexStringLower(HmacSignatureVerifier.Sign(Secret, t, body))}");
            var result = await _handlers.Camt054Async(context.Request, Bank, default);
            return $"{((IStatusCodeHttpResult)result).StatusCode} {((IValueHttpResult)result).Value switch { BankNotificationReceipt r => r.Status, var v => v?.ToString() }}";
        }

        /// <summary>A customer's invoice list read from the account's entries, beside the filter over every invoice it replaced
        /// (issue 16), once the backfill the first listing starts has found every invoice indexed.</summary>
        public async Task PrintInvoiceListAsync(int invoices)
        {
            const string Customer = "cust-1";
            const int Listings = 20;
            // What a listing did before the entries: every invoice filtered on its account, the account's read whole.
            var filtered = _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"AccountId eq {Customer}"))
                .Select(row => DocumentTable.Read<Invoice>(row).Document);
            var expected = await _invoices.ListByAccountAsync(Customer, default).CountAsync();
            while (await _table.GetEntityIfExistsAsync<TableEntity>("layout", "account-index") is { HasValue: false }) await Task.Delay(50);

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Listings; i++)
                if (await filtered.CountAsync() != expected) throw new InvalidOperationException("The filter found other invoices than the list.");
            var byFilter = watch.Elapsed / Listings;
            Meter.Reset();
            watch.Restart();
            for (var i = 0; i < Listings; i++)
                if (await _invoices.ListByAccountAsync(Customer, default).CountAsync() != expected) throw new InvalidOperationException("The list changed.");
            var byEntries = watch.Elapsed / Listings;
            Console.WriteLine($"list      one customer's {expected} of {invoices:N0} invoices: by its entries {byEntries.TotalMilliseconds,6:N1} ms "
                + $"({Meter.Total / (double)Listings:N0} requests), filtering every invoice {byFilter.TotalMilliseconds,6:N1} ms (reads all {invoices:N0} rows; "
                + $"a request per 1,000 on Azure); ratio {byFilter / byEntries:N2}");
        }

        public async Task AssertPaidExactlyOnceAsync(IReadOnlyList<string> numbers)
        {
            for (var i = 0; i < numbers.Count; i++)
            {
                var invoice = (await _invoices.GetAsync(numbers[i], default))!.Document;
                if (invoice.Status != InvoiceStatus.Paid || invoice.PaymentReference != $"{Bank}:BENCH-{i}")
                    throw new InvalidOperationException($"Invoice {numbers[i]} is {invoice.Status}, paid by {invoice.PaymentReference}: not exactly once by its credit.");
                if (_events.Count(RegistrationIds.For($"O{i + 1:D16}", 0)) != 1)
                    throw new InvalidOperationException($"Invoice {numbers[i]} started its registration {_events.Count(RegistrationIds.For($"O{i + 1:D16}", 0))} times.");
            }
        }
    }

    private sealed class CountingEvents : ILifecycleEvents<RegistrationEvent>
    {
        private readonly ConcurrentDictionary<string, int> _raised = new();

        public int Count(string registrationId) => _raised.GetValueOrDefault(registrationId);

        public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken)
        {
            _raised.AddOrUpdate(instanceId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
