using Registrar.Storage.Configuration;
using Registrar.Storage.Tables;

namespace Registrar.Api.Billing;

/// <summary>
/// The instant each renewal invoice command was first carried out, kept under the command id. The invoice is dated,
/// priced and numbered in its month's series from that instant, so carrying the command out again (a redelivery, or
/// the decider's retry an hour later, even when that falls in the next month) claims the same number and finds the
/// same invoice instead of spending a second number.
/// </summary>
public sealed class RenewalIssueInstants(StorageClients clients)
{
    // The row key repeats the partition key: Azurite finds rows by row key first, so one key shared by
    // every partition would make each point read scan the whole table on the local host.

    private readonly DocumentTable _table = new(clients.Table("renewalissues"));

    /// <returns><paramref name="now"/> for the first attempt; the first attempt's instant for every later one.</returns>
    public async Task<DateTimeOffset> FixAsync(string commandId, DateTimeOffset now, CancellationToken ct)
    {
        var key = TableKeys.Escape(commandId);
        try
        {
            return (await _table.InsertAsync(key, key, new IssueInstant(now), null, ct)).Document.IssuedAt;
        }
        catch (DocumentAlreadyExistsException)
        {
            var fixedBefore = await _table.GetAsync<IssueInstant>(key, key, ct)
                ?? throw new InvalidOperationException($"The issue instant of command {commandId} vanished while being read.");
            return fixedBefore.Document.IssuedAt;
        }
    }

    private sealed record IssueInstant(DateTimeOffset IssuedAt);
}
