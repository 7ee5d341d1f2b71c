using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>The audit entry of a step a retried request repeats: its row is the first attempt's, so the retry leaves it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditLogOnceTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_entry_appended_once_is_kept_once_however_often_a_retry_appends_it_and_sorts_by_its_instant()
    {
        var audit = new AuditLog<string>(TestStorage.Clients(azurite));
        var filed = new AuditEntry<string>("C1", Now, "customer", "filed", "a");
        var firstAppended = await audit.AppendOnceAsync(filed, "C1", default);
        await audit.AppendAsync(new AuditEntry<string>("C1", Now.AddHours(1), "ops", "flagged", "b"), default);

        var retryAppended = await audit.AppendOnceAsync(filed, "C1", default);
        var anotherCause = await audit.AppendOnceAsync(filed, "C2", default);

        Assert.Equal((true, false, true), (firstAppended, retryAppended, anotherCause));
        Assert.Equal(["flagged", "filed", "filed"], (await audit.ReadNewestFirstAsync("C1", 10, default).ToListAsync()).Select(e => e.Action));
    }
}
