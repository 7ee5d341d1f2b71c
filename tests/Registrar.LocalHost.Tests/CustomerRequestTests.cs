using System.Net.Http.Json;
using System.Text.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A customer request through the running host: proved from the contact e-mail by a single-use link, then
/// carried out at the registry and told to the customer (KZ-5.3, UA-4.7, UA-1.5.8, UA-1.5.6); a .kz DNS change from a
/// signed-in session applied at once (KZ-2.3).</summary>
[Collection(ProductCollection.Name)]
public sealed class CustomerRequestTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly HostedRegistrations _registrations = new(product);

    [Fact]
    public async Task Early_deletion_is_confirmed_once_from_the_contact_email_then_deleted_at_the_registry_and_told_KZ_5_3_UA_4_7_UA_1_5_8_UA_1_5_6()
    {
        var customer = "req-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        var registrationId = await RegisteredAsync(storefront, customer, name);

        // UA-1.5.8: a signed-in session does not prove abandoning a domain: the confirmation goes to the contact e-mail.
        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests", new { kind = "early-deletion", signedInSession = true });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        var request = await made.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AwaitingProof", request.GetProperty("status").GetString());
        Assert.NotNull(await product.Registry.GetDomainAsync(name));

        var mail = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Text?.Contains("confirmation?token=") == true, Patience);
        var token = mail.Text!.Split("confirmation?token=")[1].Split('\n')[0].Trim();
        using var browser = product.Anonymous();

        // A mail scanner's HEAD or GET looks at the link without spending it (RFC 9110 §9.2.1); the GET shows what it would prove.
        using var looked = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/requests/confirmation?token={token}"));
        Assert.Equal(200, (int)looked.StatusCode);
        var opened = await browser.GetFromJsonAsync<JsonElement>($"api/requests/confirmation?token={token}");
        Assert.Equal(("early-deletion", "AwaitingProof", name, "POST"), (opened.GetProperty("request").GetProperty("kind").GetString(),
            opened.GetProperty("request").GetProperty("status").GetString(), opened.GetProperty("domain").GetString(), opened.GetProperty("confirmWith").GetString()));
        Assert.NotNull(await product.Registry.GetDomainAsync(name));
        var confirmed = await browser.PostAsync($"api/requests/confirmation?token={token}", null);
        Assert.True((int)confirmed.StatusCode == 200, await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("ContactEmail", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proof").GetString());
        var again = await AssertProblemAsync(await browser.PostAsync($"api/requests/confirmation?token={token}", null), 409);
        Assert.Equal("/problems/link-used", again.GetProperty("type").GetString());
        var forged = await AssertProblemAsync(await browser.PostAsync($"api/requests/confirmation?token={token[..^2]}xx", null), 400);
        Assert.Equal("/problems/link-invalid", forged.GetProperty("type").GetString());

        // UA-1.5.6: deleted at the registry, so the name is free, and the customer is told.
        await EventuallyAsync(() => product.Registry.GetDomainAsync(name), d => d is null, Patience);
        var told = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("по вашему запросу"), Patience);
        Assert.Contains(name, told.Subject);
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId
                && r.GetProperty("phase").GetString() == "Deleted"), Patience);
    }

    [Fact]
    public async Task A_kz_dns_change_from_a_signed_in_session_is_applied_at_the_registry_at_once_and_told_KZ_2_3()
    {
        var customer = "dns-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        var registrationId = await RegisteredAsync(storefront, customer, name);
        var requests = $"api/registrations/{registrationId}/requests";
        string[] wanted = [$"ns1.{customer}-dns.net", $"ns2.{customer}-dns.net"];

        var tooFew = await AssertProblemAsync(await storefront.PostAsJsonAsync(requests, new { kind = "dns-change", signedInSession = true, nameServers = wanted[..1] }), 400);
        Assert.Contains("nameServers", tooFew.GetRawText());
        // RFC 5732 section 3.2.1: a name server inside the domain itself needs addresses (glue) a DNS change does not give.
        var inside = await AssertProblemAsync(await storefront.PostAsJsonAsync(requests,
            new { kind = "dns-change", signedInSession = true, nameServers = new[] { $"ns1.{name}", wanted[1] } }), 400);
        Assert.True(inside.GetProperty("errors").TryGetProperty("nameServers", out _), inside.GetRawText());
        // RFC 5732 section 3.2.1: the registry creates no name server under a domain of its zones that nobody holds (asked by domain:check).
        var unregistered = $"ns2.{customer}-nobody.қаз";
        var underNobody = await AssertProblemAsync(await storefront.PostAsJsonAsync(requests,
            new { kind = "dns-change", signedInSession = true, nameServers = new[] { wanted[0], unregistered } }), 400);
        Assert.Contains("is not registered", underNobody.GetProperty("errors").GetProperty("nameServers")[0].GetString());

        var made = await storefront.PostAsJsonAsync(requests, new { kind = "dns-change", signedInSession = true, nameServers = wanted });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        var request = await made.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Proved", "SignedInSession"), (request.GetProperty("status").GetString(), request.GetProperty("proof").GetString()));

        await EventuallyAsync(() => product.Registry.GetNameServersAsync(name), ns => ns.Order().SequenceEqual(wanted), Patience);
        var told = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("DNS-серверы"), Patience);
        Assert.Contains(name, told.Subject);
        Assert.Contains(wanted[1], told.Text);
    }

    [Fact]
    public async Task A_kz_registrant_contact_change_from_a_signed_in_session_reaches_the_registry_contact_at_once_and_is_told_KZ_2_3()
    {
        var customer = "ctc-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        var registrationId = await RegisteredAsync(storefront, customer, name);
        var requests = $"api/registrations/{registrationId}/requests";
        var handle = (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("registrant").GetString()!;
        var before = (await product.Registry.GetContactAsync(handle))!.Value.GetRawText();
        var address = new { country = "UZ", postalCode = "100000", region = "Ташкент", city = "Ташкент", street = "Навои", building = "5" };
        using var browser = product.Anonymous();
        Assert.Equal("KZ", await PublishedCountryAsync(browser, name));

        var refused = await AssertProblemAsync(await storefront.PostAsJsonAsync(requests,
            new { kind = "registrant-contact-change", signedInSession = true, contact = new { address, email = "moved@", phone = "8 701 000 0000" } }), 400);
        Assert.Equal(["contact.email", "contact.phone"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(before, (await product.Registry.GetContactAsync(handle))!.Value.GetRawText());

        var made = await storefront.PostAsJsonAsync(requests,
            new { kind = "registrant-contact-change", signedInSession = true, contact = new { address, email = $"{customer}-moved@mail.example.org", phone = "+7.7172123456" } });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());

        var details = (await EventuallyAsync(() => product.Registry.GetContactAsync(handle),
            c => c!.Value.GetProperty("details").GetProperty("email").GetString() == $"{customer}-moved@mail.example.org", Patience))!.Value.GetProperty("details");
        var postal = details.GetProperty("postalInfos")[0];
        Assert.Equal(("Ташкент", "+7.7172123456"), (postal.GetProperty("city").GetString(), details.GetProperty("voice").GetString()));
        Assert.False(string.IsNullOrEmpty(postal.GetProperty("name").GetString()));
        var told = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("Контактные данные"), Patience);
        Assert.Contains(name, told.Subject);
        // KZ-App-10.3: the public answer shows the registrant's country as the registration holds it now, not as ordered.
        Assert.Equal("UZ", await EventuallyAsync(() => PublishedCountryAsync(browser, name), c => c == "UZ", Patience));
    }

    private static async Task<string?> PublishedCountryAsync(HttpClient browser, string name)
    {
        var answer = await browser.GetFromJsonAsync<JsonElement>($"api/rdap/domain/{name}");
        var registrant = answer.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("roles")[0].GetString() == "registrant");
        return registrant.GetProperty("vcardArray")[1].EnumerateArray().Single(p => p[0].GetString() == "adr")[1].GetProperty("cc").GetString();
    }

    [Fact]
    public async Task A_contact_email_change_of_a_customer_holding_a_ua_contract_waits_for_operations_consent_then_the_old_address_is_told_and_the_new_one_used_UA_4_7_KZ_2_2()
    {
        var customer = "eml-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var registrationId = await RegisteredAsync(storefront, customer, name);
        // The address is the account's (KZ-2.2): the customer's .com.ua contract asks the registrar's consent to changing it.
        var (otherRegistrationId, _, otherName) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, otherRegistrationId);
        var requests = $"api/registrations/{registrationId}/requests";
        var newAddress = $"{customer}-new@mail.example.org";

        await AssertProblemAsync(await storefront.PostAsJsonAsync(requests, new { kind = "contact-email-change", signedInSession = true, email = "not-an-address" }), 400);
        var made = await storefront.PostAsJsonAsync(requests, new { kind = "contact-email-change", signedInSession = true, email = newAddress });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        var requestId = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
        var consent = $"api/ops/requests/{requestId}/consent";
        // Operations see the address they consent to in the queue, not in a flag that would outlive its erasure (UA-Pre-6).
        var waiting = await EventuallyAsync(async () => (await operations.GetFromJsonAsync<JsonElement>("api/ops/queues"))
            .GetProperty("awaitingConsent").EnumerateArray().FirstOrDefault(r => r.GetProperty("requestId").GetString() == requestId),
            r => r.ValueKind == JsonValueKind.Object, Patience);
        Assert.Equal(newAddress, waiting.GetProperty("newContactEmail").GetString());

        await AssertProblemAsync(await operations.PostAsJsonAsync(consent, new { approved = true, reason = " " }), 400);
        var approved = await operations.PostAsJsonAsync(consent, new { approved = true, reason = "called the owner back" });
        Assert.True((int)approved.StatusCode == 200, await approved.Content.ReadAsStringAsync());
        var view = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Approved", view.GetProperty("status").GetString());
        Assert.Equal("called the owner back", view.GetProperty("consent").GetProperty("reason").GetString());
        await AssertProblemAsync(await operations.PostAsJsonAsync(consent, new { approved = false, reason = "changed my mind" }), 409);

        var told = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("Контактный e-mail"), Patience);
        Assert.Contains(newAddress, told.Text);
        // KZ-2.2: the address is the customer's account's, so later notices of every registration of the customer go to the
        // new one (here a request's confirmation link), and the old address was told once.
        foreach (var (id, domain) in new[] { (registrationId, name), (otherRegistrationId, otherName) })
        {
            var next = await storefront.PostAsJsonAsync($"api/registrations/{id}/requests",
                new { kind = "dns-change", nameServers = new[] { "ns1.example.net", "ns2.example.net" } });
            Assert.True((int)next.StatusCode == 202, await next.Content.ReadAsStringAsync());
            await product.Mail.WaitForMailAsync(newAddress, m => m.Subject.Contains(domain) && m.Text?.Contains("confirmation?token=") == true, Patience);
        }
        Assert.Single(await product.Mail.GetMessagesAsync(), m => m.IsTo($"{customer}@mail.example.org") && m.Subject.Contains("Контактный e-mail"));
    }

    [Fact]
    public async Task A_contact_email_change_whose_registration_ended_before_the_consent_cannot_be_approved_and_changes_nothing_UA_4_7()
    {
        var customer = "emx-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        var mailbox = $"{customer}@mail.example.org";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var registrationId = await RegisteredAsync(storefront, customer, name);
        var (otherRegistrationId, _, otherName) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, otherRegistrationId);
        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "contact-email-change", signedInSession = true, email = $"{customer}-new@mail.example.org" });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        var requestId = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
        await RegisteredDomains.DeletedOnRequestAsync(product, storefront, registrationId, mailbox);

        var refused = await AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/requests/{requestId}/consent",
            new { approved = true, reason = "called the owner back" }), 409);

        Assert.Contains("UA-4.7", refused.GetProperty("detail").GetString());
        // Refusing it changes nothing either, and takes it off the queue.
        var cleared = await operations.PostAsJsonAsync($"api/ops/requests/{requestId}/consent", new { approved = false, reason = "the domain is gone" });
        Assert.True((int)cleared.StatusCode == 200, await cleared.Content.ReadAsStringAsync());
        // The account still has its address: the next confirmation link of its other registration goes there.
        var next = await storefront.PostAsJsonAsync($"api/registrations/{otherRegistrationId}/requests",
            new { kind = "dns-change", nameServers = new[] { "ns1.example.net", "ns2.example.net" } });
        Assert.True((int)next.StatusCode == 202, await next.Content.ReadAsStringAsync());
        await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains(otherName) && m.Text?.Contains("confirmation?token=") == true, Patience);
    }

    [Fact]
    public async Task A_customer_whose_contracts_are_all_kz_ones_changes_the_contact_email_once_the_request_is_proved_and_the_old_address_is_told_KZ_2_2_KZ_2_6()
    {
        var customer = "ekz-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        var registrationId = await RegisteredAsync(storefront, customer, name);
        var requests = $"api/registrations/{registrationId}/requests";
        var newAddress = $"{customer}-new@mail.example.org";
        // KZ-2.2: the address the account has already, however cased, is no change to confirm.
        await AssertProblemAsync(await storefront.PostAsJsonAsync(requests,
            new { kind = "contact-email-change", signedInSession = true, email = $"{customer}@MAIL.example.org" }), 409);

        var made = await storefront.PostAsJsonAsync(requests, new { kind = "contact-email-change", signedInSession = true, email = newAddress });

        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        var requestId = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
        var told = await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", m => m.Subject.Contains("Контактный e-mail"), Patience);
        Assert.Contains(newAddress, told.Text);
        Assert.DoesNotContain("согласия", told.Text);
        // No consent is asked, so none waits and none can be given.
        await AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/requests/{requestId}/consent", new { approved = true, reason = "called the owner back" }), 409);
        Assert.DoesNotContain((await operations.GetFromJsonAsync<JsonElement>("api/ops/queues")).GetProperty("awaitingConsent").EnumerateArray(),
            r => r.GetProperty("requestId").GetString() == requestId);
        var next = await storefront.PostAsJsonAsync(requests, new { kind = "dns-change", nameServers = new[] { "ns1.example.net", "ns2.example.net" } });
        Assert.True((int)next.StatusCode == 202, await next.Content.ReadAsStringAsync());
        await product.Mail.WaitForMailAsync(newAddress, m => m.Subject.Contains(name) && m.Text?.Contains("confirmation?token=") == true, Patience);
    }

    [Fact]
    public async Task A_confirmation_link_followed_after_its_registration_ended_is_refused_unspent_and_changes_nothing_KZ_2_2_KZ_5_3()
    {
        var customer = "elk-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}-ended.kz";
        var mailbox = $"{customer}@mail.example.org";
        using var storefront = product.Storefront(customer);
        using var operations = product.Operations();
        using var browser = product.Anonymous();
        var registrationId = await RegisteredAsync(storefront, customer, name);
        var (otherRegistrationId, _, otherName) = await _registrations.PaidAsync(customer, "kz");
        await _registrations.RegisteredAsync(customer, otherRegistrationId);
        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "contact-email-change", email = $"{customer}-new@mail.example.org" });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        var changeLink = await ConfirmationTokenAsync(mailbox, except: null);
        var deletion = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests", new { kind = "early-deletion" });
        Assert.True((int)deletion.StatusCode == 202, await deletion.Content.ReadAsStringAsync());
        var deletionLink = await ConfirmationTokenAsync(mailbox, except: changeLink);
        var onPapers = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests", new { kind = "early-deletion" });
        var onPapersId = (await onPapers.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;
        Assert.Equal(200, (int)(await browser.PostAsync($"api/requests/confirmation?token={deletionLink}", null)).StatusCode);
        await EventuallyAsync(() => storefront.GetFromJsonAsync<JsonElement>("api/registrations"),
            l => l.EnumerateArray().Any(r => r.GetProperty("registrationId").GetString() == registrationId && r.GetProperty("phase").GetString() == "Deleted"),
            Patience);

        var refused = await AssertProblemAsync(await browser.PostAsync($"api/requests/confirmation?token={changeLink}", null), 409);

        Assert.Contains("Deleted", refused.GetProperty("detail").GetString());
        // RFC 9110 section 9.3.2: a HEAD answers as its GET; neither spent the link, which is refused for its ended registration again.
        using var looked = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/requests/confirmation?token={changeLink}"));
        Assert.Equal(409, (int)looked.StatusCode);
        var again = await AssertProblemAsync(await browser.PostAsync($"api/requests/confirmation?token={changeLink}", null), 409);
        Assert.Contains("Deleted", again.GetProperty("detail").GetString());
        Assert.NotEqual("/problems/link-used", again.GetProperty("type").GetString());
        var onPapersRefused = await AssertProblemAsync(await operations.PostAsJsonAsync($"api/ops/requests/{onPapersId}/proof",
            new { proof = "IdentityDocuments", reference = "passport checked at the office" }), 409);
        Assert.Contains("Deleted", onPapersRefused.GetProperty("detail").GetString());
        // The account still has its address: the next confirmation link of its other registration goes there.
        var next = await storefront.PostAsJsonAsync($"api/registrations/{otherRegistrationId}/requests",
            new { kind = "dns-change", nameServers = new[] { "ns1.example.net", "ns2.example.net" } });
        Assert.True((int)next.StatusCode == 202, await next.Content.ReadAsStringAsync());
        await product.Mail.WaitForMailAsync(mailbox, m => m.Subject.Contains(otherName) && m.Text?.Contains("confirmation?token=") == true, Patience);
    }

    [Fact]
    public async Task A_request_retried_with_its_idempotency_key_gets_the_first_answer_and_one_confirmation_mail_KZ_5_3()
    {
        var customer = "idem-" + Guid.NewGuid().ToString("N")[..8];
        var name = $"{customer}.kz";
        using var storefront = product.Storefront(customer);
        var registrationId = await RegisteredAsync(storefront, customer, name);
        var mailbox = $"{customer}@mail.example.org";

        async Task<HttpResponseMessage> AskAsync(string key, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/registrations/{registrationId}/requests") { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            return await storefront.SendAsync(request);
        }
        var first = await AskAsync("\"retry-1\"", new { kind = "transfer-code" });
        var retried = await AskAsync("retry-1", new { kind = "transfer-code" });

        Assert.True((int)first.StatusCode == 202, await first.Content.ReadAsStringAsync());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(422, (int)(await AskAsync("retry-1", new { kind = "early-deletion" })).StatusCode);
        Assert.Equal(400, (int)(await AskAsync("\"unterminated", new { kind = "transfer-code" })).StatusCode);
        await product.Mail.WaitForMailAsync(mailbox, m => m.Text?.Contains("confirmation?token=") == true, Patience);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single((await product.Mail.GetMessagesAsync()), m => m.IsTo(mailbox) && m.Text?.Contains("confirmation?token=") == true);
    }

    private async Task<string> ConfirmationTokenAsync(string mailbox, string? except)
    {
        var mail = await product.Mail.WaitForMailAsync(mailbox,
            m => m.Text?.Contains("confirmation?token=") == true && (except is null || !m.Text.Contains(except)), Patience);
        return mail.Text!.Split("confirmation?token=")[1].Split('\n')[0].Trim();
    }

    private Task<string> RegisteredAsync(HttpClient storefront, string customer, string name) =>
        RegisteredDomains.RegisteredAsync(product, storefront, customer, name);
}
