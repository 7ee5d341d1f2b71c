using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Registrar.Testing.YearInAMinute;

/// <summary>
/// A year of a registrar's life through the running local host, driven only from outside: customers order and
/// pay over HTTP and by bank notification, and look at their invoices when their habit says. Between two such
/// moments the operations clock jumps to the end of the day on which the lifecycle's next timer falls due (the
/// simulator's clock kept equal to it), and the run waits until the lifecycle backlog has settled. So a
/// reminder is sent on its day however far apart the moments are, and a quiet month costs one step. Customers act
/// side by side, as a storefront's do: up to <see cref="CustomersAtOnce"/> of them at a time.
/// </summary>
public sealed class YearRun(ProductFixture product, YearPlan plan)
{
    private const int CustomersAtOnce = 8;
    private static readonly TimeSpan SettlePatience = TimeSpan.FromSeconds(120);
    private readonly ConcurrentDictionary<string, YearDomain> _domains = [];
    private readonly ConcurrentQueue<YearPayment> _payments = [];
    private readonly YearPhases _phases = new();

    public int Steps { get; private set; }

    public async Task<YearReport> RunAsync()
    {
        using var operations = product.Operations();
        await KeepRegistryClockAsync(operations);
        var start = await NowAsync(operations);
        var end = start.AddDays(plan.Days);
        var ordersByInstant = plan.Customers().GroupBy(c => start.AddDays(c.OrderDay)).OrderBy(g => g.Key).ToList();
        var wall = Stopwatch.StartNew();
        var backlog = await SettleAsync(operations);
        while (true)
        {
            var now = await NowAsync(operations);
            var phase = Stopwatch.StartNew();
            var dueOrders = ordersByInstant.Where(g => g.Key <= now).ToList();
            foreach (var due in dueOrders)
            {
                await OrderAsync([.. due], operations);
                ordersByInstant.Remove(due);
            }
            _phases.Orders += phase.Elapsed;
            phase.Restart();
            var paymentsBefore = _payments.Count;
            await ActOnInvoicesAsync(now);
            // Issue 16: a moment at which no one ordered or paid changed nothing since the last settled reading, so that
            // reading stands (each reading is six requests to the emulator, which the product's work shares a core with).
            if (dueOrders.Count > 0 || _payments.Count > paymentsBefore) backlog = await SettleAsync(operations);
            _phases.Payments += phase.Elapsed;
            phase.Restart();
            if (now >= end) break;
            var next = new[]
            {
                end,
                ordersByInstant.Count > 0 ? ordersByInstant[0].Key : end,
                _domains.Values.Select(d => d.NextLook).Where(l => l is not null).Min() ?? end,
                backlog.NextTimerAt is { } timer ? EndOfDay(timer) : end,
            }.Min();
            await operations.PostAsJsonAsync("ops/clock/advance", new { by = next > now ? next - now : TimeSpan.Zero });
            await KeepRegistryClockAsync(operations);
            // What fell due at the new instant is done before anyone acts: the clock runs on in real time, so a customer's
            // look a second after the step would otherwise race the invoice the step's timer issues.
            backlog = await SettleAsync(operations);
            _phases.ClockSteps += phase.Elapsed;
            Steps++;
        }
        wall.Stop();
        return new YearReport(plan, [.. _domains.Values.OrderBy(d => d.Customer.CustomerId, StringComparer.Ordinal)], [.. _payments], wall.Elapsed, await NowAsync(operations), Steps, _phases);
    }

