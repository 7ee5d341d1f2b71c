using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>The independent check of issue 4: Net::EPP (Debian libnet-epp-perl), a client no one on
/// this project wrote, logs in, checks, creates, infos, renews and logs out against the simulator.</summary>
public sealed class NetEppInteropTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    [Fact]
    public async Task Net_EPP_logs_in_checks_creates_infos_renews_and_logs_out()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "netepp_interop.pl");
        await using var perl = ChildProcess.Start("perl",
            [script, Simulator.EppPort.ToString(), RegistrySimulatorFixture.Registrar1, RegistrySimulatorFixture.Password1, "t1"]);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!perl.HasExited && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(200); // let the last output lines arrive
        var output = perl.Output;

        Assert.True(perl.HasExited, $"Net::EPP did not finish:\n{output}");
        Assert.Contains("GREETING Registrar registry simulator", output);
        Assert.Contains("STEP login 1000", output);
        Assert.Contains("AVAIL netepp-t1.kz 1", output);
        Assert.Contains("STEP contact-create 1000", output);
        Assert.Contains("STEP domain-create 1000", output);
        Assert.Contains("INFO npt1 ", output);
        Assert.Contains("STEP domain-renew 1000", output);
        Assert.Contains("STEP logout 1500", output);
        Assert.Contains("DONE", output);

        var stats = await Simulator.GetStatsAsync();
        foreach (var command in new[] { "login", "domain:check", "contact:create", "domain:create", "domain:info", "domain:renew", "logout" })
            Assert.Equal(1, stats.Commands.GetValueOrDefault(command));
        var domain = (await Simulator.GetDomainAsync("netepp-t1.kz"))!.Value;
        var created = domain.GetProperty("createdAt").GetDateTimeOffset();
        // Created for one year, then renewed for two: three years in all.
        Assert.Equal(created.AddYears(3), domain.GetProperty("expiresAt").GetDateTimeOffset());
    }
}
