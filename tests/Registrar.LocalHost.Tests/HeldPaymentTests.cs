using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registrar.Testing;

namespace Registrar.LocalHost.Tests;

/// <summary>UA-3.2 through the running local host: a credit that pays nothing by itself is held, and operations apply
/// or refund it, once.</summary>
[Collection(ProductCollection.Name)]
public sealed class HeldPaymentTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_top_up_applied_to_a_partly_paid_invoice_pays_it_and_registers_the_domain_and_a_second_apply_changes_nothing_UA_3_2()
    {
        var customer = "held-" + Guid.NewGuid().ToString("N")[..8];
        var name = customer + ".kz";
        var email = $"{customer}@mail.example.org";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var invoice = (await TestSupport.PlaceOrderWithNewContactAsync(storefront, name, email)).GetProperty("invoice");
        var number = invoice.GetProperty("number").GetString()!;
        var total = decimal.Parse(invoice.GetProperty("total").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        var first = decimal.Round(total * 0.6m, 2);

        var partial = await PayAsync(number, first);
        var topUp = await PayAsync(number, total - first);
        var held = await HeldAsync(operations);
        Assert.Contains(partial, held);
        Assert.Contains(topUp, held);
        Assert.Null(await product.Registry.GetDomainAsync(name));

        var applied = await operations.PostAsJsonAsync(HeldPath(topUp, "apply"), new { invoiceNumber = number, reason = "The customer topped up the rest." });
        var result = await applied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(applied.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal("Paid", result.GetProperty("invoiceStatus").GetString());
        Assert.Equal("Applied", result.GetProperty("payment").GetProperty("resolution").GetProperty("action").GetString());

        await Eventually(() => product.Registry.GetDomainAsync(name), d => d is not null);
        await product.Mail.WaitForMailAsync(email, m => m.Text?.Contains("set-password?token=") == true, Patience);
        var orderInvoice = await storefront.GetFromJsonAsync<JsonElement>("api/invoices");
        Assert.Contains(orderInvoice.EnumerateArray(), i => i.GetProperty("number").GetString() == number && i.GetProperty("status").GetString() == "Paid");
        held = await HeldAsync(operations);
        Assert.DoesNotContain(partial, held);
        Assert.DoesNotContain(topUp, held);
        var review = await operations.GetFromJsonAsync<JsonElement>("api/ops/review");
        Assert.DoesNotContain(review.EnumerateArray(), i => i.GetProperty("id").GetString() is var id && (id == topUp || id == partial));

        var creates = await product.Registry.CountAsync("domain:create");
        var again = await operations.PostAsJsonAsync(HeldPath(topUp, "apply"), new { invoiceNumber = number, reason = "Twice." });
        await TestSupport.AssertProblemAsync(again, 409);
        await TestSupport.AssertProblemAsync(
            await operations.PostAsJsonAsync(HeldPath(partial, "refund"), new { amount = "1.00", currency = "KZT", bankReference = "OUT-1", reason = "Twice." }), 409);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(creates, await product.Registry.CountAsync("domain:create"));
        Assert.Equal(held.Order(), (await HeldAsync(operations)).Order());
    }

    [Fact]
    public async Task A_refunded_over_payment_leaves_the_held_list_once_and_a_refund_of_more_than_came_is_refused_UA_3_2()
    {
        var customer = "over-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var invoice = (await TestSupport.PlaceOrderWithNewContactAsync(storefront, customer + ".kz", $"{customer}@mail.example.org")).GetProperty("invoice");
        var total = decimal.Parse(invoice.GetProperty("total").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        var overpaid = await PayAsync(invoice.GetProperty("number").GetString()!, total + 100m);
        Assert.Contains(overpaid, await HeldAsync(operations));

        var tooMuch = await operations.PostAsJsonAsync(HeldPath(overpaid, "refund"),
            new { amount = (total + 100.01m).ToString(CultureInfo.InvariantCulture), currency = "KZT", bankReference = "OUT-" + customer, reason = "Paid twice over." });
        var problem = await TestSupport.AssertProblemAsync(tooMuch, 422);
        Assert.Equal("RefundExceedsCredit", problem.GetProperty("reason").GetString());
        Assert.Contains(overpaid, await HeldAsync(operations));

        using var anonymous = product.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(problem.GetProperty("type").GetString()!.TrimStart('/'))).StatusCode);

        // Two people refund it at once: one wins, the other is told and changes nothing.
        var answers = await Task.WhenAll(new[] { "OUT-A-", "OUT-B-" }.Select(prefix => operations.PostAsJsonAsync(HeldPath(overpaid, "refund"),
            new { amount = (total + 100m).ToString(CultureInfo.InvariantCulture), currency = "KZT", bankReference = prefix + customer, reason = "Paid twice over." })));
        var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        await TestSupport.AssertProblemAsync(Assert.Single(answers, a => a != won), 409);
        var result = await won.Content.ReadFromJsonAsync<JsonElement>();
        var resolution = result.GetProperty("payment").GetProperty("resolution");
        Assert.Equal("Refunded", resolution.GetProperty("action").GetString());
        Assert.Equal((total + 100m).ToString(CultureInfo.InvariantCulture), resolution.GetProperty("refundedAmount").GetString());
        Assert.DoesNotContain(overpaid, await HeldAsync(operations));
        var review = await operations.GetFromJsonAsync<JsonElement>("api/ops/review");
        Assert.DoesNotContain(review.EnumerateArray(), i => i.GetProperty("id").GetString() == overpaid);
    }

    [Fact]
    public async Task A_held_payment_waits_in_its_work_queue_and_is_refunded_from_the_operations_page_audited_with_the_person_UA_3_2()
    {
        var customer = "page-" + Guid.NewGuid().ToString("N")[..8];
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var invoice = (await TestSupport.PlaceOrderWithNewContactAsync(storefront, customer + ".kz", $"{customer}@mail.example.org")).GetProperty("invoice");
        var total = decimal.Parse(invoice.GetProperty("total").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        var overpaid = await PayAsync(invoice.GetProperty("number").GetString()!, total + 50m);

        var queues = await operations.GetFromJsonAsync<JsonElement>("api/ops/queues");
        Assert.Contains(queues.GetProperty("heldPayments").EnumerateArray(), p => p.GetProperty("reference").GetString() == overpaid);

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = product.BaseAddress };
        var signedIn = await browser.PostAsync("ops/page/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = ProductFixture.OperationsKey, ["person"] = "Page Tester" }));
        var overview = await signedIn.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(overpaid), overview);
        var token = System.Text.RegularExpressions.Regex.Match(overview, "name=\"form-token\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string>
        {
            ["form-token"] = token, ["amount"] = (total + 50m).ToString(CultureInfo.InvariantCulture), ["currency"] = "KZT",
            ["bankReference"] = "OUT-" + customer, ["reason"] = "Paid over the invoice.",
        };

        var forged = await browser.PostAsync($"ops/page/payments/held/{Uri.EscapeDataString(overpaid)}/refund",
            new FormUrlEncodedContent(form.Where(f => f.Key != "form-token")));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains(overpaid, await HeldAsync(operations));
        var refunded = await browser.PostAsync($"ops/page/payments/held/{Uri.EscapeDataString(overpaid)}/refund", new FormUrlEncodedContent(form));

        Assert.True(refunded.IsSuccessStatusCode, await refunded.Content.ReadAsStringAsync());
        Assert.DoesNotContain(overpaid, await HeldAsync(operations));
        var audit = await TestSupport.AuditAsync(operations, "refunded");
        Assert.EndsWith("(Page Tester)", Assert.Single(audit, e => e.GetProperty("subject").GetString() == overpaid).GetProperty("actor").GetString());
    }

    private static string HeldPath(string reference, string action) => $"api/ops/payments/held/{Uri.EscapeDataString(reference)}/{action}";

    private static async Task<List<string>> HeldAsync(HttpClient operations) =>
        [.. (await operations.GetFromJsonAsync<JsonElement>("api/ops/payments/held")).EnumerateArray().Select(p => p.GetProperty("reference").GetString()!)];

    /// <returns>The held payment's reference.</returns>
    private async Task<string> PayAsync(string invoiceNumber, decimal amount)
    {
        var reference = BankMessages.NewReference();
        var camt = BankMessages.Camt054Credit(invoiceNumber, amount.ToString(CultureInfo.InvariantCulture), "KZT", DateTimeOffset.Now, reference);
        using var bank = product.Anonymous();
        var content = new StringContent(camt, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-Signature", BankMessages.Sign(ProductFixture.HalykSecret, camt));
        var receipt = await bank.PostAsync("api/banks/halyk/camt054", content);
        var body = await receipt.Content.ReadAsStringAsync();
        Assert.True(receipt.StatusCode == HttpStatusCode.OK && body.Contains("held:"), body);
        return "halyk:" + reference;
    }

    private async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done) =>
        await TestSupport.EventuallyAsync(read, done, Patience);
}
