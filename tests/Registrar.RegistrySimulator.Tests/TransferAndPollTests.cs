using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

public sealed class TransferAndPollTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Domain = Profile.Ietf.Domain;
    private const string Name = "moving.kz";
    private const string AuthInfo = "transfer-me";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var owner = await LoginAsync();
        Assert.Equal(1000, await CodeOf(owner, Frames.ContactCreate(Ietf, "owner1")));
        Assert.Equal(1000, await CodeOf(owner, Frames.DomainCreate(Ietf, Name, "owner1", authInfo: AuthInfo)));
        await owner.SendAsync(Frames.Logout());
    }

    private Task<RawEppClient> GainingAsync() => LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2);

    private static string TrStatus(XDocument answer) => RawEppClient.ResData(answer).Element(Domain + "trStatus")!.Value;

    [Fact]
    public async Task A_request_needs_the_right_authInfo()
    {
        await using var gaining = await GainingAsync();

        Assert.Equal(2202, await CodeOf(gaining, Frames.DomainTransfer(Ietf, "request", Name, "wrong")));
        await gaining.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task A_query_by_a_client_not_involved_with_a_wrong_authInfo_is_invalid_authorization_information_2202_RFC5730_3()
    {
        await using var other = await GainingAsync();

        var wrong = await CodeOf(other, Frames.DomainTransfer(Ietf, "query", Name, "wrong"));
        var none = await CodeOf(other, Frames.DomainTransfer(Ietf, "query", Name));
        var right = await CodeOf(other, Frames.DomainTransfer(Ietf, "query", Name, AuthInfo));

        Assert.Equal(2202, wrong);
        Assert.Equal(2201, none);
        // Authorised by the authInfo, the query is answered: this domain has never been transferred.
        Assert.Equal(2301, right);
        await other.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task ClientTransferProhibited_is_not_added_while_a_transfer_is_pending_2304_RFC_5731_2_3()
    {
        await using var gaining = await GainingAsync();
        await using var losing = await LoginAsync();
        var locking = new XElement(Domain + "add", new XElement(Domain + "status", new XAttribute("s", "clientTransferProhibited")));
        await gaining.SendAsync(Frames.DomainTransfer(Ietf, "request", Name, AuthInfo));

        var whilePending = await losing.SendAsync(Frames.DomainUpdate(Ietf, Name, add: new XElement(locking)));
        var statuses = (await Simulator.GetDomainAsync(Name))!.Value.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()).ToList();
        await losing.SendAsync(Frames.DomainTransfer(Ietf, "reject", Name));
        var afterRejecting = await CodeOf(losing, Frames.DomainUpdate(Ietf, Name, add: new XElement(locking)));

        Assert.Equal(2304, RawEppClient.Code(whilePending));
        Assert.Equal("clientTransferProhibited", (string?)RawEppClient.ExtValue(whilePending)!.Value.Value.Attribute("s"));
        Assert.DoesNotContain("clientTransferProhibited", statuses);
        Assert.Equal(1000, afterRejecting);
    }

    [Fact]
    public async Task Request_then_approval_moves_the_domain_adds_a_year_and_tells_both_registrars()
    {
        await using var gaining = await GainingAsync();
        await using var losing = await LoginAsync();
        var before = (await Simulator.GetDomainAsync(Name))!.Value.GetProperty("expiresAt").GetDateTimeOffset();

        var requested = await gaining.SendAsync(Frames.DomainTransfer(Ietf, "request", Name, AuthInfo));
        var queried = await losing.SendAsync(Frames.DomainTransfer(Ietf, "query", Name));
        var pollLosing = await losing.SendAsync(Frames.PollRequest());
        var approved = await losing.SendAsync(Frames.DomainTransfer(Ietf, "approve", Name));

        Assert.Equal(1001, RawEppClient.Code(requested));
        Assert.Equal("pending", TrStatus(requested));
        Assert.Equal("pending", TrStatus(queried));
        Assert.Equal(1301, RawEppClient.Code(pollLosing));
        Assert.Equal("clientApproved", TrStatus(approved));
        var after = (await Simulator.GetDomainAsync(Name))!.Value;
        Assert.Equal(RegistrySimulatorFixture.Registrar2, after.GetProperty("sponsor").GetString());
        Assert.Equal(before.AddYears(1), after.GetProperty("expiresAt").GetDateTimeOffset());

        var gainingMessages = await DrainPollAsync(gaining);
        Assert.Equal(["pending", "clientApproved"], gainingMessages);
        await gaining.SendAsync(Frames.Logout());
    }

    /// <summary>RFC 5731 section 3.2.4: the requester withdraws its own pending request; the domain stays where it was,
    /// with its expiry, and both registrars are told by poll message.</summary>
    [Fact]
    public async Task The_requester_cancels_its_pending_request_and_the_sponsor_keeps_the_domain_and_both_are_told()
    {
        await using var gaining = await GainingAsync();
        await using var losing = await LoginAsync();
        var before = (await Simulator.GetDomainAsync(Name))!.Value;
        await gaining.SendAsync(Frames.DomainTransfer(Ietf, "request", Name, AuthInfo));

        var cancelled = await gaining.SendAsync(Frames.DomainTransfer(Ietf, "cancel", Name));

        Assert.Equal((1000, "clientCancelled"), (RawEppClient.Code(cancelled), TrStatus(cancelled)));
        Assert.Equal(2301, await CodeOf(gaining, Frames.DomainTransfer(Ietf, "cancel", Name)));
        var after = (await Simulator.GetDomainAsync(Name))!.Value;
        Assert.Equal(RegistrySimulatorFixture.Registrar1, after.GetProperty("sponsor").GetString());
        Assert.Equal(before.GetProperty("expiresAt").GetDateTimeOffset(), after.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(["pending", "clientCancelled"], await DrainPollAsync(gaining));
        Assert.Equal(["pending", "clientCancelled"], await DrainPollAsync(losing));
        await gaining.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task Only_the_sponsor_approves_or_rejects_and_only_the_requester_cancels()
    {
        await using var gaining = await GainingAsync();
        await using var losing = await LoginAsync();
        await gaining.SendAsync(Frames.DomainTransfer(Ietf, "request", Name, AuthInfo));

        Assert.Equal(2201, await CodeOf(gaining, Frames.DomainTransfer(Ietf, "approve", Name)));
        Assert.Equal(2201, await CodeOf(losing, Frames.DomainTransfer(Ietf, "cancel", Name)));
        Assert.Equal(2300, await CodeOf(gaining, Frames.DomainTransfer(Ietf, "request", Name, AuthInfo)));
        Assert.Equal(2304, await CodeOf(losing, Frames.DomainDelete(Ietf, Name)));
        Assert.Equal("clientRejected", TrStatus(await losing.SendAsync(Frames.DomainTransfer(Ietf, "reject", Name))));
        Assert.Equal(2301, await CodeOf(gaining, Frames.DomainTransfer(Ietf, "cancel", Name)));
        await gaining.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task The_sponsor_cannot_transfer_to_itself_and_a_transfer_lock_prohibits_requests()
    {
        await using var losing = await LoginAsync();
        await using var gaining = await GainingAsync();

        Assert.Equal(2106, await CodeOf(losing, Frames.DomainTransfer(Ietf, "request", Name, AuthInfo)));
        await Simulator.SetServerStatusesAsync(Name, add: ["serverTransferProhibited"]);
        Assert.Equal(2304, await CodeOf(gaining, Frames.DomainTransfer(Ietf, "request", Name, AuthInfo)));
        await gaining.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task A_request_nobody_answers_is_approved_by_the_registry_after_five_days()
    {
        await using var gaining = await GainingAsync();
        await gaining.SendAsync(Frames.DomainTransfer(Ietf, "request", Name, AuthInfo));

        await Simulator.AdvanceClockAsync(TimeSpan.FromDays(5.01));

        Assert.Equal("serverApproved", TrStatus(await gaining.SendAsync(Frames.DomainTransfer(Ietf, "query", Name))));
        Assert.Equal(RegistrySimulatorFixture.Registrar2, (await Simulator.GetDomainAsync(Name))!.Value.GetProperty("sponsor").GetString());
        await gaining.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task Poll_says_1300_when_empty_and_ack_of_an_unknown_message_is_2303()
    {
        await using var client = await LoginAsync();

        Assert.Equal(1300, await CodeOf(client, Frames.PollRequest()));
        Assert.Equal(2303, await CodeOf(client, Frames.PollAck("999999")));
    }

    private static async Task<List<string>> DrainPollAsync(RawEppClient client)
    {
        var statuses = new List<string>();
        while (true)
        {
            var answer = await client.SendAsync(Frames.PollRequest());
            if (RawEppClient.Code(answer) == 1300) return statuses;
            Assert.Equal(1301, RawEppClient.Code(answer));
            statuses.Add(TrStatus(answer));
            var id = (string)answer.Root!.Descendants(RawEppClient.Epp + "msgQ").Single().Attribute("id")!;
            Assert.Equal(1000, await CodeOf(client, Frames.PollAck(id)));
        }
    }
}
