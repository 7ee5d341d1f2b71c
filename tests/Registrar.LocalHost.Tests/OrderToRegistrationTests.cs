using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registrar.Testing;

namespace Registrar.LocalHost.Tests;

/// <summary>The first slice a registrar sells with, through the running local host over HTTP:
/// quote, order, invoice, bank notification, EPP create at the registry, welcome mail.</summary>
[Collection(ProductCollection.Name)]
public sealed class OrderToRegistrationTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("магазин-алматы.қаз", "xn----7sbabao3ai3acii4eyg.xn--80ao21a", "KZT", "halyk")]
    [InlineData("shop-almaty.kz", "shop-almaty.kz", "KZT", "halyk")]
    [InlineData("kvitkova-lavka.com.ua", "kvitkova-lavka.com.ua", "UAH", "privatbank")]
    public async Task A_paid_order_is_registered_at_the_registry_and_the_owner_is_mailed_KZ_2_1_UA_1_6_UA_2_1_2(
        string name, string ascii, string currency, string bank)
    {
        var customer = "cust-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{customer}@mail.example.org";
        using var storefront = product.Storefront(customer);

        var quote = await PostJsonAsync(storefront, "api/quotes", new { names = new[] { name }, termYears = 1 });
        var quoted = quote.GetProperty("quotes")[0];
        Assert.True(quoted.GetProperty("available").GetBoolean(), quoted.ToString());
        Assert.Equal(ascii, quoted.GetProperty("ascii").GetString());
        Assert.Equal(currency, quoted.GetProperty("total").GetProperty("currency").GetString());

        var order = await PlaceOrderAsync(storefront, name, email);
        var invoice = order.GetProperty("invoice");
        var number = invoice.GetProperty("number").GetString()!;
        var total = invoice.GetProperty("total");
        Assert.Equal("Open", invoice.GetProperty("status").GetString());

        var camt = BankMessages.Camt054Credit(number, total.GetProperty("amount").GetString()!, currency, DateTimeOffset.Now, BankMessages.NewReference());
        var receipt = await PostBankAsync(bank, camt, SecretOf(bank));
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Contains("applied", await receipt.Content.ReadAsStringAsync());

        var registered = await Eventually(() => product.Registry.GetDomainAsync(ascii), d => d is not null);
        Assert.Equal(currency == "KZT" ? "registrar1" : "registrar2", registered!.Value.GetProperty("sponsor").GetString());
        // One year from the registry's own creation instant (the test may straddle midnight).
        Assert.Equal(registered.Value.GetProperty("createdAt").GetDateTimeOffset().AddYears(1), registered.Value.GetProperty("expiresAt").GetDateTimeOffset());
        var mail = await product.Mail.WaitForMailAsync(email, m => m.Text?.Contains("set-password?token=") == true, Patience);
        Assert.DoesNotContain("password:", mail.Text!, StringComparison.OrdinalIgnoreCase);

        var paid = await storefront.GetFromJsonAsync<JsonElement>($"api/orders/{order.GetProperty("orderId").GetString()}/invoice");
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        var registrations = await Eventually(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            r => r.EnumerateArray().Any(v => v.GetProperty("phase").GetString() == "Registered"));
        var view = Assert.Single(registrations.EnumerateArray());
        Assert.Equal((ascii, name), (view.GetProperty("domainName").GetString(), view.GetProperty("displayName").GetString()));
        // UA-1.6: the registry's expiry instant (EPP carries it to the millisecond).
        var expiry = registered.Value.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.Equal(expiry, view.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task One_paid_invoice_registers_every_domain_of_the_order_each_for_its_own_term_KZ_1_1_UA_1_8()
    {
        var customer = "multi-" + Guid.NewGuid().ToString("N")[..6];
        using var storefront = product.Storefront(customer);
        var (first, second) = ($"first-{customer}.kz", $"second-{customer}.kz");
        var response = await storefront.PostAsJsonAsync("api/orders", new
        {
            items = new[] { new { name = first, termYears = 1 }, new { name = second, termYears = 3 } },
            contactEmail = $"{customer}@mail.example.org",
            registrant = new
            {
                data = new
                {
                    kind = "NaturalPerson", fullName = "Иванов Иван",
                    address = new { country = "KZ", postalCode = "050000", region = "Алматы", city = "Алматы", street = "Абая", building = "10" },
                    email = $"{customer}@mail.example.org", phone = "+7.7012345678",
                },
            },
            acceptance = new { offerVersion = "2025-01", acceptedAt = DateTimeOffset.UtcNow, personalDataConsent = true },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await PayAsync(await response.Content.ReadFromJsonAsync<JsonElement>());

        var one = await Eventually(() => product.Registry.GetDomainAsync(first), d => d is not null);
        var three = await Eventually(() => product.Registry.GetDomainAsync(second), d => d is not null);
        Assert.Equal(1, Years(one!.Value));
        Assert.Equal(3, Years(three!.Value));
        static int Years(JsonElement domain) =>
            domain.GetProperty("expiresAt").GetDateTimeOffset().Year - domain.GetProperty("createdAt").GetDateTimeOffset().Year;
    }

    [Fact]
    public async Task The_same_camt054_posted_five_times_concurrently_registers_the_domain_once_UA_3_2()
    {
        var customer = "cust-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        var order = await PlaceOrderAsync(storefront, "five-times.kz", $"{customer}@mail.example.org");
        var invoice = order.GetProperty("invoice");
        var camt = BankMessages.Camt054Credit(invoice.GetProperty("number").GetString()!,
            invoice.GetProperty("total").GetProperty("amount").GetString()!, "KZT", DateTimeOffset.Now, BankMessages.NewReference());
        var createsBefore = await product.Registry.CountAsync("domain:create");

        // Each delivery is signed anew, as a bank's retry is: five valid posts of one credit.
        var posts = Enumerable.Range(0, 5).Select(i => PostBankAsync("halyk", camt, ProductFixture.HalykSecret, secondsAgo: i));
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await Eventually(() => product.Registry.GetDomainAsync("five-times.kz"), d => d is not null);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(createsBefore + 1, await product.Registry.CountAsync("domain:create"));
    }

    [Fact]
    public async Task A_replayed_signed_notification_is_refused_and_changes_nothing()
    {
        var camt = BankMessages.Camt054Credit("KZ-2611-00001-3", "1.00", "KZT", DateTimeOffset.Now, BankMessages.NewReference());
        var signature = BankMessages.Sign(ProductFixture.HalykSecret, camt);

        var first = await PostBankAsync("halyk", camt, signature: signature);
        var replay = await PostBankAsync("halyk", camt, signature: signature);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Replay", await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_paid_order_loses_to_an_earlier_registration_and_the_money_is_held_until_the_customer_chooses_KZ_2_1_KZ_App_5_KZ_App_6()
    {
        var (first, second) = ("first-" + Guid.NewGuid().ToString("N")[..6], "second-" + Guid.NewGuid().ToString("N")[..6]);
        using var firstStorefront = product.Storefront(first);
        using var secondStorefront = product.Storefront(second);
        var firstOrder = await PlaceOrderAsync(firstStorefront, "contested-name.kz", $"{first}@mail.example.org");
        var secondOrder = await PlaceOrderAsync(secondStorefront, "contested-name.kz", $"{second}@mail.example.org");

        await PayAsync(firstOrder);
        var firstRegistered = await Eventually(() => product.Registry.GetDomainAsync("contested-name.kz"), d => d is not null);
        await PayAsync(secondOrder);

        // KZ-App-6: the domain stays the first registrant's; the second is told and keeps their money until they choose.
        await product.Mail.WaitForMailAsync($"{second}@mail.example.org", m => m.Subject.Contains("занят"), Patience);
        var stillRegistered = (await product.Registry.GetDomainAsync("contested-name.kz"))!.Value;
        Assert.Equal(firstRegistered!.Value.GetProperty("registrant").GetString(), stillRegistered.GetProperty("registrant").GetString());
        Assert.Equal(firstRegistered.Value.GetProperty("createdAt").GetDateTimeOffset(), stillRegistered.GetProperty("createdAt").GetDateTimeOffset());
        var registrationId = secondOrder.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        using var operations = product.Operations();
        var held = await Eventually(() => operations.GetFromJsonAsync<JsonElement>("api/ops/review"),
            r => r.EnumerateArray().Any(i => i.GetProperty("subject").GetString() == registrationId));
        Assert.Contains("KZ-2.1", held.EnumerateArray().First(i => i.GetProperty("subject").GetString() == registrationId).GetProperty("explanation").GetString());

        // The storefront offers the choice once its view of the registration says the name was taken.
        await Eventually(() => secondStorefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            r => r.EnumerateArray().Any(v => v.GetProperty("registrationId").GetString() == registrationId && v.GetProperty("phase").GetString() == "NameTaken"));
        var choice = await secondStorefront.PostAsJsonAsync($"api/registrations/{registrationId}/choice", new { choice = "Refund" });
        Assert.Equal(HttpStatusCode.Accepted, choice.StatusCode);
        await Eventually(() => operations.GetFromJsonAsync<JsonElement>("api/ops/review"),
            r => r.EnumerateArray().Any(i => i.GetProperty("subject").GetString() == registrationId
                                             && i.GetProperty("explanation").GetString()!.Contains("refund")));
        using var stranger = product.Storefront(first);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"api/registrations/{registrationId}/choice", new { choice = "Refund" })).StatusCode);

        // Operations record the refund the customer chose, up to what was paid; the .kz offer refunds no registered domain.
        var paid = decimal.Parse(secondOrder.GetProperty("invoice").GetProperty("total").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        var refunds = $"api/ops/registrations/{registrationId}/refunds";
        var tooMuch = await operations.PostAsJsonAsync(refunds, new { ground = "RegistrantRequest", amount = paid + 1m, reason = "KZ-2.1 choice" });
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        // Money as the API writes it, a string; a number is taken too.
        var recorded = await operations.PostAsJsonAsync(refunds, new { ground = "RegistrantRequest", amount = paid.ToString(CultureInfo.InvariantCulture), reason = "KZ-2.1 choice" });
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        // What was paid comes back once: a second decision, however small, would pay more than that.
        var again = await TestSupport.AssertProblemAsync(
            await operations.PostAsJsonAsync(refunds, new { ground = "RegistrantRequest", amount = 0.01m, reason = "KZ-2.1 choice, again" }), 409);
        Assert.Equal("KZ-2.1", again.GetProperty("rule").GetString());
        var firstRegistrationId = firstOrder.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        await Eventually(() => firstStorefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            r => r.EnumerateArray().Any(v => v.GetProperty("registrationId").GetString() == firstRegistrationId && v.GetProperty("phase").GetString() == "Registered"));
        var registered = await operations.PostAsJsonAsync($"api/ops/registrations/{firstRegistrationId}/refunds",
            new { ground = "RegistrantRequest", amount = 1m, reason = "asked" });
        Assert.Equal(HttpStatusCode.Conflict, registered.StatusCode);
    }

    [Fact]
    public async Task A_name_the_customer_ordered_and_has_not_paid_for_yet_is_not_invoiced_again_and_another_customer_may_order_it_KZ_3_2()
    {
        var name = "twice-" + Guid.NewGuid().ToString("N")[..8] + ".kz";
        var (customer, other) = ("twice-" + Guid.NewGuid().ToString("N")[..6], "other-" + Guid.NewGuid().ToString("N")[..6]);
        using var storefront = product.Storefront(customer);
        using var otherStorefront = product.Storefront(other);
        var first = await PlaceOrderAsync(storefront, name, $"{customer}@mail.example.org");

        var again = await storefront.PostAsJsonAsync("api/orders", OrderBody(name.ToUpperInvariant(), $"{customer}@mail.example.org"));
        var elsewhere = await otherStorefront.PostAsJsonAsync("api/orders", OrderBody(name, $"{other}@mail.example.org"));

        var problem = await TestSupport.AssertProblemAsync(again, 400);
        Assert.Contains(first.GetProperty("invoice").GetProperty("number").GetString()!,
            problem.GetProperty("errors").GetProperty("items[0].name")[0].GetString());
        Assert.Single((await storefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_name_registered_here_cannot_be_ordered_again_in_its_other_spelling_RFC_5891_UA_2_1_1()
    {
        var label = "пример" + Random.Shared.Next(100_000, 1_000_000);
        var ascii = new System.Globalization.IdnMapping().GetAscii(label) + ".xn--80ao21a";
        var (first, second) = ("holder-" + Guid.NewGuid().ToString("N")[..6], "other-" + Guid.NewGuid().ToString("N")[..6]);
        using var firstStorefront = product.Storefront(first);
        await PayAsync(await PlaceOrderAsync(firstStorefront, label + ".қаз", $"{first}@mail.example.org"));
        await Eventually(() => firstStorefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            r => r.EnumerateArray().Any(v => v.GetProperty("phase").GetString() == "Registered"));

        // The A-label, in upper case and fully qualified, is the same domain: not free, so no invoice for it (UA-2.1.1).
        using var secondStorefront = product.Storefront(second);
        var again = await secondStorefront.PostAsJsonAsync("api/orders", OrderBody(ascii.ToUpperInvariant() + ".", $"{second}@mail.example.org"));

        var problem = await TestSupport.AssertProblemAsync(again, 400);
        Assert.Contains("registered", problem.GetProperty("errors").GetProperty("items[0].name")[0].GetString());
        Assert.Empty((await secondStorefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray());
    }

    [Fact]
    public async Task A_second_level_ua_name_is_registered_only_after_operations_approve_its_trademark_and_is_not_quoted_free_meanwhile_UA_Pre_7_UA_2_1_1()
    {
        var customer = "tm-" + Guid.NewGuid().ToString("N")[..6];
        using var storefront = product.Storefront(customer);
        var name = "brand" + Guid.NewGuid().ToString("N")[..6] + ".ua";
        var order = await PlaceOrderAsync(storefront, name, $"{customer}@mail.example.org",
            new { wordMark = name.Split('.')[0], registrationNumber = "UA-345678", office = "UA", registeredOn = "2021-03-01" });
        var registrationId = order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;

        await PayAsync(order, "UAH", "privatbank");
        using var operations = product.Operations();
        await Eventually(() => operations.GetFromJsonAsync<JsonElement>("api/ops/review"),
            r => r.EnumerateArray().Any(i => i.GetProperty("subject").GetString() == registrationId));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Null(await product.Registry.GetDomainAsync(name));
        var waiting = await operations.GetFromJsonAsync<JsonElement>($"api/ops/registrations/{registrationId}");
        Assert.Equal("AwaitingTrademarkReview", waiting.GetProperty("state").GetProperty("phase").GetString());
        Assert.True(waiting.GetProperty("nextWakeAt").ValueKind == JsonValueKind.String, "the KZ-2.1 deadline timer is set");
        // UA-2.1.1: while it waits, the registry's domain:check still calls the name free; a quote says what an order would.
        var quoted = (await PostJsonAsync(storefront, "api/quotes", new { names = new[] { name.ToUpperInvariant() + "." }, termYears = 1 }))
            .GetProperty("quotes")[0];
        Assert.False(quoted.GetProperty("available").GetBoolean(), quoted.ToString());
        Assert.Contains("being registered, through this registrar", quoted.GetProperty("refusal").GetString());
        Assert.Contains(waiting.GetProperty("history").EnumerateArray(), h => h.GetProperty("eventId").GetString()!.StartsWith("paid:"));

        await Eventually(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            r => r.EnumerateArray().Any(v => v.GetProperty("registrationId").GetString() == registrationId));
        var approval = await operations.PostAsJsonAsync($"api/ops/registrations/{registrationId}/trademark", new { approved = true, reason = "Certificate UA-345678 checked." });
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);

        var registered = await Eventually(() => product.Registry.GetDomainAsync(name), d => d is not null);
        Assert.Contains("UA-345678", registered!.Value.GetProperty("licence").ToString());
        // The item that asked for the review is resolved by it, not left open on the review list.
        Assert.DoesNotContain((await operations.GetFromJsonAsync<JsonElement>("api/ops/review")).EnumerateArray(),
            i => i.GetProperty("subject").GetString() == registrationId);
    }

    private async Task PayAsync(JsonElement order, string currency = "KZT", string bank = "halyk")
    {
        var invoice = order.GetProperty("invoice");
        var camt = BankMessages.Camt054Credit(invoice.GetProperty("number").GetString()!,
            invoice.GetProperty("total").GetProperty("amount").GetString()!, currency, DateTimeOffset.Now, BankMessages.NewReference());
        TestSupport.AssertRecorded(await PostBankAsync(bank, camt, SecretOf(bank)));
    }

    private static async Task<JsonElement> PlaceOrderAsync(HttpClient storefront, string name, string email, object? trademark = null)
    {
        var response = await storefront.PostAsJsonAsync("api/orders", OrderBody(name, email, trademark));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static object OrderBody(string name, string email, object? trademark = null) => new
    {
        items = new[] { new { name, termYears = 1, trademark } },
        contactEmail = email,
        registrant = new
        {
            nicHandle = (string?)null,
            data = new
            {
                kind = "NaturalPerson", organization = (string?)null, fullName = "Иванов Иван Иванович",
                address = new { country = "KZ", postalCode = "050000", region = "Алматы", city = "Алматы", street = "пр. Абая", building = "10", office = "5" },
                email, phone = "+7.7012345678",
            },
        },
        technicalContact = (object?)null,
        acceptance = new { offerVersion = "2025-01", acceptedAt = DateTimeOffset.UtcNow, personalDataConsent = true },
    };

    private async Task<HttpResponseMessage> PostBankAsync(string bank, string camt, string? secret = null, int secondsAgo = 0, string? signature = null)
    {
        using var client = product.Anonymous();
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", signature ?? BankMessages.Sign(secret!, camt, secondsAgo));
        return await client.PostAsync($"api/banks/{bank}/camt054", content);
    }

    private static async Task<JsonElement> PostJsonAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string SecretOf(string bank) => bank == "halyk" ? ProductFixture.HalykSecret : "development-only-privatbank-secret";

    private async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not done within {Patience}. Host output:\n{product.HostOutput[^Math.Min(product.HostOutput.Length, 6000)..]}");
            await Task.Delay(250);
        }
    }
}
