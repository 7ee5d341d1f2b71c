using System.Diagnostics;

namespace Registrar.Bench.Epp;

/// <summary>Median throughput of the rounds; CPU time per operation of this process (the client side
/// only) and of the simulator process, each the time spent over all rounds divided by their operations.</summary>
internal sealed record Figure(double OpsPerSecond, double CpuMicrosPerOp, double SimulatorCpuMicrosPerOp);

/// <summary>A baseline and a contender measured in alternating rounds, so that load from elsewhere on
/// the shared machine falls on both alike.</summary>
internal sealed record Comparison(Figure Baseline, Figure Contender)
{
    public double Ratio => Contender.OpsPerSecond / Baseline.OpsPerSecond;
}

/// <summary>Runs operations on a number of concurrent workers for a fixed time, round after round.</summary>
internal sealed class Measurement(Func<TimeSpan> simulatorCpu, TimeSpan warmUp, TimeSpan round, int rounds)
{
    public int Rounds => rounds;
    public TimeSpan Round => round;

    /// <summary><paramref name="afterRound"/>, given the round's number, runs between rounds (a third contender
    /// measured by itself), so that it too sees the load the rounds see.</summary>
    public async Task<Comparison> CompareAsync(int workers, Func<int, Task> baseline, Func<int, Task> contender,
        Func<int, Task>? afterRound = null)
    {
        await RunForAsync(workers, baseline, warmUp);
        await RunForAsync(workers, contender, warmUp);
        var baselineRounds = new Tally();
        var contenderRounds = new Tally();
        for (var i = 0; i < rounds; i++)
        {
            await MeasureRoundAsync(workers, baseline, baselineRounds);
            await MeasureRoundAsync(workers, contender, contenderRounds);
            if (afterRound is not null) await afterRound(i);
        }
        return new Comparison(baselineRounds.ToFigure(), contenderRounds.ToFigure());
    }

    private async Task MeasureRoundAsync(int workers, Func<int, Task> operation, Tally tally)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var simulator = simulatorCpu();
        var (count, seconds) = await RunForAsync(workers, operation, round);
        tally.Add(count, seconds, Environment.CpuUsage.TotalTime - cpu, simulatorCpu() - simulator);
    }

    private static async Task<(long Count, double Seconds)> RunForAsync(int workers, Func<int, Task> operation, TimeSpan duration)
    {
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < duration)
            {
                await operation(worker);
                Interlocked.Increment(ref count);
            }
        })));
        return (count, stopwatch.Elapsed.TotalSeconds);
    }

    public static double Median(IReadOnlyCollection<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class Tally
    {
        private readonly List<double> _rates = [];
        private long _count;
        private TimeSpan _cpu;
        private TimeSpan _simulatorCpu;

        public void Add(long count, double seconds, TimeSpan cpu, TimeSpan simulatorCpu)
        {
            _rates.Add(count / seconds);
            _count += count;
            _cpu += cpu;
            _simulatorCpu += simulatorCpu;
        }

        public Figure ToFigure() => new(Median(_rates), _cpu.TotalMicroseconds / _count, _simulatorCpu.TotalMicroseconds / _count);
    }
}
