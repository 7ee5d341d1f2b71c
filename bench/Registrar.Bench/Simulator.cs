using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Registrar.Bench;

/// <summary>The registry simulator as a child process, as RegistrySimulatorFixture starts it.</summary>
internal sealed class Simulator : IAsyncDisposable
{
    private readonly Process _process;

    private Simulator(Process process, int eppPort, string thumbprint)
    {
        _process = process;
        EppPort = eppPort;
        Thumbprint = thumbprint;
    }

    public int EppPort { get; }
    public string Thumbprint { get; }

    /// <summary>CPU time the simulator process has used so far, to show its share of each command.</summary>
    public TimeSpan CpuTime => _process.TotalProcessorTime;

    public static async Task<Simulator> StartAsync(string dll, string root)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var arg in new[] { dll, "--epp-port", "0", "--control-port", "0", "--schemas", Path.Combine(root, "tools", "epp", "xsd"), "--session-cap", "8" })
            info.ArgumentList.Add(arg);
        Epp.ClientRuntime.Remove(info);
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? thumbprint = null;
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            // The simulator makes a new self-signed certificate at each start and prints its
            // SHA-256 before it listens; the client pins exactly that one.
            var certificate = Regex.Match(line, @"TLS certificate SHA-256 ([0-9A-F]+)");
            if (certificate.Success) thumbprint = certificate.Groups[1].Value;
            var match = Regex.Match(line, @"EPP listening on 127\.0\.0\.1:(\d+)");
            if (!match.Success) continue;
            _ = process.StandardOutput.ReadToEndAsync();
            return new Simulator(process, int.Parse(match.Groups[1].Value),
                thumbprint ?? throw new InvalidOperationException("The simulator did not print its certificate thumbprint."));
        }
        throw new InvalidOperationException("The registry simulator exited before listening.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
