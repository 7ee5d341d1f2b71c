using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>What the registry tells a registrar by poll message (RFC 5730 section 2.9.2.3) and by info when it
/// changes a domain itself: auto-renewal (renData), expiry and deletion for non-renewal (infData), the end of a
/// delete answered 1001 (RFC 5731 panData), and the RFC 3915 statuses of a name in redemption. IETF-profile
/// answers are checked against the schemas by <see cref="RawEppClient"/>.</summary>
public sealed class RegistryNoticeTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Domain = Profile.Ietf.Domain;
    private static readonly XNamespace Epp = RawEppClient.Epp;

    private async Task<DateTimeOffset> ExpiryOf(string name) =>
        (await Simulator.GetDomainAsync(name))!.Value.GetProperty("expiresAt").GetDateTimeOffset();

    private async Task<RawEppClient> WithDomainAsync(string name)
    {
        var client = await LoginAsync();
        Assert.Equal(1000, await CodeOf(client, Frames.ContactCreate(Ietf, "owner")));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCreate(Ietf, name, "owner")));
        return client;
    }

    /// <summary>Every queued message, oldest first, each acknowledged after it was read.</summary>
    private static async Task<List<XDocument>> DrainAsync(RawEppClient client)
    {
        var messages = new List<XDocument>();
        while (true)
        {
            var answer = await client.SendAsync(Frames.PollRequest());
            if (RawEppClient.Code(answer) == 1300) return messages;
            Assert.Equal(1301, RawEppClient.Code(answer));
            messages.Add(answer);
            var id = (string)answer.Root!.Descendants(Epp + "msgQ").Single().Attribute("id")!;
            Assert.Equal(1000, await CodeOf(client, Frames.PollAck(id)));
        }
    }

    private static string Text(XDocument message) => message.Root!.Descendants(Epp + "msgQ").Single().Element(Epp + "msg")!.Value;

    private static XElement? Data(XDocument message) =>
        message.Root!.Element(Epp + "response")!.Element(Epp + "resData")?.Elements().Single();

    private static IEnumerable<string> Statuses(XElement data) => data.Elements(Domain + "status").Select(s => (string)s.Attribute("s")!);

    [Fact]
    public async Task An_automatic_renewal_is_told_with_renData_naming_the_new_expiry()
    {
        await using var client = await WithDomainAsync("auto.example");
        var expiry = await ExpiryOf("auto.example");

        await Simulator.SetClockAsync(expiry.AddHours(1));
        var messages = await DrainAsync(client);

        var renewal = Data(Assert.Single(messages))!;
        Assert.Equal(Domain + "renData", renewal.Name);
        Assert.Equal("auto.example", renewal.Element(Domain + "name")!.Value);
        // The wire carries milliseconds.
        Assert.Equal(expiry.AddYears(1), DateTimeOffset.Parse(renewal.Element(Domain + "exDate")!.Value), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task An_unpaid_ua_name_is_told_expired_and_held_then_deleted_into_redemption_UA_1_10_UA_1_12()
    {
        await using var client = await WithDomainAsync("lapse.com.ua");
        var expiry = await ExpiryOf("lapse.com.ua");

        await Simulator.SetClockAsync(expiry.AddDays(28.5));
        var messages = await DrainAsync(client);

        Assert.Equal(2, messages.Count);
        var (expired, deleted) = (Data(messages[0])!, Data(messages[1])!);
        Assert.Equal((Domain + "infData", "lapse.com.ua"), (expired.Name, expired.Element(Domain + "name")!.Value));
        Assert.Contains("serverHold", Statuses(expired));
        Assert.Equal(Domain + "infData", deleted.Name);
        Assert.Contains("pendingDelete", Statuses(deleted));
        Assert.Contains("can be restored until", Text(messages[1]));
    }

    [Fact]
    public async Task A_kz_name_purged_at_expiry_is_told_by_a_message_naming_it_KZ_2_8()
    {
        await using var client = await WithDomainAsync("purged.kz");
        var expiry = await ExpiryOf("purged.kz");

        await Simulator.SetClockAsync(expiry.AddMinutes(1));
        var messages = await DrainAsync(client);

        Assert.Contains(messages, m => Text(m).Contains("purged.kz was deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_deleted_into_redemption_shows_pendingDelete_and_its_rgpStatus_in_info_RFC_3915()
    {
        await using var client = await WithDomainAsync("redeem.example");
        Assert.Equal(1001, await CodeOf(client, Frames.DomainDelete(Ietf, "redeem.example")));

        var info = await client.SendAsync(Frames.DomainInfo(Ietf, "redeem.example"));

        Assert.Contains("pendingDelete", Statuses(RawEppClient.ResData(info)));
        XNamespace rgp = Ietf.Rgp;
        Assert.Equal("redemptionPeriod", (string)info.Root!.Descendants(rgp + "rgpStatus").Single().Attribute("s")!);
    }

    [Fact]
    public async Task A_delete_answered_1001_is_told_done_by_panData_naming_its_transaction_when_the_name_is_purged()
    {
        await using var client = await WithDomainAsync("purge.example");
        var delete = await client.SendAsync(Frames.DomainDelete(Ietf, "purge.example"));
        var trId = delete.Root!.Descendants(Epp + "trID").Single();

        await Simulator.AdvanceClockAsync(TimeSpan.FromDays(30 + 5 + 0.1));
        var messages = await DrainAsync(client);

        Assert.Equal(1001, RawEppClient.Code(delete));
        var done = Data(Assert.Single(messages))!;
        Assert.Equal(Domain + "panData", done.Name);
        Assert.Equal("1", (string)done.Element(Domain + "name")!.Attribute("paResult")!);
        var paTrId = done.Element(Domain + "paTRID")!;
        Assert.Equal(trId.Element(Epp + "clTRID")!.Value, paTrId.Element(Epp + "clTRID")!.Value);
        Assert.Equal(trId.Element(Epp + "svTRID")!.Value, paTrId.Element(Epp + "svTRID")!.Value);
    }

    [Fact]
    public async Task A_restore_cancels_the_pending_delete_and_panData_says_it_will_not_happen()
    {
        await using var client = await WithDomainAsync("undo.example");
        await client.SendAsync(Frames.DomainDelete(Ietf, "undo.example"));

        Assert.Equal(1000, await CodeOf(client, Frames.Restore(Ietf, "undo.example")));
        Assert.Equal(1000, await CodeOf(client, Frames.Restore(Ietf, "undo.example", "report")));
        var messages = await DrainAsync(client);

        var cancelled = Data(Assert.Single(messages))!;
        Assert.Equal(Domain + "panData", cancelled.Name);
        Assert.Equal("0", (string)cancelled.Element(Domain + "name")!.Attribute("paResult")!);
    }
}
