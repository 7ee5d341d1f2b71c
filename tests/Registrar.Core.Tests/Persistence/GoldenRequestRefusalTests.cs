using System.Text.Json;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;

namespace Registrar.Core.Tests.Persistence;

public sealed class GoldenRequestRefusalTests
{
    /// <summary>Views recorded before they showed the contract's end and a dispute block read without them: the storefront then
    /// takes a request the lifecycle refuses, as it did, until the registration's next decision records its view again.</summary>
    [Fact]
    public void A_view_stored_before_it_showed_the_contract_end_dispute_block_and_suspension_still_reads_UA_6_1()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-commands.before-request-refusals.json"));

        var read = JsonSerializer.Deserialize<RegistrationCommand[]>(before, StoredJson.Options);

        var view = Assert.Single(read!.OfType<RecordRegistrationView>()).View;
        Assert.Null(view.ContractEnd);
        Assert.Null(view.DisputeBlockedSince);
        Assert.Null(view.SuspendedSince);
        Assert.Equal(["ns1.example.net"], view.NameServers);
    }

    /// <summary>KZ-App-4: views recorded before they showed a running breach notice read without it: operations then get a second
    /// notice taken and flagged by the lifecycle, as they did, until the registration's next decision records its view again.</summary>
    [Fact]
    public void A_view_stored_before_it_showed_a_running_breach_notice_still_reads_KZ_App_4()
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "registration-commands.before-breach-in-view.json"));

        var read = JsonSerializer.Deserialize<RegistrationCommand[]>(before, StoredJson.Options);

        var view = Assert.Single(read!.OfType<RecordRegistrationView>()).View;
        Assert.Null(view.BreachCureDeadline);
        Assert.NotNull(view.SuspendedSince);
    }

    [Theory]
    [InlineData("registration-commands", typeof(RegistrationCommand[]))]
    [InlineData("registration-events", typeof(RegistrationEvent[]))]
    public void Notice_facts_stored_before_refusals_were_told_read_without_a_refusal(string name, Type type)
    {
        var before = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", name + ".before-request-refusals.json"));

        var read = JsonSerializer.Deserialize(before, type, StoredJson.Options);

        var facts = read switch
        {
            RegistrationCommand[] commands => commands.OfType<SendNotice>().Select(n => n.Facts),
            RegistrationEvent[] events => events.OfType<NoticeResendRequested>().Select(r => r.Facts),
            _ => throw new InvalidOperationException(name),
        };
        Assert.NotEmpty(facts.OfType<NoticeFacts>());
        Assert.All(facts, f => Assert.Null(f?.Refusal));
    }
}
