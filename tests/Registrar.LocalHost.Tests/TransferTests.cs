using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Registrar.Epp.Commands;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A transfer code through the running host (KZ-App-9, UA-3.5): refused at once while another agreement forbids it, refused by
/// mail while the registry bans the transfer, then set at the registry and mailed; another registrar moves the domain with it,
/// and once the registry's transfer period has passed its poll message ends the registration here.</summary>
[Collection(ProductCollection.Name)]
public sealed partial class TransferTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_transfer_code_is_refused_while_the_registry_bans_it_not_for_another_orders_open_invoice_then_mailed_and_the_domain_transferred_away_KZ_App_9()
    {
        var customer = "xfr-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        var mailbox = $"{customer}@mail.example.org";
        using var storefront = product.Storefront(customer);
        var registrationId = await RegisteredDomains.RegisteredAsync(product, storefront, customer, name);
        var requests = $"api/registrations/{registrationId}/requests";
        var askForCode = new { kind = "transfer-code", signedInSession = true };

        // KZ-App-9: another order's invoice still open is a prepayment, not a debt: it refuses nothing (the registry's ban below does).
        var placed = await storefront.PostAsJsonAsync("api/orders", RegisteredDomains.Body(customer, $"{customer}-2.kz"));
        Assert.True((int)placed.StatusCode == 201, await placed.Content.ReadAsStringAsync());

        // KZ-App-9: the registry's ban is read when the request is carried out: the customer is told, no code is set.
        var codeBefore = await AuthInfoAsync(name);
        await product.Registry.SetServerStatusesAsync(name, add: ["serverTransferProhibited"]);
        Assert.Equal(202, (int)(await storefront.PostAsJsonAsync(requests, askForCode)).StatusCode);
        var banned = await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("не выдан"), Patience);
        Assert.Contains("раздел 9 регламента регистрации доменов", banned.Text);
        Assert.Equal(codeBefore, await AuthInfoAsync(name));
        await product.Registry.SetServerStatusesAsync(name, remove: ["serverTransferProhibited"]);

        // A fresh code is set at the registry and reaches the contact e-mail, and nowhere else.
        Assert.Equal(202, (int)(await storefront.PostAsJsonAsync(requests, askForCode)).StatusCode);
        var mailed = await product.Mail.WaitForMailAsync(mailbox, m => m.Text?.Contains("Код переноса:") == true, Patience);
        var code = CodeLine().Match(mailed.Text!).Groups[1].Value;
        Assert.Equal(code, await AuthInfoAsync(name));
        Assert.DoesNotContain(code, product.HostOutput);

        // The gaining registrar asks with the code; the registry approves once its transfer period has passed.
        await using var gaining = OtherRegistrar.Connect(product);
        Assert.True((await gaining.ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Request, code))).IsPending);
        try
        {
            await product.Registry.AdvanceClockAsync(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
            Assert.Equal(RegistrySimulatorFixture.Registrar2, (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("sponsor").GetString());
            await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
                l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId
                    && r.GetProperty("phase").GetString() == "TransferredAway"), Patience);
            var told = await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains("перенесён к другому регистратору"), Patience);
            Assert.Contains(name, told.Subject);
        }
        finally
        {
            await product.Registry.SetClockAsync(DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task A_transfer_code_is_refused_while_another_agreement_forbids_it_naming_the_agreement_until_operations_lift_it_KZ_App_9()
    {
        var customer = "xfa-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var registrationId = await RegisteredDomains.RegisteredAsync(product, storefront, customer, name);
        var decisions = $"api/ops/registrations/{registrationId}/decisions";
        var requests = $"api/registrations/{registrationId}/requests";
        var askForCode = new { kind = "transfer-code", signedInSession = true };

        // A restriction names the agreement; without one it is a validation problem that records nothing.
        await AssertProblemAsync(await operations.PostAsJsonAsync(decisions, new { kind = "transfer-restriction", reason = "pledge" }), 400);
        var restricted = await operations.PostAsJsonAsync(decisions,
            new { kind = "transfer-restriction", document = "Pledge agreement 12/2026 of 1 March 2026", reason = "the pledgee asked" });
        Assert.True((int)restricted.StatusCode == 202, await restricted.Content.ReadAsStringAsync());
        Assert.Equal("KZ-App-9", (await restricted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"), l => l.EnumerateArray().Any(r =>
            r.GetProperty("registrationId").GetString() == registrationId && r.TryGetProperty("transferRestriction", out var t) && t.ValueKind == JsonValueKind.String), Patience);
        // KZ-App-9: the registry bans the transfer meanwhile, so a code issued before the agreement cannot move the domain.
        await EventuallyAsync(() => product.Registry.GetStatusesAsync(name), s => s.Contains("clientTransferProhibited"), Patience);

        // KZ-App-9: refused at once, naming the reason, its rule and the agreement; no request is recorded.
        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync(requests, askForCode), 409);
        Assert.Equal("/problems/transfer-refused", refused.GetProperty("type").GetString());
        var reason = Assert.Single(refused.GetProperty("reasons").EnumerateArray());
        Assert.Equal(("AgreementForbidsTransfer", "KZ-App-9"), (reason.GetProperty("reason").GetString(), reason.GetProperty("rule").GetString()));
        Assert.Contains("Pledge agreement 12/2026", refused.GetProperty("detail").GetString());

        Assert.Equal(202, (int)(await operations.PostAsJsonAsync(decisions, new { kind = "transfer-restriction-lifted", reason = "the loan is repaid" })).StatusCode);
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"), l => l.EnumerateArray().Any(r =>
            r.GetProperty("registrationId").GetString() == registrationId && (!r.TryGetProperty("transferRestriction", out var t) || t.ValueKind == JsonValueKind.Null)), Patience);
        await EventuallyAsync(() => product.Registry.GetStatusesAsync(name), s => !s.Contains("clientTransferProhibited"), Patience);
        Assert.Equal(202, (int)(await storefront.PostAsJsonAsync(requests, askForCode)).StatusCode);
        await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Text?.Contains("Код переноса:") == true, Patience);

        var audit = await operations.GetFromJsonAsync<JsonElement>($"api/ops/audit?registrationId={registrationId}");
        var actions = audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("transfer-restriction", actions);
        Assert.Contains("transfer-restriction-lifted", actions);
    }

    [Fact]
    public async Task A_transfer_code_proved_on_papers_is_read_by_operations_to_hand_over_and_never_mailed_to_the_contact_email_UA_1_5_8()
    {
        var customer = "xfp-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        var mailbox = $"{customer}@mail.example.org";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var registrationId = await RegisteredDomains.RegisteredAsync(product, storefront, customer, name);
        var codeBefore = await AuthInfoAsync(name);

        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests", new { kind = "transfer-code" });
        Assert.Equal(202, (int)made.StatusCode);
        var requestId = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString();
        var handOver = $"api/ops/requests/{requestId}/transfer-code";
        // Not proved yet: no code, and one proved by the link goes to the contact e-mail, so only papers make it readable here.
        await AssertProblemAsync(await operations.GetAsync(handOver), 409);
        Assert.Equal(202, (int)(await operations.PostAsJsonAsync($"api/ops/requests/{requestId}/proof",
            new { proof = "IdentityDocuments", reference = "passport checked at the office, no access to the mailbox" })).StatusCode);

        var read = await EventuallyAsync(() => operations.GetAsync(handOver), answer => answer.IsSuccessStatusCode, Patience);
        Assert.Equal("no-store", read.Headers.CacheControl?.ToString());
        var code = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transferCode").GetString();
        Assert.NotEqual(codeBefore, code);
        Assert.Equal(code, await AuthInfoAsync(name));
        Assert.DoesNotContain(code!, product.HostOutput);
        Assert.DoesNotContain(await product.Mail.GetMessagesAsync(), m => m.Text?.Contains(code!) == true);
        var audit = await operations.GetFromJsonAsync<JsonElement>($"api/ops/audit?registrationId={registrationId}&action=transfer-code-read");
        Assert.Single(audit.GetProperty("entries").EnumerateArray());
    }

    private async Task<string?> AuthInfoAsync(string name) => (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("authInfo").GetString();

    [GeneratedRegex(@"Код переноса: (\S+)")]
    private static partial Regex CodeLine();
}
