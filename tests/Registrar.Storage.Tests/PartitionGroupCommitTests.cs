using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Registrar.Storage.Metering;
using Registrar.Storage.Tables;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>Group commit for one busy partition on Azurite (issue 16): together where it can, each caller's failure its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PartitionGroupCommitTests(AzuriteFixture azurite)
{
    private const string Partition = "directory";

    private async Task<(DocumentTable Table, StorageMeter Meter)> TableAsync()
    {
        var meter = new StorageMeter();
        var table = new DocumentTable(TestStorage.Clients(azurite, meter).Table("lookups"));
        await table.EnsureCreatedAsync(default);
        meter.Reset();
        return (table, meter);
    }

    private static TableTransactionAction Add(string rowKey) =>
        new(TableTransactionActionType.Add, new TableEntity(Partition, rowKey) { ["Value"] = rowKey });

    private static TableTransactionAction Upsert(string rowKey, string value) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, rowKey) { ["Value"] = value });

    [Fact]
    public async Task Transactions_waiting_for_the_partition_at_once_go_out_together_and_each_gets_its_own_answers()
    {
        var (table, meter) = await TableAsync();
        var group = new PartitionGroupCommit(table);

        var submitted = Enumerable.Range(0, 10)
            .Select(i => group.SubmitAsync([Add($"index|{i}"), Add($"entry|{i}")], default))
            .ToList();
        var answers = await Task.WhenAll(submitted);

        Assert.InRange(meter.Snapshot().GetValueOrDefault("table.batch"), 1, 3);
        var stored = table.Client.Query<TableEntity>().ToDictionary(row => row.RowKey);
        Assert.Equal(20, stored.Count);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(2, answers[i].Count);
            Assert.Equal(stored[$"entry|{i}"].ETag, answers[i][^1].Headers.ETag);
        }
    }

    [Fact]
    public async Task A_partition_whose_transaction_is_slow_holds_up_no_other_partition()
    {
        var held = new HoldTransactionsPolicy("held-partition");
        var table = new DocumentTable(TestStorage.Clients(azurite, null, held).Table("lines"));
        await table.EnsureCreatedAsync(default);
        var group = new PartitionGroupCommit(table);

        var slow = group.SubmitAsync([new(TableTransactionActionType.Add, new TableEntity("held-partition", "slow|1"))], default);
        await held.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var other = group.SubmitAsync([new(TableTransactionActionType.Add, new TableEntity("other-partition", "fast|1"))], default);

        await other.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(slow.IsCompleted);
        held.Release.SetResult();
        await slow.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Rows_too_large_for_one_transaction_together_are_split_into_several_and_every_caller_is_committed()
    {
        var (table, meter) = await TableAsync();
        var group = new PartitionGroupCommit(table);
        // 100 rows of 25,000 Cyrillic characters: over Azure's 4 MiB however the text is sent, under its 100 rows.
        var large = new string('Ж', 25_000);

        var submitted = Enumerable.Range(0, 100).Select(i => group.SubmitAsync(
            [new(TableTransactionActionType.Add, new TableEntity(Partition, $"entry|{i}") { ["Value"] = large })], default));
        await Task.WhenAll(submitted);

        Assert.Equal(100, table.Client.Query<TableEntity>(select: ["RowKey"]).Count());
        Assert.InRange(meter.Snapshot().GetValueOrDefault("table.batch"), 5, 100);
    }

    [Fact]
    public async Task A_transaction_whose_row_moved_since_it_was_read_fails_alone_and_those_waiting_with_it_are_committed()
    {
        var (table, _) = await TableAsync();
        var group = new PartitionGroupCommit(table);
        var read = (await table.Client.AddEntityAsync(new TableEntity(Partition, "entry|a") { ["Value"] = "first" })).Headers.ETag!.Value;
        await table.Client.UpsertEntityAsync(new TableEntity(Partition, "entry|a") { ["Value"] = "moved" }, TableUpdateMode.Replace);

        var others = Enumerable.Range(0, 3).Select(i => group.SubmitAsync([Add($"entry|{i}")], default)).ToList();
        var stale = group.SubmitAsync([Add("index|a"), new(TableTransactionActionType.UpdateReplace,
            new TableEntity(Partition, "entry|a") { ["Value"] = "stale" }, read)], default);
        others.AddRange(Enumerable.Range(3, 2).Select(i => group.SubmitAsync([Add($"entry|{i}")], default)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale);
        await Task.WhenAll(others);
        var stored = table.Client.Query<TableEntity>().ToDictionary(row => row.RowKey, row => row.GetString("Value"));
        Assert.Equal("moved", stored["entry|a"]);
        Assert.False(stored.ContainsKey("index|a"));
        Assert.Equal(6, stored.Count);
    }

    [Fact]
    public async Task A_transaction_adding_a_row_that_exists_fails_alone_as_already_there()
    {
        var (table, _) = await TableAsync();
        var group = new PartitionGroupCommit(table);
        await table.Client.AddEntityAsync(new TableEntity(Partition, "entry|a"));

        var taken = group.SubmitAsync([Add("entry|a")], default);
        var other = group.SubmitAsync([Add("entry|b")], default);

        await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => taken);
        await other;
        Assert.Equal(["entry|a", "entry|b"], table.Client.Query<TableEntity>().Select(row => row.RowKey));
    }

    [Fact]
    public async Task Two_transactions_writing_one_row_go_out_one_after_the_other_in_the_order_they_came()
    {
        var (table, meter) = await TableAsync();
        var group = new PartitionGroupCommit(table);

        await Task.WhenAll(group.SubmitAsync([Upsert("entry|a", "first")], default), group.SubmitAsync([Upsert("entry|a", "second")], default));

        Assert.Equal(2, meter.Snapshot().GetValueOrDefault("table.batch"));
        Assert.Equal("second", (await table.Client.GetEntityAsync<TableEntity>(Partition, "entry|a")).Value.GetString("Value"));
    }

    [Fact]
    public async Task Transactions_of_another_partition_wait_for_a_round_of_their_own()
    {
        var (table, _) = await TableAsync();
        var group = new PartitionGroupCommit(table);

        // Azure refuses a transaction across partitions whole (and so does the emulator's policy, EmulatorTransactionRulesPolicy).
        await Task.WhenAll(group.SubmitAsync([Add("entry|a")], default),
            group.SubmitAsync([new(TableTransactionActionType.Add, new TableEntity("elsewhere", "entry|b"))], default),
            group.SubmitAsync([Add("entry|c")], default));

        Assert.Equal(["directory/entry|a", "directory/entry|c", "elsewhere/entry|b"],
            table.Client.Query<TableEntity>().Select(row => $"{row.PartitionKey}/{row.RowKey}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_line_starting_while_other_writers_are_busy_waits_the_commit_delay_and_the_writers_behind_share_its_transaction()
    {
        var (table, meter) = await TableAsync();
        var wallTime = new FakeTimeProvider();
        var gathering = new GroupCommitGathering(TimeSpan.FromMilliseconds(1), siblings: 2, wallTime);
        var group = new PartitionGroupCommit(table, gathering);
        using var busy = gathering.Writing();
        using var alsoBusy = gathering.Writing();

        using (gathering.Writing())
        {
            var first = group.SubmitAsync([Add("entry|1")], default);
            await Task.Delay(200);
            Assert.False(first.IsCompleted);
            var second = group.SubmitAsync([Add("entry|2")], default);
            wallTime.Advance(TimeSpan.FromMilliseconds(1));
            await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(1, meter.Snapshot().GetValueOrDefault("table.batch"));
    }

    [Fact]
    public async Task A_lone_writer_commits_at_once_without_the_commit_delay()
    {
        var (table, _) = await TableAsync();
        var neverAdvanced = new FakeTimeProvider();
        var gathering = new GroupCommitGathering(TimeSpan.FromHours(1), siblings: 2, neverAdvanced);
        var group = new PartitionGroupCommit(table, gathering);
        using var other = gathering.Writing();

        using (gathering.Writing())
            await group.SubmitAsync([Add("entry|1")], default).WaitAsync(TimeSpan.FromSeconds(30));

        using var ended = gathering.Writing();
        ended.Dispose();
        ended.Dispose();
        using (gathering.Writing())
            await group.SubmitAsync([Add("entry|2")], default).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
