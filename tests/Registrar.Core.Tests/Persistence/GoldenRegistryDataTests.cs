using System.Text.Json;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Persistence;

public sealed class GoldenRegistryDataTests
{
    /// <summary>Registrations and views stored before the domain's statuses and name servers were kept for the public answers
    /// (RFC 9083 sections 4.6 and 5.2) read without them: nothing is known of the name servers until the registry is read
    /// again, and the answers fall back to the phase's status meanwhile.</summary>
    [Theory]
    [InlineData("registration-state", typeof(RegistrationState))]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    public void A_document_stored_before_the_registry_data_was_published_still_reads(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-public-registry-data.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        Assert.NotNull(read);
        if (read is RegistrationState state)
        {
            Assert.Equal(["ok"], state.RegistryStatuses);
            Assert.Null(state.NameServers);
        }
        if (read is RegistrationEvent[] events)
            Assert.All(events.OfType<RegistryObserved>(), observed => Assert.Null(observed.Info.NameServers));
        if (read is RegistrationCommand[] commands)
            Assert.All(commands.OfType<RecordRegistrationView>(), r => Assert.Null(r.View.RegistryStatuses ?? r.View.NameServers));
    }
}
