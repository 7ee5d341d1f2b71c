using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Registrar.Testing.YearInAMinute;

/// <summary>
/// A year of a registrar's life through the running local host, driven only from outside: customers order and
/// pay over HTTP and by bank notification, the operations clock moves a day at a time (the simulator's clock
/// kept equal to it), and after every step the run waits until the lifecycle backlog has settled, then lets
/// each customer act on the invoices they see, as their habit says.
/// </summary>
public sealed class YearRun(ProductFixture product, YearPlan plan)
{
    private static readonly TimeSpan SettlePatience = TimeSpan.FromSeconds(120);
    private readonly Dictionary<string, YearDomain> _domains = [];
    private readonly HashSet<string> _paidInvoices = [];
    private readonly List<YearPayment> _payments = [];

    public async Task<YearReport> RunAsync()
    {
        var customers = plan.Customers();
        using var operations = product.Operations();
        await KeepRegistryClockAsync(operations);
        var wall = Stopwatch.StartNew();
        for (var day = 0; day <= plan.Days; day++)
        {
            await OrderAsync(customers.Where(c => c.OrderDay == day).ToList(), operations);
            await ActOnInvoicesAsync(operations);
            await SettleAsync(operations);
            if (day == plan.Days) break;
            await operations.PostAsJsonAsync("ops/clock/advance", new { by = "1.00:00:00" });
            await KeepRegistryClockAsync(operations);
            await SettleAsync(operations);
        }
        wall.Stop();
        return new YearReport(plan, [.. _domains.Values], _payments, wall.Elapsed, await NowAsync(operations));
    }