    /// <summary>Every timer of the day fires at this step, each no later than the end of its due day.</summary>
    private static DateTimeOffset EndOfDay(DateTimeOffset instant) => new DateTimeOffset(instant.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddTicks(-1);

    private async Task OrderAsync(IReadOnlyList<YearCustomer> customers, HttpClient operations)
    {
        var placed = new ConcurrentQueue<YearDomain>();
        await EachAsync(customers, async customer =>
        {
            using var storefront = product.Storefront(customer.CustomerId);
            var answer = await storefront.PostAsJsonAsync("api/orders", OrderBody(customer));
            var body = await answer.Content.ReadAsStringAsync();
            if (answer.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Order of {customer.DomainName}: {body}");
            var order = JsonDocument.Parse(body).RootElement;
            var invoice = order.GetProperty("invoice");
            var domain = new YearDomain(customer, order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!,
                invoice.GetProperty("number").GetString()!, invoice.GetProperty("total").GetProperty("amount").GetString()!);
            _domains[customer.CustomerId] = domain;
            placed.Enqueue(domain);
        });
        var now = await NowAsync(operations);
        foreach (var currency in placed.GroupBy(d => d.Customer.Currency))
            await PayAsync(currency.Key, [.. currency.Select(d => (d.OrderInvoice, d.OrderAmount))], now);
        await SettleAsync(operations);
        await EachAsync([.. placed.Where(d => d.Customer.Zone == "ua")], async domain =>
        {
            // UA-Pre-7: operations approve the trademark behind each second-level .ua name.
            var approved = await operations.PostAsJsonAsync($"api/ops/registrations/{domain.RegistrationId}/trademark", new { approved = true, reason = "Certificate checked." });
            if (approved.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"Trademark approval: {await approved.Content.ReadAsStringAsync()}");
        });
        await SettleAsync(operations);
        await EachAsync([.. placed.GroupBy(d => d.Customer.CustomerId)], async customer =>
        {
            using var storefront = product.Storefront(customer.Key);
            var views = await storefront.GetFromJsonAsync<JsonElement>("api/registrations");
            foreach (var domain in customer)
                domain.Registered(views.EnumerateArray().Where(v => v.GetProperty("registrationId").GetString() == domain.RegistrationId)
                    .Select(v => v.GetProperty("expiresAt")).Where(e => e.ValueKind == JsonValueKind.String).Select(e => (DateTimeOffset?)e.GetDateTimeOffset()).FirstOrDefault());
        });
    }

    private static Task EachAsync<T>(IEnumerable<T> items, Func<T, Task> act) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = CustomersAtOnce }, async (item, _) => await act(item));

    /// <summary>Each customer whose moment has come looks at their open renewal invoices and pays, on time or late, as their habit says.</summary>
    private Task ActOnInvoicesAsync(DateTimeOffset now) =>
        EachAsync([.. _domains.Values.Where(d => d.NextLook <= now)], async domain =>
        {
            domain.Looked();
            using var storefront = product.Storefront(domain.Customer.CustomerId);
            var invoices = await storefront.GetFromJsonAsync<JsonElement>("api/invoices");
            foreach (var invoice in invoices.EnumerateArray())
            {
                if (invoice.TryGetProperty("renewal", out var renewal) is false || renewal.ValueKind == JsonValueKind.Null) continue;
                var number = invoice.GetProperty("number").GetString()!;
                var dueAt = invoice.GetProperty("dueAt").GetDateTimeOffset();
                if (domain.HasPaid || !WouldPay(domain, dueAt, now)) continue;
                var amount = invoice.GetProperty("total").GetProperty("amount").GetString()!;
                var answer = await PayAsync(domain.Customer.Currency, [(number, amount)], now);
                domain.Paid();
                _payments.Enqueue(new YearPayment(domain.Customer.CustomerId, number, now, dueAt, answer));
            }
        });

    /// <summary>On time: any invoice still payable. Late: a .ua customer pays the redemption invoice after expiry; a .kz
    /// customer pays once the invoice lapsed.</summary>
    private static bool WouldPay(YearDomain domain, DateTimeOffset dueAt, DateTimeOffset now) => domain.Customer.Habit switch
    {
        Habit.PaysOnTime => now < dueAt,
        _ when domain.Customer.IsKz => now >= dueAt,
        _ => now < dueAt && domain.FirstExpiry is { } expiry && now > expiry,
    };

