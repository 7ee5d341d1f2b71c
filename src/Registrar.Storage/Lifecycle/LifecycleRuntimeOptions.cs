using Registrar.Storage.Queues;

namespace Registrar.Storage.Lifecycle;

/// <summary>Bound from the <c>Lifecycle</c> configuration section.</summary>
public sealed class LifecycleRuntimeOptions
{
    public const string SectionName = "Lifecycle";

    /// <summary>Prefix of the runtime's tables and queues (lowercase letters and digits).</summary>
    public string Name { get; set; } = "lifecycle";

    /// <summary>Partitions the timers are spread over, each in a table of its own. One takes about 2,000 row writes a second:
    /// far more than one host decides. A new wake-up goes to the shard of the round it is written in, whatever its instance
    /// (<see cref="LifecycleTimerWriter.PlaceAsync"/>), so more shards do not split the decisions' transactions. A sweep reads
    /// each shard once, and again only a shard with more due rows than a page or one a wake-up due by then was written to;
    /// a caller waiting for the runtime to settle reads each. In Azurite a fired row's delete walks every row of its table,
    /// so smaller tables fire faster (issue 16, 100,000 instances on machine F: 2,000–3,100 timers a second with 8, 2,000–2,400
    /// with 4, 2,300–2,500 with 16; the year benchmark the same with 4 or 8). A start with a lower count than the tables were written
    /// with first moves the rows of the shards above (<see cref="LifecycleTimerShards{TEvent, TCommand}"/>).</summary>
    public int TimerShards { get; set; } = 8;

    /// <summary>Partitions a new instances table spreads its instances over, each in a table of its own
    /// (<see cref="LifecycleInstanceLayout"/>). The decisions of one partition that wait at the same moment go out as one
    /// transaction, one transaction in flight per partition, so fewer partitions share more; in Azurite a merged state row
    /// walks its table's rows, so more partitions fire timers faster. At 100,000 instances on Azurite (issue 16), 8 with 4
    /// timer shards applied events at 0.77–0.92x raw inserts and fired timers at 0.60–0.63x; 4 at 0.86–0.96x and 0.43–0.54x;
    /// 16 (with 8 shards) at 0.67x and 0.78x. Each takes about 2,000 row writes a second on Azure (a decision writes two). A
    /// table keeps the count it was created with.</summary>
    public int InstanceGroups { get; set; } = 8;

    /// <summary>How long an instance partition's line that starts from idle while at least <see cref="CommitSiblings"/> other
    /// decisions are being made waits for those just behind it, so they share its transaction (<see cref="GroupCommitGathering"/>);
    /// a lone decision never waits. 0 never waits. Issue 16, 30,000 instances on Azurite: 1 ms took the instances' transactions
    /// per event from 0.37 to 0.26–0.30 (0.27 waiting whatever the siblings); the siblings counted at the table's lines instead
    /// of the engine's decisions left it at 0.36, as the decisions reach the lines one by one.</summary>
    public TimeSpan CommitDelay { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Decisions in progress besides its own (read, decided, wake-up placed, not yet committed) that a line starting
    /// from idle must see before it waits <see cref="CommitDelay"/>: what tells a busy engine from a quiet one.</summary>
    public int CommitSiblings { get; set; } = 4;

    /// <summary>How often due timers are looked for: a timer fires at most this late (plus the work ahead of it).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timer events applied at the same time by the sweep. Each mostly waits (on storage, mail, a registry), and what
    /// fires together shares group commits (timer rows, the directory, invoice numbers): 64 rather than 16 took the year
    /// from about 45 to 42.5 storage transactions per domain-year and its clock steps from 34–40 s to 28–31 s (issue 16).</summary>
    public int TimerConcurrency { get; set; } = 64;

    /// <summary>How long after a decision its commands are sent again from its event row if the engine has not
    /// confirmed sending them (a crash, an unreachable queue). Longer than a decision takes to commit and send.</summary>
    public TimeSpan DispatchGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a timer row's delete that no one waits for (a superseded wake-up, a dispatch marker) waits
    /// for its shard's next write to go out with. Far shorter than <see cref="DispatchGrace"/>, so a marker is gone
    /// before it falls due.</summary>
    public TimeSpan TimerDeleteDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>How often outbox rows a crash left behind are looked for. A row is re-dispatched when two
    /// sweeps in a row saw it (and at start, at once: the process that wrote it is gone).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How much state the engine keeps in memory after writing it (with its version and ETag), so that an
    /// instance's next event is decided without reading the state row first (a stale entry costs one failed write and a
    /// read). Each state counts as its stored JSON in UTF-16, which stands for what it holds in memory: the default keeps
    /// about 10,000 registrations, and as many more small states as fit; 0 reads every time.</summary>
    public long StateCacheBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Times an event is re-applied after losing an ETag race with another writer of the instance.</summary>
    public int MaxConflictRetries { get; set; } = 20;

    /// <summary>Batches a command worker carries out in one delivery after the one it received: those decided
    /// from its commands' outcomes (see <see cref="LifecycleFollowUps{TCommand}"/>). 0 queues every batch.</summary>
    public int FollowUpsPerDelivery { get; set; } = 8;

    /// <summary>Batches carried out at once in the background of the process whose request decided them (a payment, an
    /// operations decision); more wait for a runner in memory (<see cref="BackgroundBatchesWaiting"/>), and the rest on the
    /// command queue. 0 queues every such batch. A runner mostly waits on a registry's answer, so many cost little: with 32
    /// rather than 8, the year benchmark's batches no longer overflow to the queue (1.7 storage transactions per
    /// domain-year fewer).</summary>
    public int BackgroundBatches { get; set; } = 32;

    /// <summary>Batches that wait in memory for a background runner rather than go to the command queue (whose put, get and
    /// delete they spare: the burst benchmark's p99 fell from 8.6 to 5.1 s with 64). Off by default: a waiting batch waits
    /// behind runners that one registry's slow commands may hold, while the queue's workers would carry it out beside them.</summary>
    public int BackgroundBatchesWaiting { get; set; }

    public QueueWorkerOptions Events { get; set; } = new();

    public QueueWorkerOptions Commands { get; set; } = new();
}
