using Azure.Data.Tables;
using Registrar.Storage.Metering;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class MeteringTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_storage_request_is_counted_by_its_kind()
    {
        var meter = new StorageMeter();
        var clients = TestStorage.Clients(azurite, meter);
        var table = clients.Table("metered");
        var queue = clients.Queue("metered");

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "1"));
        await table.UpsertEntityAsync(new TableEntity("p", "1") { ["X"] = 1 }, TableUpdateMode.Replace);
        await table.GetEntityAsync<TableEntity>("p", "1");
        await table.QueryAsync<TableEntity>("PartitionKey eq 'p'").ToListAsync();
        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "2"))]);
        await table.DeleteEntityAsync("p", "2");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("{}");
        var received = (await queue.ReceiveMessageAsync()).Value;
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(new Dictionary<string, long>
        {
            ["queue.create"] = 1, ["queue.delete"] = 1, ["queue.get"] = 1, ["queue.put"] = 1,
            ["table.batch"] = 1, ["table.create"] = 1, ["table.delete"] = 1, ["table.insert"] = 1,
            ["table.query"] = 1, ["table.read"] = 1, ["table.update"] = 1,
        }, meter.Snapshot());
    }

    [Fact]
    public async Task A_transaction_is_counted_against_the_table_it_writes_not_the_accounts_batch_endpoint()
    {
        var meter = new StorageMeter();
        var table = TestStorage.Clients(azurite, meter).Table("meteredbatches");
        await table.CreateIfNotExistsAsync();
        meter.Reset();

        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "1")),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "2"))]);

        Assert.Equal(new Dictionary<string, long> { [$"table {table.Name}"] = 1 }, meter.SnapshotByResource());
    }
}

public sealed class MeteredResourceTests
{
    [Theory]
    [InlineData(StorageService.Table, "127.0.0.1", "/devstoreaccount1/lifecycleinstances(PartitionKey='a',RowKey='b')", "table lifecycleinstances")]
    [InlineData(StorageService.Table, "127.0.0.1", "/devstoreaccount1/lifecycletimers()", "table lifecycletimers")]
    [InlineData(StorageService.Queue, "acct.queue.core.windows.net", "/lifecycle-commands/messages", "queue lifecycle-commands")]
    [InlineData(StorageService.Blob, "acct.blob.core.windows.net", "/bankmessages/halyk/1.xml", "blob bankmessages")]
    public void A_request_is_counted_against_the_table_queue_or_container_it_names_on_either_endpoint_style(
        StorageService service, string host, string path, string resource) =>
        Assert.Equal(resource, StorageMeteringPolicy.Resource(service, host, path));
}
