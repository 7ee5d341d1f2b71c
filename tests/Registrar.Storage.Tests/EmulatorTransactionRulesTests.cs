using Azure;
using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>On Azurite the stores meet Azure's limits on a transaction, which the emulator itself does not enforce.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmulatorTransactionRulesTests(AzuriteFixture azurite)
{
    private async Task<TableClient> TableAsync()
    {
        var table = TestStorage.Clients(azurite).Table("rules");
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task A_transaction_of_one_partition_and_100_operations_is_taken()
    {
        var table = await TableAsync();

        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))));

        Assert.Equal(100, table.Query<TableEntity>().Count());
    }

    [Fact]
    public async Task A_transaction_across_partitions_is_refused_whole_as_Azure_refuses_it()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity("q", "kept"));

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("q", "kept") { ["Changed"] = true }, ETag.All),
        ]));

        Assert.Equal(400, refused.Status);
        Assert.Null(Assert.Single(table.Query<TableEntity>()).GetBoolean("Changed"));
    }

    [Fact]
    public async Task A_transaction_of_101_operations_is_refused()
    {
        var table = await TableAsync();

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")))));

        Assert.Equal(400, refused.Status);
        Assert.Empty(table.Query<TableEntity>());
    }

    [Fact]
    public void Only_the_emulator_gets_the_policy()
    {
        Assert.True(EmulatorTransactionRulesPolicy.IsEmulator(azurite.ConnectionString));
        Assert.True(EmulatorTransactionRulesPolicy.IsEmulator("UseDevelopmentStorage=true"));
        Assert.False(EmulatorTransactionRulesPolicy.IsEmulator("DefaultEndpointsProtocol=https;AccountName=registrarprod;AccountKey=a2V5;EndpointSuffix=core.windows.net"));
        Assert.False(EmulatorTransactionRulesPolicy.IsEmulator(null));
    }
}
