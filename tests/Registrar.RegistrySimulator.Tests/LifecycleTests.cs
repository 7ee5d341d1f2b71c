using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>Expiry, deletion and RFC 3915 redemption, driven by the simulator's clock.</summary>
public sealed class LifecycleTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly Profile Hm = Profile.Hostmaster;

    private async Task<string> PhaseOf(string name) =>
        (await Simulator.GetDomainAsync(name))?.GetProperty("phase").GetString() ?? "deleted";

    private async Task<DateTimeOffset> ExpiryOf(string name) =>
        (await Simulator.GetDomainAsync(name))!.Value.GetProperty("expiresAt").GetDateTimeOffset();

    [Fact]
    public async Task An_unpaid_ua_domain_stays_renewable_28_days_after_expiry_then_is_deleted_UA_1_10()
    {
        await using var client = await LoginAsync(hostmaster: true);
        await client.SendAsync(Frames.ContactCreate(Hm, "ua-owner"));
        await client.SendAsync(Frames.DomainCreate(Hm, "lapsing.com.ua", "ua-owner"));
        var expiry = await ExpiryOf("lapsing.com.ua");

        await Simulator.SetClockAsync(expiry.AddDays(27));
        var during = (await Simulator.GetDomainAsync("lapsing.com.ua"))!.Value;
        await Simulator.SetClockAsync(expiry.AddDays(28.01));

        Assert.Equal("ExpiredGrace", during.GetProperty("phase").GetString());
        Assert.Contains("serverHold", during.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("RedemptionPeriod", await PhaseOf("lapsing.com.ua"));
        var check = await client.SendAsync(Frames.DomainCheck(Hm, "lapsing.com.ua"));
        Assert.Equal("0", (string)RawEppClient.ResData(check).Descendants(Hm.Domain + "name").Single().Attribute("avail")!);
    }

    [Fact]
    public async Task A_ua_domain_renewed_within_28_days_of_expiry_is_kept_UA_1_12()
    {
        await using var client = await LoginAsync(hostmaster: true);
        await client.SendAsync(Frames.ContactCreate(Hm, "ua-owner"));
        await client.SendAsync(Frames.DomainCreate(Hm, "kept.kiev.ua", "ua-owner"));
        var expiry = await ExpiryOf("kept.kiev.ua");
        await Simulator.SetClockAsync(expiry.AddDays(20));

        var renewed = await client.SendAsync(Frames.DomainRenew(Hm, "kept.kiev.ua", expiry.UtcDateTime.ToString("yyyy-MM-dd")));
        await Simulator.SetClockAsync(expiry.AddDays(40));

        Assert.Equal(1000, RawEppClient.Code(renewed));
        Assert.Equal("Active", await PhaseOf("kept.kiev.ua"));
        Assert.Equal(expiry.AddYears(1), await ExpiryOf("kept.kiev.ua"));
    }

    [Fact]
    public async Task A_restore_request_in_redemption_brings_a_ua_domain_back()
    {
        await using var client = await LoginAsync(hostmaster: true);
        await client.SendAsync(Frames.ContactCreate(Hm, "ua-owner"));
        await client.SendAsync(Frames.DomainCreate(Hm, "restored.com.ua", "ua-owner"));
        var expiry = await ExpiryOf("restored.com.ua");
        await Simulator.SetClockAsync(expiry.AddDays(35));

        var renewInRedemption = await CodeOf(client, Frames.DomainRenew(Hm, "restored.com.ua", expiry.UtcDateTime.ToString("yyyy-MM-dd")));
        var restore = await client.SendAsync(Frames.Restore(Hm, "restored.com.ua"));

        Assert.Equal(2304, renewInRedemption);
        Assert.Equal(1000, RawEppClient.Code(restore));
        Assert.Equal("Active", await PhaseOf("restored.com.ua"));
        Assert.True(await ExpiryOf("restored.com.ua") > expiry.AddDays(35));
    }

    [Fact]
    public async Task After_redemption_and_pending_delete_the_ua_name_is_free_again()
    {
        await using var client = await LoginAsync(hostmaster: true);
        await client.SendAsync(Frames.ContactCreate(Hm, "ua-owner"));
        await client.SendAsync(Frames.DomainCreate(Hm, "gone.com.ua", "ua-owner"));
        var expiry = await ExpiryOf("gone.com.ua");

        await Simulator.SetClockAsync(expiry.AddDays(28 + 30 + 1));
        var pendingDelete = await PhaseOf("gone.com.ua");
        await Simulator.AdvanceClockAsync(TimeSpan.FromDays(5));

        Assert.Equal("PendingDelete", pendingDelete);
        Assert.Equal("deleted", await PhaseOf("gone.com.ua"));
        Assert.Equal(2303, await CodeOf(client, Frames.Restore(Hm, "gone.com.ua")));
    }

    [Fact]
    public async Task An_unpaid_kz_domain_is_deleted_at_expiry_and_free_for_anyone_KZ_2_8()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "kz-owner"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "unpaid.kz", "kz-owner"));
        var expiry = await ExpiryOf("unpaid.kz");

        await Simulator.SetClockAsync(expiry.AddDays(-1));
        var dayBefore = await PhaseOf("unpaid.kz");
        await Simulator.SetClockAsync(expiry.AddMinutes(1));

        Assert.Equal("Active", dayBefore);
        Assert.Equal("deleted", await PhaseOf("unpaid.kz"));
        await using var anyone = await LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2);
        await anyone.SendAsync(Frames.ContactCreate(Ietf, "new-owner"));
        Assert.Equal(1000, await CodeOf(anyone, Frames.DomainCreate(Ietf, "unpaid.kz", "new-owner")));
        await anyone.SendAsync(Frames.Logout());
    }

    [Fact]
    public async Task A_zone_without_deletion_policy_renews_automatically_at_expiry()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "auto.example", "owner"));
        var expiry = await ExpiryOf("auto.example");

        await Simulator.SetClockAsync(expiry.AddDays(1));

        Assert.Equal("Active", await PhaseOf("auto.example"));
        Assert.Equal(expiry.AddYears(1), await ExpiryOf("auto.example"));
    }

    [Fact]
    public async Task An_IETF_restore_needs_a_request_then_a_report_RFC_3915()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "oops.example", "owner"));

        var deleted = await CodeOf(client, Frames.DomainDelete(Ietf, "oops.example"));
        var reportFirst = await CodeOf(client, Frames.Restore(Ietf, "oops.example", "report"));
        var request = await client.SendAsync(Frames.Restore(Ietf, "oops.example"));
        var report = await CodeOf(client, Frames.Restore(Ietf, "oops.example", "report"));

        Assert.Equal(1001, deleted);
        Assert.Equal(2304, reportFirst);
        Assert.Equal(1000, RawEppClient.Code(request));
        XNamespace rgp = Ietf.Rgp;
        Assert.Equal("pendingRestore", (string)request.Root!.Descendants(rgp + "rgpStatus").Single().Attribute("s")!);
        Assert.Equal(1000, report);
        Assert.Equal("Active", await PhaseOf("oops.example"));
    }

    [Fact]
    public async Task A_restore_without_a_report_in_seven_days_falls_back_to_redemption()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "late.example", "owner"));
        await client.SendAsync(Frames.DomainDelete(Ietf, "late.example"));
        await client.SendAsync(Frames.Restore(Ietf, "late.example"));

        await Simulator.AdvanceClockAsync(TimeSpan.FromDays(7.01));

        Assert.Equal("RedemptionPeriod", await PhaseOf("late.example"));
    }
}
