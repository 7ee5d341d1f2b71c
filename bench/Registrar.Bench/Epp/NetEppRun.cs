using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Registrar.Bench.Epp;

/// <summary>Net::EPP (Perl) against the same simulator: bench/Registrar.Bench/net-epp-check.pl, which logs
/// in, warms up, then sends domain:check on one session for one round and reports its own CPU time.</summary>
internal static class NetEppRun
{
    /// <summary>The median of <paramref name="rounds"/> runs, or null when perl or Net::EPP is missing.</summary>
    public static async Task<Figure?> MeasureAsync(string root, int eppPort, TimeSpan round, int rounds)
    {
        var figures = new List<Figure>();
        for (var i = 0; i < rounds; i++)
        {
            if (await RunOnceAsync(root, eppPort, round) is not { } figure) return null;
            figures.Add(figure);
        }
        return figures.OrderBy(f => f.OpsPerSecond).ElementAt(figures.Count / 2);
    }

    private static async Task<Figure?> RunOnceAsync(string root, int eppPort, TimeSpan round)
    {
        var script = Path.Combine(root, "bench/Registrar.Bench/net-epp-check.pl");
        var info = new ProcessStartInfo("perl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, "127.0.0.1", eppPort.ToString(CultureInfo.InvariantCulture), "registrar1", "secret-1",
                     round.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(arg);
        try
        {
            using var perl = Process.Start(info)!;
            var output = await perl.StandardOutput.ReadToEndAsync();
            var errors = await perl.StandardError.ReadToEndAsync();
            await perl.WaitForExitAsync();
            var rate = Regex.Match(output, @"checks_per_second=([\d.]+)");
            var cpu = Regex.Match(output, @"cpu_us_per_check=([\d.]+)");
            if (perl.ExitCode == 0 && rate.Success && cpu.Success)
                return new Figure(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
                    double.Parse(cpu.Groups[1].Value, CultureInfo.InvariantCulture), double.NaN);
            Console.WriteLine($"Net::EPP run failed (exit {perl.ExitCode}): {output}{errors}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"Net::EPP not measured: perl cannot be started ({e.Message}); run scripts/setup.sh.");
        }
        return null;
    }
}
