using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Core.Lifecycle;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Metering;
using Registrar.Testing;

namespace Registrar.Bench;

/// <summary>The local lifecycle runtime on Azurite: events applied per second and timers fired per second
/// for N instances, storage transactions per event from the metering policy, and host memory; beside them,
/// in the same run, raw single-entity inserts per second (the least every event must pay once).</summary>
/// <remarks>Usage: <c>storage [--instances N] [--concurrency C] [--groups G] [--shards S] [--commit-delay-ms D]</c>; N defaults
/// to 100,000.</remarks>
public static class StorageBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var instances = BenchArguments.Option(args, "--instances", 100_000);
        var concurrency = BenchArguments.Option(args, "--concurrency", 64);
        var layout = new LifecycleRuntimeOptions();
        layout.InstanceGroups = BenchArguments.Option(args, "--groups", layout.InstanceGroups);
        layout.TimerShards = BenchArguments.Option(args, "--shards", layout.TimerShards);
        layout.CommitDelay = TimeSpan.FromMilliseconds(BenchArguments.Option(args, "--commit-delay-ms", (int)layout.CommitDelay.TotalMilliseconds));
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            Console.WriteLine($"Storage benchmark: {instances:N0} lifecycle instances, {concurrency} at a time, Azurite in memory, " +
                $"state cache {layout.StateCacheBytes / 1048576:N0} MiB, {layout.InstanceGroups} instance groups, {layout.TimerShards} timer shards, " +
                $"commit delay {layout.CommitDelay.TotalMilliseconds:N0} ms, {Environment.ProcessorCount} cores.");
            // A fresh emulator runs its first thousands of requests at half speed or less while V8 compiles it; a baseline taken
            // then would flatter whatever is measured after it.
            var warmUp = await RawInsertsPerSecondAsync(azurite, "warmup", Math.Min(instances, 10_000), concurrency);
            Console.WriteLine($"warm-up   raw single-entity inserts, not compared: {warmUp,10:N0} /s");
            // The machine's speed drifts over a run of minutes: the events are measured against the baseline taken just
            // before them, the timers, which fire last, against one taken just after.
            var baselineCpu = CpuShare.Start(azurite);
            var baselineBefore = await RawInsertsPerSecondAsync(azurite, "baseline", Math.Min(instances, 20_000), concurrency);
            Console.WriteLine($"baseline  raw single-entity inserts, before: {baselineBefore,10:N0} /s  = {1000 / baselineBefore:N3} ms each");
            var insertCpu = baselineCpu.PerOperation(Math.Min(instances, 20_000));
            Console.WriteLine($"          cpu per insert: host {insertCpu.Host:N3} ms, emulator {insertCpu.Emulator:N3} ms");
            var costs = await EmulatorCosts.MeasureAsync(azurite, Math.Min(instances, 24_000));
            Console.WriteLine($"emulator  a transaction costs {costs.TransactionMilliseconds:N3} ms + {costs.RowMilliseconds:N3} ms per row " +
                "(transactions of 3 and of 24 rows, 8 at a time)");

            var result = await RunLifecycleAsync(azurite, instances, concurrency, layout);
            var baselineAfter = await RawInsertsPerSecondAsync(azurite, "baselineafter", Math.Min(instances, 20_000), concurrency);
            Console.WriteLine($"baseline  raw single-entity inserts, after:  {baselineAfter,10:N0} /s");
            Print("events    applied (Start → wake-up)", result.EventsPerSecond, baselineBefore, result.EventTransactions, instances, new Goal(1.0, 2));
            PrintCpu(result.EventsCpu, insertCpu);
            // Each event writes its state, its event row and its wake-up: three rows, in the transactions the meter counted.
            var bound = costs.EventsPerSecond(3, (double)result.EventTransactions.ByKind.GetValueOrDefault("table.batch") / instances);
            Console.WriteLine($"          at that cost, 3 rows in these transactions go at most {bound:N0} /s = {bound / baselineBefore:N2}x the baseline");
            Print("timers    fired (TimerDue → 1 command)", result.TimersPerSecond, baselineAfter, result.TimerTransactions, instances, new Goal(0.6, 3));
            PrintCpu(result.TimersCpu, insertCpu);
            Console.WriteLine($"memory    managed heap {result.ManagedBytes / 1048576.0:N0} MiB, working set peak {result.PeakWorkingSet / 1048576.0:N0} MiB");
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Issue 16's goals: the rate as a share of raw inserts, and storage transactions per event.</summary>
    private sealed record Goal(double ShareOfBaseline, double Transactions);

    private static void Print(string what, double perSecond, double baseline, Requests transactions, int count, Goal goal)
    {
        var total = transactions.ByKind.Values.Sum();
        Console.WriteLine($"{what}: {perSecond,10:N0} /s  = {perSecond / baseline:N2}x the baseline   goal >= {goal.ShareOfBaseline:N1}x");
        Console.WriteLine($"          storage transactions per event {(double)total / count:N2}   goal <= {goal.Transactions}  (" +
            string.Join(", ", transactions.ByKind.Select(t => $"{t.Key} {(double)t.Value / count:N2}")) + "; by table: " +
            string.Join(", ", transactions.ByTable.Where(t => t.Value > 0).Select(t => $"{t.Key} {(double)t.Value / count:N3}")) + ")");
        Console.WriteLine($"          baseline inserts per event at this rate {baseline / perSecond:N2}");
    }

    /// <summary>The emulator serves requests on one thread: what it spends per operation against what it spends per insert
    /// bounds the ratio whenever it, not the host, is the busier of the two.</summary>
    private static void PrintCpu((double Host, double Emulator) cpu, (double Host, double Emulator) insert) =>
        Console.WriteLine($"          cpu per event: host {cpu.Host:N3} ms, emulator {cpu.Emulator:N3} ms; the emulator's one thread " +
            $"allows {insert.Emulator / cpu.Emulator:N2}x the baseline at that cost");

    private static async Task<double> RawInsertsPerSecondAsync(AzuriteFixture azurite, string tableName, int count, int concurrency)
    {
        var table = azurite.Tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        var watch = Stopwatch.StartNew();
        // A row key of its own per row, as the stores keep them: Azurite finds a row by its row key first, so one key shared
        // by every row would make each insert scan the rows before it and slow the baseline down by about three.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, ct) => await table.AddEntityAsync(new TableEntity($"p{i}", $"p{i}") { ["Document"] = "{\"stage\":\"waiting\"}" }, ct));
        return count / watch.Elapsed.TotalSeconds;
    }

    private sealed record Result(double EventsPerSecond, Requests EventTransactions, (double Host, double Emulator) EventsCpu,
        double TimersPerSecond, Requests TimerTransactions, (double Host, double Emulator) TimersCpu, long ManagedBytes, long PeakWorkingSet);

    /// <summary>What the meter counted: by kind of request, and by table with the shards' and groups' tables counted as one.</summary>
    private sealed record Requests(IReadOnlyDictionary<string, long> ByKind, IReadOnlyDictionary<string, long> ByTable)
    {
        public static Requests Of(StorageMeter meter) => new(meter.Snapshot(), meter.SnapshotByResource()
            .GroupBy(p => p.Key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').Replace("table ", "", StringComparison.Ordinal))
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));
    }

    private static async Task<Result> RunLifecycleAsync(AzuriteFixture azurite, int instances, int concurrency, LifecycleRuntimeOptions layout)
    {
        var clock = new BenchClock(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Lifecycle:TimerConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Lifecycle:InstanceGroups"] = layout.InstanceGroups.ToString(CultureInfo.InvariantCulture),
            ["Lifecycle:TimerShards"] = layout.TimerShards.ToString(CultureInfo.InvariantCulture),
            ["Lifecycle:CommitDelay"] = layout.CommitDelay.ToString("c", CultureInfo.InvariantCulture),
        }).Build();
        services.AddSingleton<TimeProvider>(clock);
        services.AddRegistrarStorage(configuration);
        services.AddLifecycleRuntime<BenchState, BenchEvent, string, BenchDecider>(configuration);
        // The sweep carries out a timer's commands in process: a handler that does nothing leaves the engine's cost alone measured.
        services.AddLifecycleCommandHandler<string, DiscardingCommandHandler>();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<LifecycleEngine<BenchState, BenchEvent, string>>();
        var sweeper = provider.GetRequiredService<LifecycleTimerSweeper<BenchState, BenchEvent, string>>();
        var meter = provider.GetRequiredService<StorageMeter>();
        var tables = provider.GetRequiredService<LifecycleTables<BenchEvent, string>>();
        await tables.EnsureCreatedAsync(default);
        await tables.Commands.Queue.CreateIfNotExistsAsync();

        meter.Reset();
        var eventsCpu = CpuShare.Start(azurite);
        var watch = Stopwatch.StartNew();
        using (ReportProgress(meter, "events"))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, instances), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
                async (i, ct) => await engine.ApplyAsync($"bench-{i:D6}", "start", new BenchEvent.Start(), ct));
        }
        var eventsPerSecond = instances / watch.Elapsed.TotalSeconds;
        var eventTransactions = Requests.Of(meter);
        var eventCpu = eventsCpu.PerOperation(instances);

        clock.Advance(BenchDecider.Wait);
        meter.Reset();
        var timersCpu = CpuShare.Start(azurite);
        watch.Restart();
        int fired;
        using (ReportProgress(meter, "timers"))
        {
            fired = await sweeper.SweepAsync(default);
            // The last fired rows' deletes may still be going out: the timers are done once they are committed.
            while (tables.TimerWrites.Waiting > 0) await Task.Delay(5);
        }
        var timersPerSecond = fired / watch.Elapsed.TotalSeconds;
        var timerTransactions = Requests.Of(meter);
        var timerCpu = timersCpu.PerOperation(fired);
        if (fired != instances) throw new InvalidOperationException($"{fired} timers fired for {instances} instances.");

        using var process = Process.GetCurrentProcess();
        return new Result(eventsPerSecond, eventTransactions, eventCpu, timersPerSecond, timerTransactions, timerCpu,
            GC.GetTotalMemory(forceFullCollection: true), process.PeakWorkingSet64);
    }

    /// <summary>Every 10 s, the decisions committed so far (one entity group transaction each) and their recent rate.</summary>
    private static Timer ReportProgress(StorageMeter meter, string phase)
    {
        long last = 0;
        return new Timer(_ =>
        {
            var batches = meter.Snapshot().GetValueOrDefault("table.batch");
            Console.WriteLine($"          … {phase}: {batches:N0} committed, {(batches - last) / 10.0:N0} /s over the last 10 s");
            last = batches;
        }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
    }


    public sealed record BenchState(bool Waiting, bool Done);

    [System.Text.Json.Serialization.JsonPolymorphic]
    [System.Text.Json.Serialization.JsonDerivedType(typeof(Start), "start")]
    [System.Text.Json.Serialization.JsonDerivedType(typeof(Wake), "wake")]
    public abstract record BenchEvent
    {
        public sealed record Start : BenchEvent;

        public sealed record Wake(DateTimeOffset DueAt) : BenchEvent;
    }

    /// <summary>Start sets a wake-up a day later; the wake-up issues one command and ends the instance.</summary>
    private sealed class BenchDecider : ILifecycleDecider<BenchState, BenchEvent, string>
    {
        public static readonly TimeSpan Wait = TimeSpan.FromDays(1);

        public BenchState InitialState(string instanceId) => new(false, false);

        public BenchEvent TimerDue(DateTimeOffset dueAt) => new BenchEvent.Wake(dueAt);

        public BenchEvent CommandFailed(string command, string reason) => throw new InvalidOperationException($"The benchmark's command {command} failed: {reason}");

        public bool StartsInstance(BenchEvent @event) => @event is BenchEvent.Start;

        public string Describe(BenchState state) => state.Done ? "done" : "waiting";

        public string CommandId(string instanceId, string command) => $"{instanceId}:{command}";

        public Decision<BenchState, string> Decide(BenchState state, BenchEvent @event, DateTimeOffset now) => @event switch
        {
            BenchEvent.Start => new(new BenchState(true, false), [], now + Wait),
            BenchEvent.Wake => new(new BenchState(false, true), ["notify"], null),
            _ => new(state, [], null),
        };

        public bool IsTerminal(BenchState state) => state.Done;

        public bool Supersedes(string later, string earlier) => false;
    }

    private sealed class DiscardingCommandHandler : ILifecycleCommandHandler<string>
    {
        public Task HandleAsync(LifecycleCommandContext context, string command, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class BenchClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
