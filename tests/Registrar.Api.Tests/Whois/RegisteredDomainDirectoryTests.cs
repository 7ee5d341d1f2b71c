using Registrar.Core.Registrations;
using Registrar.Testing;
using static Registrar.Api.Tests.Whois.WhoisSamples;

namespace Registrar.Api.Tests.Whois;

/// <summary>Which registration holds a name, read from the registration views' lookup by name on Azurite, with its registrant:
/// the one kept since it changed, else its order's.</summary>
[Collection(WhoisStorageCollection.Name)]
public sealed class RegisteredDomainDirectoryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_registered_name_is_found_with_the_registrant_its_order_gave()
    {
        var harness = new DisclosureHarness(azurite);
        var registrationId = await harness.HoldAsync("shop.kz", "kz", Company());

        var found = await harness.Directory.FindAsync("shop.kz", default);

        Assert.Equal(registrationId, found!.Registration.RegistrationId);
        Assert.Equal(Company(), found.Registrant);
    }

    [Fact]
    public async Task A_name_whose_registrant_changed_is_found_with_the_newest_registrant_kept_not_its_orders_KZ_2_4_KZ_2_3()
    {
        var harness = new DisclosureHarness(azurite);
        var registrationId = await harness.HoldAsync("moved.kz", "kz", Company());
        var newOwner = Company() with { Organization = "ТОО \"Новый владелец\"" };
        var moved = newOwner with { Address = newOwner.Address with { Country = "UZ" } };

        await harness.Registrants.RecordAsync(registrationId, moved, 9, default);
        await harness.Registrants.RecordAsync(registrationId, newOwner, 7, default);

        Assert.Equal(moved, (await harness.Directory.FindAsync("moved.kz", default))!.Registrant);
        await harness.Registrants.EraseAsync(registrationId, default);
        Assert.Equal(Company(), (await harness.Directory.FindAsync("moved.kz", default))!.Registrant);
    }

    [Fact]
    public async Task A_registrant_given_as_a_nic_handle_is_found_without_data_UA_1_13()
    {
        var harness = new DisclosureHarness(azurite);
        await harness.HoldAsync("shop.kz", "kz", registrant: null);

        var found = await harness.Directory.FindAsync("shop.kz", default);

        Assert.NotNull(found);
        Assert.Null(found.Registrant);
    }

    [Fact]
    public async Task A_name_only_ordered_or_held_by_nobody_here_is_not_found()
    {
        var harness = new DisclosureHarness(azurite);
        await harness.HoldAsync("ordered.kz", "kz", Company(), RegistrationPhase.AwaitingPayment);

        Assert.Null(await harness.Directory.FindAsync("ordered.kz", default));
        Assert.Null(await harness.Directory.FindAsync("nobody.kz", default));
    }

    [Fact]
    public async Task A_name_deleted_and_registered_again_is_answered_for_by_its_new_registration_and_not_while_only_ordered()
    {
        var harness = new DisclosureHarness(azurite);
        await harness.HoldAsync("again.kz", "kz", Company(), RegistrationPhase.Deleted, customerId: "first-holder");
        var ordered = await harness.HoldAsync("again.kz", "kz", Company(), RegistrationPhase.AwaitingPayment, customerId: "second-holder");

        Assert.Null(await harness.Directory.FindAsync("again.kz", default));
        await harness.Views.RecordAsync(new RegistrationView(ordered, "second-holder", "again.kz", "again.kz", "kz", RegistrationPhase.Registered,
            DisclosureHarness.Start.AddYears(1)), 2, default);

        Assert.Equal(ordered, (await harness.Directory.FindAsync("again.kz", default))!.Registration.RegistrationId);
    }
}
