using System.Net;
using Azure;
using Azure.Data.Tables;
using Registrar.Storage.Configuration;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Tables;

namespace Registrar.Storage.TestHost;

/// <summary>Carries out tiny commands by recording each in the <c>executions</c> table, keyed by command id:
/// the row is the effect, so counting rows counts effects. A redelivered command finds its row and adds
/// nothing; a charge answers with a Charged event whose id derives from the command id, so a repeat is a
/// duplicate event. Every delivery is also logged in <c>deliveries</c>, with whether the runtime called it a first attempt, so a
/// test can see that the at-least-once paths were exercised.</summary>
public sealed class RecordingCommandHandler(StorageClients clients, ILifecycleClient<TinyEvent> lifecycle)
    : ILifecycleCommandHandler<TinyCommand>
{
    private readonly TableClient _executions = clients.Table("executions");
    private readonly TableClient _deliveries = clients.Table("deliveries");
    private readonly EnsureOnce _created = new(async ct =>
    {
        await clients.Table("executions").CreateIfNotExistsAsync(ct);
        await clients.Table("deliveries").CreateIfNotExistsAsync(ct);
    });

    /// <summary>Instances whose id starts with this fail their notify on its first delivery.</summary>
    public const string FlakyNotifyPrefix = "flaky-";

    public async Task HandleAsync(LifecycleCommandContext context, TinyCommand command, CancellationToken ct)
    {
        await _created.RunAsync(ct);
        await _deliveries.AddEntityAsync(new TableEntity(TableKeys.Escape(context.InstanceId), $"{TableKeys.Escape(context.CommandId)}|{Guid.NewGuid():N}")
        {
            ["FirstAttempt"] = context.FirstAttempt,
            ["DeliveredAt"] = DateTimeOffset.UtcNow,
        }, ct);
        if (command.Kind == TinyCommand.Notify && context.InstanceId.StartsWith(FlakyNotifyPrefix, StringComparison.Ordinal)
            && await DeliveriesAsync(context, ct) == 1)
            throw new InvalidOperationException($"The first notify of {context.InstanceId} fails, as the test asked.");
        try
        {
            await _executions.AddEntityAsync(new TableEntity(TableKeys.Escape(context.InstanceId), TableKeys.Escape(context.CommandId))
            {
                ["Kind"] = command.Kind,
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Done before this delivery; carry on so a lost Charged event is still sent.
        }
        if (command.Kind == TinyCommand.Charge)
            await lifecycle.SendAsync(context.InstanceId, context.CommandId + "|charged", new Charged(), ct);
    }

    private async Task<int> DeliveriesAsync(LifecycleCommandContext context, CancellationToken ct)
    {
        var prefix = TableKeys.Escape(context.CommandId) + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(context.InstanceId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        return await _deliveries.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct).CountAsync(ct);
    }
}
