using System.Net.Http.Json;
using static Registrar.LocalHost.Tests.TestSupport;

namespace Registrar.LocalHost.Tests;

/// <summary>A change the registry answers 1001 (pending) and decides later, through the running host and the simulator over
/// TLS: the registry's poll message with the result (RFC 5733 section 3.3) finishes it.</summary>
[Collection(ProductCollection.Name)]
public sealed class PendingRegistryActionTests(ProductFixture product)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly HostedRegistrations _registrations = new(product);

    [Fact]
    public async Task A_ua_registrant_contact_change_the_registry_reviews_is_told_once_its_panData_reports_it_approved_RFC_5733_KZ_2_3()
    {
        var customer = "pnd-" + Guid.NewGuid().ToString("N")[..8];
        var moved = $"{customer}-moved@mail.example.org";
        using var storefront = product.Storefront(customer);
        var (registrationId, _, name) = await _registrations.PaidAsync(customer, "com.ua");
        await _registrations.RegisteredAsync(customer, registrationId);
        bool IsTold(ReceivedMail m) => m.Subject.Contains(name) && m.Subject.StartsWith("Контакт", StringComparison.Ordinal);
        var handle = (await product.Registry.GetDomainAsync(name))!.Value.GetProperty("registrant").GetString()!;
        await product.Registry.SetContactUnderReviewAsync(handle, true);
        var address = new { country = "UA", postalCode = "01001", region = "Київ", city = "Київ", street = "Хрещатик", building = "1" };

        var made = await storefront.PostAsJsonAsync($"api/registrations/{registrationId}/requests",
            new { kind = "registrant-contact-change", signedInSession = true, contact = new { address, email = moved, phone = "+380.441234567" } });
        Assert.True((int)made.StatusCode == 202, await made.Content.ReadAsStringAsync());
        await EventuallyAsync(() => product.Registry.GetContactAsync(handle), c => c!.Value.GetProperty("held").GetBoolean(), Patience);
        Assert.NotEqual(moved, (await product.Registry.GetContactAsync(handle))!.Value.GetProperty("details").GetProperty("email").GetString());

        Assert.DoesNotContain(await product.Mail.GetMessagesAsync(), IsTold);

        await product.Registry.DecideContactReviewAsync(handle, approved: true);

        await product.Mail.WaitForMailAsync($"{customer}@mail.example.org", IsTold, Patience);
        Assert.Equal(moved, (await product.Registry.GetContactAsync(handle))!.Value.GetProperty("details").GetProperty("email").GetString());
    }
}