    private async Task OrderAsync(IReadOnlyList<YearCustomer> customers, HttpClient operations)
    {
        if (customers.Count == 0) return;
        foreach (var customer in customers)
        {
            using var storefront = product.Storefront(customer.CustomerId);
            var placed = await storefront.PostAsJsonAsync("api/orders", OrderBody(customer));
            var body = await placed.Content.ReadAsStringAsync();
            if (placed.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Order of {customer.DomainName}: {body}");
            var order = JsonDocument.Parse(body).RootElement;
            var invoice = order.GetProperty("invoice");
            _domains[customer.CustomerId] = new YearDomain(customer, order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!,
                invoice.GetProperty("number").GetString()!, invoice.GetProperty("total").GetProperty("amount").GetString()!);
        }
        var now = await NowAsync(operations);
        foreach (var currency in customers.GroupBy(c => c.Currency))
        {
            var credits = currency.Select(c => (_domains[c.CustomerId].OrderInvoice, _domains[c.CustomerId].OrderAmount)).ToList();
            await PayAsync(currency.Key, credits, now);
        }
        await SettleAsync(operations);
        foreach (var customer in customers.Where(c => c.Zone == "ua"))
        {
            // UA-Pre-7: operations approve the trademark behind each second-level .ua name.
            var approved = await operations.PostAsJsonAsync($"api/ops/registrations/{_domains[customer.CustomerId].RegistrationId}/trademark", new { approved = true });
            if (approved.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"Trademark approval: {await approved.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Each paying customer looks at their open renewal invoices and pays, on time or late, as their habit says.</summary>
    private async Task ActOnInvoicesAsync(HttpClient operations)
    {
        var now = await NowAsync(operations);
        // A customer looks at their invoices while their domain is due for renewal: from its first reminder until deletion.
        foreach (var domain in _domains.Values.Where(d => d.Customer.Habit is Habit.PaysOnTime or Habit.PaysLate
                     && d.FirstExpiry is { } expiry && now > expiry.AddDays(-31) && now < expiry.AddDays(29)))
        {
            using var storefront = product.Storefront(domain.Customer.CustomerId);
            var invoices = await storefront.GetFromJsonAsync<JsonElement>("api/invoices");
            foreach (var invoice in invoices.EnumerateArray())
            {
                if (invoice.TryGetProperty("renewal", out var renewal) is false || renewal.ValueKind == JsonValueKind.Null) continue;
                var number = invoice.GetProperty("number").GetString()!;
                var dueAt = invoice.GetProperty("dueAt").GetDateTimeOffset();
                if (_paidInvoices.Contains(number) || !WouldPay(domain, dueAt, now)) continue;
                _paidInvoices.Add(number);
                var amount = invoice.GetProperty("total").GetProperty("amount").GetString()!;
                var answer = await PayAsync(domain.Customer.Currency, [(number, amount)], now);
                _payments.Add(new YearPayment(domain.Customer.CustomerId, number, now, dueAt, answer));
            }
        }
    }

    /// <summary>On time: any invoice still payable. Late: a .ua customer pays the redemption invoice after expiry; a .kz
    /// customer pays once the invoice lapsed.</summary>
    private static bool WouldPay(YearDomain domain, DateTimeOffset dueAt, DateTimeOffset now) => domain.Customer.Habit switch
    {
        Habit.PaysOnTime => now < dueAt,
        _ when domain.Customer.IsKz => now >= dueAt && domain.LatePaymentTried(),
        _ => now < dueAt && domain.FirstExpiry is { } expiry && now > expiry.AddDays(2),
    };

    private async Task<string> PayAsync(string currency, IReadOnlyList<(string Invoice, string Amount)> credits, DateTimeOffset now)
    {
        var (bank, secret) = currency == "KZT" ? ("halyk", ProductFixture.HalykSecret) : ("privatbank", "development-only-privatbank-secret");
        var camt = BankMessages.Camt054Credits(currency, now, BankMessages.NewReference(), credits);
        using var bankClient = product.Anonymous();
        using var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(secret, camt, now));
        var answer = await bankClient.PostAsync($"api/banks/{bank}/camt054", content);
        var body = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted)) throw new InvalidOperationException($"Bank post refused: {body}");
        return body;
    }

    /// <summary>Waits until no timer is due and no event or command is queued, twice in a row; then records each
    /// registration's first expiry once it is registered.</summary>
    private async Task SettleAsync(HttpClient operations)
    {
        var deadline = DateTime.UtcNow + SettlePatience;
        var settledReadings = 0;
        while (settledReadings < 2)
        {
            var backlog = await operations.GetFromJsonAsync<JsonElement>("ops/lifecycle/backlog");
            settledReadings = backlog.GetProperty("isSettled").GetBoolean() ? settledReadings + 1 : 0;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The lifecycle did not settle within {SettlePatience}: {backlog}");
            await Task.Delay(settledReadings == 0 ? 100 : 250);
        }
        foreach (var domain in _domains.Values.Where(d => d.FirstExpiry is null))
            domain.FirstExpiry = (await ViewAsync(domain))?.GetProperty("expiresAt") is { ValueKind: JsonValueKind.String } expiry ? expiry.GetDateTimeOffset() : null;
    }

    public async Task<JsonElement?> ViewAsync(YearDomain domain)
    {
        using var storefront = product.Storefront(domain.Customer.CustomerId);
        var views = await storefront.GetFromJsonAsync<JsonElement>("api/registrations");
        return views.EnumerateArray().Where(v => v.GetProperty("registrationId").GetString() == domain.RegistrationId)
            .Select(v => (JsonElement?)v).FirstOrDefault();
    }

    private async Task KeepRegistryClockAsync(HttpClient operations) => await product.Registry.SetClockAsync(await NowAsync(operations));

    private static async Task<DateTimeOffset> NowAsync(HttpClient operations) =>
        (await operations.GetFromJsonAsync<JsonElement>("ops/clock")).GetProperty("now").GetDateTimeOffset();

    private static object OrderBody(YearCustomer customer) => new
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
        registrant = new { nicHandle = customer.IsKz ? "KZ-NIC-77" : "UA-NIC-77" },
        acceptance = new { offerVersion = "2025-01", personalDataConsent = true },
        language = "en",
    };
}
