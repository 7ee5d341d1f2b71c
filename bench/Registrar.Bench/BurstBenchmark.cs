using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Registrar.Testing;
using Registrar.Testing.YearInAMinute;

namespace Registrar.Bench;

/// <summary>A burst of paid orders through the local host (Azurite, the simulator over TLS, MailDev), as the
/// README runs it but with the registries' production session caps of 4: N orders placed, then all paid within
/// a minute by bank files of 100 credits, half .kz (KazNIC) and half .com.ua (Hostmaster). Prints, per registry
/// and overall, the time from the bank's post to the domain existing at the simulator (p50, p99, max) beside
/// the goal, and checks every effect happened once: one domain:create per name, every invoice paid, a file
/// sent again changing nothing.</summary>
/// <remarks>Usage: <c>burst [--orders N]</c>; N defaults to 1,000.</remarks>
public static class BurstBenchmark
{
    private const double P99GoalSeconds = 30;
    private const int CreditsPerFile = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var orders = BenchArguments.Option(args, "--orders", 1_000);
        var product = BenchHost.Product(new Dictionary<string, string>
        {
            ["Epp__Registries__kaznic__MaxSessions"] = "4",
            ["Epp__Registries__hostmaster__MaxSessions"] = "4",
        });
        await product.InitializeAsync();
        try
        {
            Console.WriteLine($"Burst benchmark: {orders:N0} orders paid within a minute, session caps 4 per registry, {Environment.ProcessorCount} cores.");
            using var operations = product.Operations();
            var now = (await operations.GetFromJsonAsync<JsonElement>("ops/clock")).GetProperty("now").GetDateTimeOffset();
            await product.Registry.SetClockAsync(now);

            var customers = Enumerable.Range(0, orders)
                .Select(i => i % 2 == 0 ? ("kz", "KZT") : ("com.ua", "UAH"))
                .Select((zone, i) => new YearCustomer($"burst-{i}", $"burst{i}.{zone.Item1}", zone.Item1, Habit.PaysOnTime, 0))
                .ToList();
            var watch = Stopwatch.StartNew();
            var placed = await PlaceAsync(product, customers);
            Console.WriteLine($"orders    {orders:N0} placed in {watch.Elapsed.TotalSeconds:N1} s = {orders / watch.Elapsed.TotalSeconds:N0} /s (8 in flight)");

            var createsBefore = await product.Registry.CountAsync("domain:create");
            var storageBefore = await StorageReading.ReadAsync(operations);
            var posted = new ConcurrentDictionary<string, TimeSpan>();
            var seen = new ConcurrentDictionary<string, TimeSpan>();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var watching = WatchRegistryAsync(product, seen, clock, stop.Token);
            var files = placed.GroupBy(p => p.Customer.Currency).SelectMany(c => c.Chunk(CreditsPerFile)).ToList();
            var sentFiles = new List<(string Currency, string Body)>();
            foreach (var file in files)
            {
                var at = clock.Elapsed;
                foreach (var order in file) posted[order.Customer.DomainName] = at;
                sentFiles.Add(await PayAsync(product, file, now));
            }
            Console.WriteLine($"paid      {files.Count} bank files of up to {CreditsPerFile} credits posted in {clock.Elapsed.TotalSeconds:N1} s");

            while (seen.Count < orders && clock.Elapsed < Patience) await Task.Delay(200);
            await stop.CancelAsync();
            await watching;
            if (seen.Count < orders) throw new TimeoutException($"{orders - seen.Count} domains did not reach the simulator within {Patience}.");

            PrintLatencies("kaznic    .kz", placed.Where(p => p.Customer.IsKz), posted, seen);
            PrintLatencies("hostmaster .com.ua", placed.Where(p => !p.Customer.IsKz), posted, seen);
            PrintLatencies("all", placed, posted, seen);
            (await StorageReading.ReadAsync(operations)).PrintSince(storageBefore, orders, "order");

            await ResendAsync(product, sentFiles[0]);
            await CheckOnceAsync(product, placed, createsBefore);
            Console.WriteLine($"checked   {orders:N0} domain:create commands for {orders:N0} names, every invoice paid, a file sent again changed nothing");
            return 0;
        }
        finally
        {
            await product.DisposeAsync();
        }
    }

    private sealed record Placed(YearCustomer Customer, string Invoice, string Amount);

    private static async Task<List<Placed>> PlaceAsync(ProductFixture product, IReadOnlyList<YearCustomer> customers)
    {
        var placed = new ConcurrentBag<Placed>();
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (customer, ct) =>
        {
            using var storefront = product.Storefront(customer.CustomerId);
            var answer = await storefront.PostAsJsonAsync("api/orders", YearRun.OrderBody(customer), ct);
            var body = await answer.Content.ReadAsStringAsync(ct);
            if (answer.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Order of {customer.DomainName}: {body}");
            var invoice = JsonDocument.Parse(body).RootElement.GetProperty("invoice");
            placed.Add(new Placed(customer, invoice.GetProperty("number").GetString()!, invoice.GetProperty("total").GetProperty("amount").GetString()!));
        });
        return [.. placed.OrderBy(p => p.Customer.CustomerId, StringComparer.Ordinal)];
    }

    private static async Task<(string Currency, string Body)> PayAsync(ProductFixture product, IReadOnlyList<Placed> credits, DateTimeOffset bookedAt)
    {
        var currency = credits[0].Customer.Currency;
        var camt = BankMessages.Camt054Credits(currency, bookedAt, BankMessages.NewReference(), [.. credits.Select(c => (c.Invoice, c.Amount))]);
        var answer = await YearRun.PostCamt054Async(product, currency, camt, DateTimeOffset.UtcNow);
        if (answer.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
            throw new InvalidOperationException($"Bank file refused: {await answer.Content.ReadAsStringAsync()}");
        return (currency, camt);
    }

    /// <summary>Lists the simulator's domains every 100 ms and notes when each name first appears; every 5 s prints
    /// how many are there and what the lifecycle still has queued, which shows the stage that holds the burst up.</summary>
    private static async Task WatchRegistryAsync(ProductFixture product, ConcurrentDictionary<string, TimeSpan> seen, Stopwatch clock, CancellationToken stop)
    {
        using var operations = product.Operations();
        var reported = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            var at = clock.Elapsed;
            foreach (var name in await product.Registry.ListDomainsAsync()) seen.TryAdd(name, at);
            if (at - reported >= TimeSpan.FromSeconds(5))
            {
                reported = at;
                var backlog = await operations.GetFromJsonAsync<JsonElement>("ops/lifecycle/backlog", stop);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {at.TotalSeconds,5:N0} s  at the registry {seen.Count,5:N0}  queued events {backlog.GetProperty("queuedEvents").GetInt32(),5:N0}  commands {backlog.GetProperty("queuedCommands").GetInt32(),5:N0}  due timers {backlog.GetProperty("dueTimers").GetInt32(),4:N0}"));
            }
            try { await Task.Delay(100, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    private static void PrintLatencies(string what, IEnumerable<Placed> orders, IReadOnlyDictionary<string, TimeSpan> posted, IReadOnlyDictionary<string, TimeSpan> seen)
    {
        var latencies = orders.Select(o => (seen[o.Customer.DomainName] - posted[o.Customer.DomainName]).TotalSeconds).Order().ToList();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-20} post → domain at the registry: p50 {Percentile(0.50),6:N1} s  p99 {Percentile(0.99),6:N1} s  max {latencies[^1],6:N1} s   goal p99 <= {P99GoalSeconds} s   ratio {P99GoalSeconds / Percentile(0.99):N2}"));
    }

    /// <summary>The bank sends a file again (signed anew): every credit in it is a repeat.</summary>
    private static async Task ResendAsync(ProductFixture product, (string Currency, string Body) file)
    {
        var answer = await YearRun.PostCamt054Async(product, file.Currency, file.Body, DateTimeOffset.UtcNow);
        if (answer.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
            throw new InvalidOperationException($"The repeated file was refused: {await answer.Content.ReadAsStringAsync()}");
    }

    private static async Task CheckOnceAsync(ProductFixture product, IReadOnlyList<Placed> placed, long createsBefore)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        var creates = await product.Registry.CountAsync("domain:create") - createsBefore;
        if (creates != placed.Count) throw new InvalidOperationException($"{creates} domain:create commands for {placed.Count} names.");
        var held = await product.Registry.ListDomainsAsync();
        var missing = placed.Select(p => p.Customer.DomainName).Except(held, StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"{missing.Count} names missing at the simulator, e.g. {missing[0]}.");
        await Parallel.ForEachAsync(placed, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, ct) =>
        {
            using var storefront = product.Storefront(order.Customer.CustomerId);
            var invoices = await storefront.GetFromJsonAsync<JsonElement>("api/invoices", ct);
            var invoice = invoices.EnumerateArray().Single(i => i.GetProperty("number").GetString() == order.Invoice);
            if (invoice.GetProperty("status").GetString() != "Paid")
                throw new InvalidOperationException($"Invoice {order.Invoice} is {invoice.GetProperty("status")}.");
        });
    }
}
