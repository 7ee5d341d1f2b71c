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
    private static readonly RegistrantData Owner = new(RegistrantKind.NaturalPerson,
        new PostalAddress("KZ", "050000", "Алматы", "Алматы", "пр. Абая", "1"), "owner@mail.example.org", "+7.7012345678", FullName: "Иванов Иван");

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

    [Fact]
    public async Task After_a_transfer_in_the_losing_registrars_contact_is_replaced_by_ours_holding_the_registrant_with_the_new_details_KZ_2_3()
    {
        var (registration, name, theirs) = await TransferredInAsync();

        var adopted = Assert.IsType<RegistrantChanged>(await Registries.Executor.ExecuteAsync(
            new UpdateRegistrantContact($"{registration}-3", registration, "kz", name, theirs, Moved, Owner.WithContact(Moved)), default));

        Assert.NotEqual(theirs, adopted.Handle);
        Assert.Equal(adopted.Handle, (await Simulator.GetDomainAsync(name))!.Value.GetProperty("registrant").GetString());
        var info = await InfoAsync("kz", adopted.Handle, registration);
        Assert.Equal(("Иванов Иван", "moved@mail.example.org", "+7.7172123456"), (Assert.Single(info.PostalInfos).Name, info.Email, info.Voice));
    }

    [Fact]
    public async Task After_a_transfer_in_without_the_registrants_data_the_losing_registrars_contact_is_refused_2201_KZ_2_3()
    {
        var (registration, name, theirs) = await TransferredInAsync();

        var refused = Assert.IsType<RegistryRefused>(await Registries.Executor.ExecuteAsync(
            new UpdateRegistrantContact($"{registration}-3", registration, "kz", name, theirs, Moved), default));

        Assert.Equal(2201, refused.Code);
        Assert.Equal(theirs, (await Simulator.GetDomainAsync(name))!.Value.GetProperty("registrant").GetString());
    }

    /// <summary>A domain the other registrar created with a contact of its own, then transferred here with its code.</summary>
    private async Task<(string Registration, string Name, string TheirContact)> TransferredInAsync()
    {
        var (name, code, theirs) = (SimulatedRegistries.NewName("kz"), "Their-Code-" + Guid.NewGuid().ToString("N")[..6], "ot" + Guid.NewGuid().ToString("N")[..10]);
        await using var stranger = SimulatedRegistries.Stranger(Simulator);
        await stranger.ExecuteAsync(RegistryContacts.CreateCommand(theirs, Owner));
        await stranger.ExecuteAsync(new DomainCreateCommand { DomainName = name, Registrant = theirs, AuthInfoPassword = code, Period = EppPeriod.Years(1) });
        var registration = SimulatedRegistries.NewRegistrationId();
        Registries.IncomingCodes.Give(registration, code);
        Assert.IsType<RegistryPending>(await Registries.Executor.ExecuteAsync(new RequestTransferIn($"{registration}-1", registration, "kz", name, 1, "cust-1"), default));
        await stranger.ExecuteAsync(new DomainTransferCommand(name, TransferOperation.Approve));
        Assert.Equal(RegistrySimulatorFixture.Registrar1, (await Simulator.GetDomainAsync(name))!.Value.GetProperty("sponsor").GetString());
        return (registration, name, theirs);
    }

    private Task<RegistryOutcome> UpdateAsync(string registration, int n, string zone, string handle) =>
        Registries.Executor.ExecuteAsync(new UpdateRegistrantContact($"{registration}-{n}", registration, zone, "unused." + zone, handle, Moved), default);

    private async Task<ContactInfo> InfoAsync(string zone, string handle, string registration) =>
        (await Registries.ZoneRegistries.For(zone).ExecuteAsync(new ContactInfoCommand(handle), registration + "-info", default)).Value;
}
