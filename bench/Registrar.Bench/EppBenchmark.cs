using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Bench.Epp;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;

namespace Registrar.Bench;

/// <summary>domain:check commands/s through the client against the registry simulator, run as its own
/// process as the external check runs it, beside the ceiling on that same process (pre-built frames,
/// answers read unparsed, same TLS settings) and Net::EPP (Perl) against it; over 1 and 4 sessions.</summary>
public static class EppBenchmark
{
    private const string CheckedName = "bench-example.kz";
    private const double CeilingGoal = 0.9;
    private const double ScalingGoal = 3.0;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!args.Contains(ClientRuntime.DefaultsOption) && !ClientRuntime.IsApplied) return await ClientRuntime.RunAgainWithSettingsAsync(args);
        var root = FindRoot();
        var simulatorDll = Path.Combine(root, "tools/Registrar.RegistrySimulator/bin/Release/net10.0/Registrar.RegistrySimulator.dll");
        if (!File.Exists(simulatorDll))
        {
            Console.Error.WriteLine($"The simulator is not built at {simulatorDll}; build with -c Release.");
            return 1;
        }

        await using var simulator = await Simulator.StartAsync(simulatorDll, root);
        // Many short alternating rounds: on a shared machine load comes and goes within seconds, and should fall
        // on the ceiling and the client alike. Each warms up for 5 s first: on this machine the rates of both (and of
        // the simulator, a fresh process) climb for about that long while the JIT recompiles their hot paths.
        var measurement = new Measurement(() => simulator.CpuTime, warmUp: TimeSpan.FromSeconds(5), round: TimeSpan.FromSeconds(0.6), rounds: 15);
        // The ceiling's request is the client's own domain:check frame, with a clTRID as long as the client's.
        var login = EppFrameWriter.Command(new LoginCommand("registrar1", "secret-1", null, EppLoginTerms.AllOf(EppRegistryProfile.Ietf, "en")), EppRegistryProfile.Ietf, "BENCH-LOGIN");
        var request = EppFrameWriter.Command(new DomainCheckCommand(CheckedName), EppRegistryProfile.Ietf, new ClTridGenerator("RGR").Next());

        // The simulator admits 8 sessions of one registrar: each comparison logs in only the sessions it uses.
        var command = new DomainCheckCommand(CheckedName);
        var ceilings = new List<CeilingSession> { await CeilingSession.OpenAsync(simulator.EppPort, simulator.Thumbprint, login, request) };
        var netEppRun = new NetEppRun(root, simulator.EppPort, measurement.Round);
        Comparison one;
        await using (var client = CreateClient(simulator, sessions: 1))
            one = await measurement.CompareAsync(1, w => ceilings[w].RoundTripAsync(), _ => client.ExecuteAsync(command),
                afterRound: _ => netEppRun.RunOnceAsync());
        while (ceilings.Count < 4) ceilings.Add(await CeilingSession.OpenAsync(simulator.EppPort, simulator.Thumbprint, login, request));
        Comparison four;
        await using (var client = CreateClient(simulator, sessions: 4))
            four = await measurement.CompareAsync(4, w => ceilings[w].RoundTripAsync(), _ => client.ExecuteAsync(command));
        foreach (var ceiling in ceilings) await ceiling.DisposeAsync();
        var netEpp = netEppRun.Figure;

        Console.WriteLine($"Simulator in its own process on 127.0.0.1:{simulator.EppPort}, {ceilings[0].Protocol}; frames: request " +
                          $"{ceilings[0].RequestBytes} B, answer {ceilings[0].ResponseBytes} B (with the 4-byte header)");
        Console.WriteLine($"Client process (ceiling and Registrar.Epp): {ClientRuntime.Description}; the simulator on runtime defaults");
        Console.WriteLine($"Each figure: median of {measurement.Rounds} rounds of {measurement.Round.TotalSeconds:0.0} s, ceiling and client " +
                          $"rounds alternating (Net::EPP: {netEppRun.Runs} rounds as long, one after each 1-session pair); " +
                          "CPU per command = the client process's CPU time over its rounds / commands (Net::EPP: the perl " +
                          "process's own, over its loop; the simulator's is its process's, shown apart)");
        Console.WriteLine();
        Console.WriteLine($"{"",-44}{"cmds/s",10}{"client CPU µs/cmd",20}{"simulator CPU µs/cmd",23}");
        Print("ceiling (raw frames), 1 session", one.Baseline);
        Print("Registrar.Epp domain:check, 1 session", one.Contender);
        Print("ceiling (raw frames), 4 sessions", four.Baseline);
        Print("Registrar.Epp domain:check, 4 sessions", four.Contender);
        if (netEpp is not null) Print("Net::EPP domain:check, 1 session", netEpp);
        else Console.WriteLine("Net::EPP: not measured (see above)");
        Console.WriteLine();
        PrintRatio("client / ceiling, 1 session", one.Ratio, $"goal >= {CeilingGoal:0.0}", one.Ratio >= CeilingGoal);
        Console.WriteLine($"{"client CPU/cmd / ceiling's, 1 session",-40}{one.Contender.CpuMicrosPerOp / one.Baseline.CpuMicrosPerOp,8:0.00}x");
        PrintRatio("client / ceiling, 4 sessions", four.Ratio, "(no goal: for reference)", null);
        PrintScaling(one, four);
        if (netEpp is not null)
            Console.WriteLine($"{"client / Net::EPP, 1 session",-40}{one.Contender.OpsPerSecond / netEpp.OpsPerSecond,8:0.00}x throughput, " +
                              $"{one.Contender.CpuMicrosPerOp / netEpp.CpuMicrosPerOp:0.00}x CPU per command");
        Console.WriteLine($"Load average while measuring: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        return 0;
    }

    /// <summary>4 sessions can only reach 3x one session if the cores have room for it. Each command costs CPU
    /// in the client and in the simulator, which share the machine's cores, so the cores cap the rate at
    /// cores / (client + simulator CPU per command) whatever the number of sessions; and the ceiling's own
    /// 4-session scaling shows what is left once other load on the machine has taken its share.</summary>
    private static void PrintScaling(Comparison one, Comparison four)
    {
        var client = four.Contender.OpsPerSecond / one.Contender.OpsPerSecond;
        var ceiling = four.Baseline.OpsPerSecond / one.Baseline.OpsPerSecond;
        var coresCap = Environment.ProcessorCount * 1e6 / (four.Contender.CpuMicrosPerOp + four.Contender.SimulatorCpuMicrosPerOp);
        var coresAllow = coresCap / one.Contender.OpsPerSecond >= ScalingGoal && ceiling >= ScalingGoal;
        PrintRatio("client 4 sessions / 1 session", client, $"goal >= {ScalingGoal:0}x where the cores allow", coresAllow ? client >= ScalingGoal : null);
        PrintRatio("ceiling 4 sessions / 1 session", ceiling, "", null);
        Console.WriteLine($"  cores' cap: {Environment.ProcessorCount} cores / ({four.Contender.CpuMicrosPerOp:N1} client + " +
                          $"{four.Contender.SimulatorCpuMicrosPerOp:N1} simulator µs CPU per command) = {coresCap:N0} cmds/s, " +
                          $"{coresCap / one.Contender.OpsPerSecond:0.00}x one session; " +
                          (coresAllow ? "the goal applies" : $"with the ceiling's own scaling, {ScalingGoal:0}x is out of the cores' reach here"));
    }

    private static void Print(string label, Figure figure) =>
        Console.WriteLine($"{label,-44}{figure.OpsPerSecond,10:N0}{figure.CpuMicrosPerOp,20:N1}" +
                          (double.IsNaN(figure.SimulatorCpuMicrosPerOp) ? $"{"-",23}" : $"{figure.SimulatorCpuMicrosPerOp,23:N1}"));

    private static void PrintRatio(string label, double ratio, string goal, bool? met) =>
        Console.WriteLine($"{label,-40}{ratio,8:0.00}x  {goal}" + met switch { true => ": met", false => ": NOT met", null => "" });

    private static EppClient CreateClient(Simulator simulator, int sessions) =>
        EppClients.Create("bench", new EppRegistryOptions
        {
            Host = "127.0.0.1", Port = simulator.EppPort, TlsServerName = "localhost", ClientId = "registrar1", Password = "secret-1",
            PinnedServerThumbprints = [simulator.Thumbprint], MaxSessions = sessions,
        }, UnsharedEppSessionSlots.Instance, TimeProvider.System, NullLoggerFactory.Instance);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Registrar.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from a clone of the repository.");
    }
}
