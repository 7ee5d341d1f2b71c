using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Registrar.Bench.Epp;

/// <summary>Net::EPP (Perl) against the same simulator: bench/Registrar.Bench/net-epp-check.pl, which logs
/// in, warms up, then sends domain:check on one session for one round and reports its own CPU time. Its
/// runs are spread between the client's rounds, so that load from elsewhere on the machine falls on it as
/// it falls on them.</summary>
internal sealed class NetEppRun(string root, int eppPort, TimeSpan round)
{
    private readonly List<Figure> _figures = [];
    private bool _failed;

    /// <summary>The median of the runs by throughput, or null when perl or Net::EPP is missing.</summary>
    public Figure? Median => _failed || _figures.Count == 0 ? null : _figures.OrderBy(f => f.OpsPerSecond).ElementAt(_figures.Count / 2);

    public int Runs => _figures.Count;

    public async Task RunOnceAsync()
    {
        if (_failed) return;
        var script = Path.Combine(root, "bench/Registrar.Bench/net-epp-check.pl");
        var info = new ProcessStartInfo("perl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, "127.0.0.1", eppPort.ToString(CultureInfo.InvariantCulture), "registrar1", "secret-1",
                     round.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(arg);
        ClientRuntime.Remove(info);
        try
        {
            using var perl = Process.Start(info)!;
            var output = await perl.StandardOutput.ReadToEndAsync();
            var errors = await perl.StandardError.ReadToEndAsync();
            await perl.WaitForExitAsync();
            var rate = Regex.Match(output, @"checks_per_second=([\d.]+)");
            var cpu = Regex.Match(output, @"cpu_us_per_check=([\d.]+)");
            if (perl.ExitCode == 0 && rate.Success && cpu.Success)
            {
                _figures.Add(new Figure(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
                    double.Parse(cpu.Groups[1].Value, CultureInfo.InvariantCulture), double.NaN));
                return;
            }
            Console.WriteLine($"Net::EPP run failed (exit {perl.ExitCode}): {output}{errors}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"Net::EPP not measured: perl cannot be started ({e.Message}); run scripts/setup.sh.");
        }
        _failed = true;
    }
}
