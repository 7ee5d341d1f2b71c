using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Registrar.Epp.Commands;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A transfer in through the running host (RFC 5731 section 3.2.4): an order for a domain the other registrar holds,
/// with its code, priced as a renewal and paid; the transfer request waits pending at the simulator until the registry's
/// period has passed, and its poll message makes the registration Registered here; a wrong code is refused and told. Either
/// way the code is then erased from the stored order: a secret of the other registrar's does not outlive its use.</summary>
[Collection(ProductCollection.Name)]
public sealed class TransferInTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_paid_transfer_in_waits_for_the_registry_s_approval_then_the_domain_is_ours_and_the_customer_told()
    {
        var customer = "tin-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        await using (var other = OtherRegistrar.Connect(product)) await OtherRegistrar.RegisterAsync(other, name, "Move-It-2026");

        var order = await PlacedAsync(storefront, customer, name, "Move-It-2026");
        var registrationId = order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        Assert.True(order.GetProperty("lines")[0].GetProperty("transferIn").GetBoolean());
        Assert.DoesNotContain("Move-It-2026", order.GetRawText());
        await RegisteredDomains.PayAsync(product, order);

        await EventuallyAsync(() => product.Registry.GetDomainAsync(name),
            d => d!.Value.GetProperty("transferRequestedBy").GetString() == RegistrySimulatorFixture.Registrar1, Patience);
        await PhaseAsync(storefront, registrationId, "TransferringIn");
        try
        {
            await product.Registry.AdvanceClockAsync(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
            Assert.Equal(RegistrySimulatorFixture.Registrar1, (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("sponsor").GetString());
            await PhaseAsync(storefront, registrationId, "Registered");
            var told = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("перенесён к нам"), Patience);
            Assert.Contains(name, told.Subject);
            Assert.Contains("set-password?token=", told.Text);
            await CodeErasedAsync(storefront, customer, order, "Move-It-2026");
            // RFC 5731 section 2.6: the losing registrar's code no longer authorises a transfer of the domain.
            await EventuallyAsync(() => product.Registry.GetDomainAsync(name),
                d => d!.Value.GetProperty("authInfo").GetString() is { Length: > 0 } code && code != "Move-It-2026", Patience);
        }
        finally
        {
            await product.Registry.SetClockAsync(DateTimeOffset.UtcNow);
        }
        Assert.DoesNotContain("Move-It-2026", product.HostOutput);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_before_anything_is_invoiced_RFC_5731_3_1_2_KZ_3_2()
    {
        var customer = "tin-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        await using (var other = OtherRegistrar.Connect(product)) await OtherRegistrar.RegisterAsync(other, name, "Right-Code-1");

        await AssertProblemAsync(await storefront.PostAsJsonAsync("api/orders", Body(customer, name, " ")), 400);
        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync("api/orders", Body(customer, name, "Wrong-Code-1")), 400);

        Assert.Contains("2202", refused.GetProperty("errors").GetProperty("items[0].transferCode")[0].GetString());
        Assert.DoesNotContain("Wrong-Code-1", refused.GetRawText());
        Assert.Empty((await storefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray());
        await PlacedAsync(storefront, customer, name, "Right-Code-1");
    }

    [Fact]
    public async Task A_domain_its_registry_bans_from_transfer_is_refused_before_anything_is_invoiced_RFC_5731_2_3_KZ_3_2()
    {
        var customer = "tin-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        await using (var other = OtherRegistrar.Connect(product)) await OtherRegistrar.RegisterAsync(other, name, "Banned-Code-1");
        await product.Registry.SetServerStatusesAsync(name, add: ["serverTransferProhibited"]);

        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync("api/orders", Body(customer, name, "Banned-Code-1")), 400);

        Assert.Contains("serverTransferProhibited", refused.GetProperty("errors").GetProperty("items[0].name")[0].GetString());
        Assert.Empty((await storefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray());
        await product.Registry.SetServerStatusesAsync(name, remove: ["serverTransferProhibited"]);
        await PlacedAsync(storefront, customer, name, "Banned-Code-1");
    }

    [Fact]
    public async Task A_code_the_losing_registrar_changed_after_the_order_is_refused_by_the_registry_and_the_customer_told_that_the_payment_is_kept_for_them()
    {
        var customer = "tin-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        await using var other = OtherRegistrar.Connect(product);
        await OtherRegistrar.RegisterAsync(other, name, "Wrong-Code-1");

        var order = await PlacedAsync(storefront, customer, name, "Wrong-Code-1");
        await other.ExecuteAsync(new DomainUpdateCommand { DomainName = name, Change = new DomainChange(AuthInfoPassword: "Right-Code-1") });
        await RegisteredDomains.PayAsync(product, order);

        var told = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("не состоялся"), Patience);
        Assert.Contains(name, told.Subject);
        await PhaseAsync(storefront, order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!, "Closed");
        Assert.Equal(RegistrySimulatorFixture.Registrar2, (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("sponsor").GetString());
        await CodeErasedAsync(storefront, customer, order, "Wrong-Code-1");
    }

    [Fact]
    public async Task A_transfer_in_of_a_name_the_registry_does_not_hold_is_refused_before_anything_is_invoiced_RFC5731_3_2_4_KZ_3_2()
    {
        var customer = "tin-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);

        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync("api/orders", Body(customer, name, "Any-Code-1")), 400);

        Assert.Contains("nothing to transfer", refused.GetProperty("errors").GetProperty("items[0].transferCode")[0].GetString());
        Assert.Empty((await storefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray());
        await using (var other = OtherRegistrar.Connect(product)) await OtherRegistrar.RegisterAsync(other, name, "Any-Code-1");
        await PlacedAsync(storefront, customer, name, "Any-Code-1");
    }

    [Fact]
    public async Task A_registration_order_for_a_name_another_registrar_holds_is_refused_before_anything_is_invoiced_UA_2_1_1_KZ_App_8()
    {
        var customer = "tkn-" + Guid.NewGuid().ToString("N")[..8];
        var (taken, free) = ($"{customer}.kz", $"{customer}-free.kz");
        using var storefront = product.Storefront(customer);
        await using (var other = OtherRegistrar.Connect(product)) await OtherRegistrar.RegisterAsync(other, taken, "Held-Elsewhere-1");

        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync("api/orders", RegisteredDomains.Body(customer, taken)), 400);

        Assert.Contains("not available at the registry", refused.GetProperty("errors").GetProperty("items[0].name")[0].GetString());
        Assert.Empty((await storefront.GetFromJsonAsync<JsonElement>("api/invoices")).EnumerateArray());
        var placed = await storefront.PostAsJsonAsync("api/orders", RegisteredDomains.Body(customer, free));
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
    }

    [Fact]
    public async Task Operations_cancel_a_pending_transfer_in_at_the_registry_then_it_is_closed_told_and_the_code_erased()
    {
        var customer = "tin-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        await using (var other = OtherRegistrar.Connect(product)) await OtherRegistrar.RegisterAsync(other, name, "Cancel-Me-2026");
        var order = await PlacedAsync(storefront, customer, name, "Cancel-Me-2026");
        var registrationId = order.GetProperty("lines")[0].GetProperty("registrationId").GetString()!;
        var decisions = $"api/ops/registrations/{registrationId}/decisions";
        var cancel = new { kind = "transfer-in-cancel", reason = "the customer withdrew the order" };

        await RegisteredDomains.PayAsync(product, order);
        await PhaseAsync(storefront, registrationId, "TransferringIn");
        await EventuallyAsync(() => product.Registry.GetDomainAsync(name),
            d => d!.Value.GetProperty("transferRequestedBy").GetString() == RegistrySimulatorFixture.Registrar1, Patience);
        // Decided at once: a cancel that finds the request's answer or a poll message's read-back still out waits for it.
        var accepted = await operations.PostAsJsonAsync(decisions, cancel);
        Assert.True((int)accepted.StatusCode == 202, await accepted.Content.ReadAsStringAsync());

        await PhaseAsync(storefront, registrationId, "Closed");
        var domain = (await product.Registry.GetDomainAsync(name))!.Value;
        Assert.Equal((RegistrySimulatorFixture.Registrar2, "clientCancelled"),
            (domain.GetProperty("sponsor").GetString(), domain.GetProperty("transferStatus").GetString()));
        var told = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("не состоялся"), Patience);
        Assert.Contains(name, told.Subject);
        await CodeErasedAsync(storefront, customer, order, "Cancel-Me-2026");
        var notPending = await AssertProblemAsync(await operations.PostAsJsonAsync(decisions, cancel), 409);
        Assert.Contains("TransferringIn", notPending.GetProperty("detail").GetString());
    }

    /// <summary>The stored order no longer holds <paramref name="code"/>, and its line still reads as a transfer in.</summary>
    private async Task CodeErasedAsync(HttpClient storefront, string customer, JsonElement order, string code)
    {
        var orderId = order.GetProperty("orderId").GetString()!;
        var orders = product.Storage.Tables.GetTableClient("orders");
        var document = await EventuallyAsync(async () => (await orders.GetEntityAsync<TableEntity>(customer, orderId)).Value.GetString("Document"),
            d => !d.Contains(code, StringComparison.Ordinal), Patience);
        Assert.Equal("erased", JsonDocument.Parse(document).RootElement.GetProperty("lines")[0].GetProperty("transferCode").GetString());
        var placed = await storefront.GetFromJsonAsync<JsonElement>($"api/orders/{orderId}");
        Assert.True(placed.GetProperty("lines")[0].GetProperty("transferIn").GetBoolean());
    }

    private static async Task<JsonElement> PlacedAsync(HttpClient storefront, string customer, string name, string code)
    {
        var placed = await storefront.PostAsJsonAsync("api/orders", Body(customer, name, code));
        Assert.True((int)placed.StatusCode == 201, await placed.Content.ReadAsStringAsync());
        return await placed.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task PhaseAsync(HttpClient storefront, string registrationId, string phase) =>
        EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId && r.GetProperty("phase").GetString() == phase),
            Patience);

    private static JsonElement Body(string customer, string name, string code)
    {
        var body = JsonSerializer.SerializeToNode(RegisteredDomains.Body(customer, name))!;
        body["items"]![0]!["transferCode"] = code;
        return JsonSerializer.SerializeToElement(body);
    }
}
