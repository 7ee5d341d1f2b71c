using System.Net.Http.Json;

namespace Registrar.LocalHost.Runtime;

/// <summary>Bound from "RegistrySimulator": where the registry simulator's control API listens (set by <c>scripts/run.sh</c>).</summary>
public sealed class RegistrySimulatorOptions
{
    public const string Section = "RegistrySimulator";

    public Uri? ControlUrl { get; set; }
}

/// <summary>
/// Development: keeps the registry simulator's clock on the <see cref="OperationsClock"/>. The registry decides expiry,
/// redemption and transfer periods by its own clock, so a host clock moved a year ahead alone would find the registry's
/// domains a year younger than its own records say (the probe of 2026-12-05 had to move it by hand). Pushed when operations
/// change the clock, and every second while it runs faster than real time.
/// </summary>
public sealed class SimulatorClockSync(HttpClient http, OperationsClock clock, ILogger<SimulatorClockSync> logger) : BackgroundService, IDisposable
{
    private static readonly TimeSpan AcceleratedInterval = TimeSpan.FromSeconds(1);

    // One push at a time, each reading the clock once it may send: pushes sent side by side (operations advancing the clock
    // several times at once) could arrive in another order than they read it, and the last to arrive, an older reading, would
    // leave the registry behind the host until the next change (race probe D10).
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Sets the simulator's clock to the host's; a simulator that does not answer is logged, not fatal, as the host
    /// runs without it.</summary>
    public async Task PushAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            using var response = await http.PutAsJsonAsync("clock", new { now = clock.GetUtcNow() }, ct);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "The registry simulator's clock was not moved to the host's.");
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PushAsync(stoppingToken);
            using var timer = new PeriodicTimer(AcceleratedInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (clock.Acceleration > 1) await PushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }
}
