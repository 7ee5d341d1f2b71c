using System.Net;
using System.Net.Http.Json;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>Fault injection and the control API: what the client library's resilience tests rely on.</summary>
public sealed class FaultAndControlTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private async Task<RawEppClient> WithContactAsync()
    {
        var client = await LoginAsync();
        Assert.Equal(1000, await CodeOf(client, Frames.ContactCreate(Ietf, "owner")));
        return client;
    }

    [Fact]
    public async Task Dropping_after_execution_loses_the_answer_but_the_domain_is_created_exactly_once()
    {
        await using var client = await WithContactAsync();
        await Simulator.SetFaultsAsync(new SimulatorFaults { DropAfterExecuteRate = 1.0, Commands = ["domain:create"] });

        await client.WriteRawAsync(System.Text.Encoding.UTF8.GetBytes(Frames.DomainCreate(Ietf, "lost.kz", "owner").ToString()));
        var answer = await client.ReadAsync();

        Assert.Null(answer);
        Assert.Equal(1, await Simulator.CountAsync("domain:create"));
        Assert.NotNull(await Simulator.GetDomainAsync("lost.kz"));
    }

    [Fact]
    public async Task Dropping_before_execution_closes_the_connection_and_nothing_is_created()
    {
        await using var client = await WithContactAsync();
        await Simulator.SetFaultsAsync(new SimulatorFaults { DropBeforeExecuteRate = 1.0, Commands = ["domain:create"] });

        await client.WriteRawAsync(System.Text.Encoding.UTF8.GetBytes(Frames.DomainCreate(Ietf, "never.kz", "owner").ToString()));

        Assert.Null(await client.ReadAsync());
        Assert.Equal(0, await Simulator.CountAsync("domain:create"));
        Assert.Null(await Simulator.GetDomainAsync("never.kz"));
    }

    [Fact]
    public async Task An_injected_2400_answers_without_executing_and_leaves_other_commands_alone()
    {
        await using var client = await WithContactAsync();
        await Simulator.SetFaultsAsync(new SimulatorFaults { FailRate = 1.0, FailCode = 2400, Commands = ["domain:create"] });

        Assert.Equal(2400, await CodeOf(client, Frames.DomainCreate(Ietf, "failed.kz", "owner")));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCheck(Ietf, "failed.kz")));
        Assert.Equal(0, await Simulator.CountAsync("domain:create"));
    }

    [Fact]
    public async Task An_injected_2502_answers_and_closes_the_session()
    {
        await using var client = await WithContactAsync();
        await Simulator.SetFaultsAsync(new SimulatorFaults { FailRate = 1.0, FailCode = 2502 });

        Assert.Equal(2502, await CodeOf(client, Frames.DomainCheck(Ietf, "any.kz")));
        Assert.Null(await client.ReadAsync());
    }

    [Fact]
    public async Task A_delay_still_answers_the_command()
    {
        await using var client = await WithContactAsync();
        await Simulator.SetFaultsAsync(new SimulatorFaults { DelayMs = 50, Commands = ["domain:check"] });

        Assert.Equal(1000, await CodeOf(client, Frames.DomainCheck(Ietf, "slow.kz")));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults()
    {
        async Task<List<int>> RunAsync()
        {
            await Simulator.SetFaultsAsync(new SimulatorFaults { FailRate = 0.5, Seed = 42, Commands = ["domain:check"] });
            await using var client = await LoginAsync();
            var codes = new List<int>();
            for (var i = 0; i < 12; i++) codes.Add(await CodeOf(client, Frames.DomainCheck(Ietf, "seeded.kz")));
            return codes;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(2400, first);
        Assert.Contains(1000, first);
    }

    [Fact]
    public async Task Invalid_fault_settings_are_refused()
    {
        using var http = new HttpClient();

        var response = await http.PutAsJsonAsync(new Uri(Simulator.ControlUri, "faults"), new { failRate = 1.5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("failRate", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stats_count_each_executed_command_and_reset_clears_them_with_the_data()
    {
        await using (var client = await WithContactAsync())
        {
            await client.SendAsync(Frames.DomainCreate(Ietf, "counted.kz", "owner"));
            await client.SendAsync(Frames.DomainCheck(Ietf, "counted.kz"));
            await client.SendAsync(Frames.DomainCheck(Ietf, "counted.kz"));
        }

        var stats = await Simulator.GetStatsAsync();
        await Simulator.ResetAsync();

        Assert.Equal(1, stats.Commands["domain:create"]);
        Assert.Equal(2, stats.Commands["domain:check"]);
        Assert.Equal(1, stats.Commands["contact:create"]);
        Assert.Empty((await Simulator.GetStatsAsync()).Commands);
        Assert.Null(await Simulator.GetDomainAsync("counted.kz"));
    }

    [Fact]
    public async Task The_clock_can_be_set_and_advanced_but_not_advanced_backwards()
    {
        var target = new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);
        using var http = new HttpClient();

        var set = await Simulator.SetClockAsync(target);
        var advanced = await Simulator.AdvanceClockAsync(TimeSpan.FromDays(1));
        var backwards = await http.PostAsJsonAsync(new Uri(Simulator.ControlUri, "clock/advance"), new { by = "-1.00:00:00" });

        Assert.InRange(set, target, target.AddMinutes(1));
        Assert.InRange(advanced, target.AddDays(1), target.AddDays(1).AddMinutes(1));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Fact]
    public async Task Zone_behaviour_can_be_changed_at_run_time()
    {
        using var http = new HttpClient();
        var zone = await http.PutAsJsonAsync(new Uri(Simulator.ControlUri, "zones/test"),
            new { expiry = "DeleteAfterExpiry", graceDaysAfterExpiry = 0, redemptionDays = 0, pendingDeleteDays = 0 });
        var negative = await http.PutAsJsonAsync(new Uri(Simulator.ControlUri, "zones/test"), new { redemptionDays = -1 });
        await using var client = await WithContactAsync();
        await client.SendAsync(Frames.DomainCreate(Ietf, "short-lived.test", "owner"));
        var expiry = (await Simulator.GetDomainAsync("short-lived.test"))!.Value.GetProperty("expiresAt").GetDateTimeOffset();

        await Simulator.SetClockAsync(expiry.AddMinutes(1));

        Assert.Equal(HttpStatusCode.OK, zone.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Null(await Simulator.GetDomainAsync("short-lived.test"));
    }
}