    private async Task<string> PayAsync(string currency, IReadOnlyList<(string Invoice, string Amount)> credits, DateTimeOffset now)
    {
        var camt = BankMessages.Camt054Credits(currency, now, BankMessages.NewReference(), credits);
        using var answer = await PostCamt054Async(product, currency, camt, now);
        var body = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted)) throw new InvalidOperationException($"Bank post refused: {body}");
        return body;
    }

    /// <summary>A camt.054 posted by the development bank of its currency (Halyk for KZT, PrivatBank for UAH), signed at
    /// <paramref name="signedAt"/>.</summary>
    public static async Task<HttpResponseMessage> PostCamt054Async(ProductFixture product, string currency, string camt, DateTimeOffset signedAt)
    {
        var (bank, secret) = currency == "KZT" ? ("halyk", ProductFixture.HalykSecret) : ("privatbank", "development-only-privatbank-secret");
        using var bankClient = product.Anonymous();
        using var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(secret, camt, signedAt));
        return await bankClient.PostAsync($"api/banks/{bank}/camt054", content);
    }

    /// <summary>Waits until no timer is due and no event or command is queued, twice in a row: the host waits, reading
    /// storage only once it has nothing in hand, and answers within 50 s either way.</summary>
    private static async Task<LifecycleBacklog> SettleAsync(HttpClient operations)
    {
        var deadline = DateTime.UtcNow + SettlePatience;
        while (true)
        {
            var backlog = await operations.GetFromJsonAsync<LifecycleBacklog>("ops/lifecycle/backlog?settleWithin=50");
            if (backlog!.IsSettled) return backlog;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The lifecycle did not settle within {SettlePatience}: {backlog}");
        }
    }

    public async Task<JsonElement?> ViewAsync(YearDomain domain)
    {
        using var storefront = product.Storefront(domain.Customer.CustomerId);
        var views = await storefront.GetFromJsonAsync<JsonElement>("api/registrations");
        return views.EnumerateArray().Where(v => v.GetProperty("registrationId").GetString() == domain.RegistrationId)
            .Select(v => (JsonElement?)v).FirstOrDefault();
    }

    private sealed record LifecycleBacklog(int DueTimers, int QueuedEvents, int QueuedCommands, DateTimeOffset? NextTimerAt, bool IsSettled);

    private async Task KeepRegistryClockAsync(HttpClient operations) => await product.Registry.SetClockAsync(await NowAsync(operations));

    private static async Task<DateTimeOffset> NowAsync(HttpClient operations) =>
        (await operations.GetFromJsonAsync<JsonElement>("ops/clock")).GetProperty("now").GetDateTimeOffset();

    /// <summary>The storefront's order for the customer's domain, with a registrant of the zone's country.</summary>
    public static object OrderBody(YearCustomer customer) => new
    {
        items = new[]
        {
            customer.Zone == "ua"
                ? (object)new
                {
                    name = customer.DomainName, termYears = customer.TermYears,
                    trademark = new { wordMark = customer.DomainName.Split('.')[0], registrationNumber = "UA-" + customer.CustomerId, office = "UA", registeredOn = "2020-01-01" },
                }
                : new { name = customer.DomainName, termYears = customer.TermYears },
        },
        contactEmail = customer.Email,
        registrant = new
        {
            nicHandle = (string?)null,
            data = new
            {
                kind = "NaturalPerson", organization = (string?)null, fullName = customer.IsKz ? "Иванов Иван Иванович" : "Шевченко Тарас Григорович",
                address = customer.IsKz
                    ? new { country = "KZ", postalCode = "050000", region = "Алматы", city = "Алматы", street = "пр. Абая", building = "10", office = "5" }
                    : new { country = "UA", postalCode = "01001", region = "Київ", city = "Київ", street = "вул. Хрещатик", building = "1", office = "2" },
                email = customer.Email, phone = customer.IsKz ? "+7.7012345678" : "+380.441234567",
            },
        },
        acceptance = new { offerVersion = "2025-01", personalDataConsent = true },
        language = "en",
    };
}
