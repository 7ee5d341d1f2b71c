using System.Text.Json;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Persistence;

public sealed class GoldenContactChangeTests
{
    /// <summary>KZ-2.3: contact updates queued before they carried the registrant's data read without it: carried out, a contact
    /// only the losing registrar may update is refused (2201) and goes to operations, as it did.</summary>
    [Fact]
    public void A_contact_update_stored_before_it_carried_the_registrant_still_reads_without_it_KZ_2_3()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-commands.before-adopted-contacts.json"));

        var read = JsonSerializer.Deserialize<RegistrationCommand[]>(before, StoredJson.Options);

        var update = Assert.Single(read!.OfType<UpdateRegistrantContact>());
        Assert.Equal("C-1", update.Handle);
        Assert.Null(update.Registrant);
    }
}
