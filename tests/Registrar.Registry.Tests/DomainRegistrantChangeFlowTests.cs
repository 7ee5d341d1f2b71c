using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Registry.Tests.Support;
using Registrar.Testing;

namespace Registrar.Registry.Tests;

/// <summary>KZ-2.4, KZ-2.5: a registrant change at the registry simulator over real TLS, on both registry profiles.</summary>
[Collection(RegistryAndStorageCollection.Name)]
public sealed class DomainRegistrantChangeFlowTests(RegistrySimulatorFixture simulator) : SimulatedRegistryTests(simulator)
{
    private static readonly RegistrantData NewOwner = new(RegistrantKind.NaturalPerson,
        new PostalAddress("KZ", "010000", "Астана", "Астана", "Кенесары", "5"), "new-owner@mail.example.org", "+7.7172123456", FullName: "Петров Пётр");

    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public async Task The_domain_gets_the_new_registrant_and_keeps_its_expiry_KZ_2_4_KZ_2_5(string zone)
    {
        var registration = SimulatedRegistries.NewRegistrationId();
        var name = SimulatedRegistries.NewName(zone);
        await Registries.RegisterAsync(registration, zone, name);
        var before = (await Simulator.GetDomainAsync(name))!.Value;

        var changed = Assert.IsType<RegistrantChanged>(await ChangeAsync(registration, 3, zone, name));
        var after = (await Simulator.GetDomainAsync(name))!.Value;

        Assert.Equal(changed.Handle, after.GetProperty("registrant").GetString());
        Assert.NotEqual(before.GetProperty("registrant").GetString(), changed.Handle);
        Assert.Equal(before.GetProperty("expiresAt").GetDateTimeOffset(), after.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("kz")]
    [InlineData("com.ua")]
    public async Task The_admin_and_tech_contacts_that_were_the_former_registrant_follow_the_new_one_KZ_2_4(string zone)
    {
        var registration = SimulatedRegistries.NewRegistrationId();
        var name = SimulatedRegistries.NewName(zone);
        await Registries.RegisterAsync(registration, zone, name);
        var former = (await Simulator.GetDomainAsync(name))!.Value.GetProperty("registrant").GetString();

        var changed = Assert.IsType<RegistrantChanged>(await ChangeAsync(registration, 3, zone, name));
        var contacts = (await Simulator.GetDomainAsync(name))!.Value.GetProperty("contacts");

        Assert.Equal([changed.Handle], contacts.GetProperty("admin").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain(former, contacts.EnumerateObject().SelectMany(role => role.Value.EnumerateArray().Select(c => c.GetString())));
    }

    [Fact]
    public async Task A_change_whose_answer_was_lost_finds_its_contact_and_ends_the_same_KZ_2_4()
    {
        var registration = SimulatedRegistries.NewRegistrationId();
        var name = SimulatedRegistries.NewName("kz");
        await Registries.RegisterAsync(registration, "kz", name);
        await Simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1, Commands = ["domain:update"] });
        Assert.IsType<OutcomeUnknown>(await ChangeAsync(registration, 3, "kz", name));
        await Simulator.ClearFaultsAsync();

        var again = Assert.IsType<RegistrantChanged>(await ChangeAsync(registration, 4, "kz", name));

        Assert.Equal(again.Handle, (await Simulator.GetDomainAsync(name))!.Value.GetProperty("registrant").GetString());
    }

    private Task<RegistryOutcome> ChangeAsync(string registration, int n, string zone, string name) =>
        Registries.Executor.ExecuteAsync(new ChangeRegistrant($"{registration}-{n}", registration, zone, name, "req-1", NewOwner), default);
}
