using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Registrar.Bench.Epp;

/// <summary>Net::EPP (Perl) against the same simulator: bench/Registrar.Bench/net-epp-check.pl, which logs
/// in, warms up, then sends domain:check on one session for one round and reports its own CPU time. It runs
/// a round after each pair of the client's rounds, as long as theirs, so that load from elsewhere on the
/// machine falls on all three alike, and its figure is made as theirs: the median rate of the rounds, and
/// the CPU time over all of them divided by all their checks.</summary>
internal sealed class NetEppRun(string root, int eppPort, TimeSpan round)
{
    private readonly List<double> _rates = [];
    private long _checks;
    private double _cpuMicros;
    private bool _failed;

    /// <summary>Null when perl or Net::EPP is missing.</summary>
    public Figure? Figure => _failed || _rates.Count == 0 ? null : new Figure(Measurement.Median(_rates), _cpuMicros / _checks, double.NaN);

    public int Runs => _rates.Count;

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
            var checks = Regex.Match(output, @"checks=(\d+)");
            var cpu = Regex.Match(output, @"cpu_us=([\d.]+)");
            if (perl.ExitCode == 0 && rate.Success && checks.Success && cpu.Success)
            {
                _rates.Add(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture));
                _checks += long.Parse(checks.Groups[1].Value, CultureInfo.InvariantCulture);
                _cpuMicros += double.Parse(cpu.Groups[1].Value, CultureInfo.InvariantCulture);
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
