using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;

namespace Registrar.Registry.Tests;

/// <summary>KZ-2.3: the registrant contact's address, phone and e-mail changed at the registry simulator over real TLS, on both
/// registry profiles.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class ContactUpdateFlowTests(RegistrySimulatorFixture simulator) : SimulatedRegistryTests(simulator)
{
    private static readonly RegistrantContact Moved =
        new(new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "5", "офис 12"), "moved@mail.example.org", "+7.7172123456");

    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public async Task The_registrant_contact_gets_the_new_details_and_keeps_its_name_KZ_2_3(string zone)
    {
        var (registration, _) = await RegisteredAsync(zone);
        var handle = RegistryContacts.IdFor(registration, "registrant");

        Assert.IsType<RegistrantContactUpdated>(await UpdateAsync(registration, 3, zone, handle));

        var info = await InfoAsync(zone, handle, registration);
        var postal = Assert.Single(info.PostalInfos);
        Assert.Equal(("Иванов Иван", "Астана", "010000", "KZ"), (postal.Name, postal.City, postal.PostalCode, postal.CountryCode));
        Assert.Equal(["Кенесары 5", "офис 12"], postal.Street);
        Assert.Equal(("moved@mail.example.org", "+7.7172123456"), (info.Email, info.Voice));
    }

    [Fact]
    public async Task An_update_whose_answer_was_lost_is_unknown_and_sent_again_leaves_the_same_contact_KZ_2_3()
    {
        var (registration, _) = await RegisteredAsync("kz");
        var handle = RegistryContacts.IdFor(registration, "registrant");
        await Simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1, Commands = ["contact:update"] });
        Assert.IsType<OutcomeUnknown>(await UpdateAsync(registration, 3, "kz", handle));
        await Simulator.ClearFaultsAsync();

        Assert.IsType<RegistrantContactUpdated>(await UpdateAsync(registration, 4, "kz", handle));

        Assert.Equal("moved@mail.example.org", (await InfoAsync("kz", handle, registration)).Email);
    }

    [Fact]
    public async Task A_contact_the_registry_does_not_hold_is_refused_by_name_KZ_2_3()
    {
        var (registration, _) = await RegisteredAsync("kz");

        var refused = Assert.IsType<RegistryRefused>(await UpdateAsync(registration, 3, "kz", "RGNOSUCHCONTACT"));

        Assert.Equal(2303, refused.Code);
    }

    private Task<RegistryOutcome> UpdateAsync(string registration, int n, string zone, string handle) =>
        Registries.Executor.ExecuteAsync(new UpdateRegistrantContact($"{registration}-{n}", registration, zone, "unused." + zone, handle, Moved), default);

    private async Task<ContactInfo> InfoAsync(string zone, string handle, string registration) =>
        (await Registries.ZoneRegistries.For(zone).ExecuteAsync(new ContactInfoCommand(handle), registration + "-info", default)).Value;
}
