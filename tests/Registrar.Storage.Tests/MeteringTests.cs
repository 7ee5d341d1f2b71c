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
}
