using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Operations;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;

namespace Registrar.Registry;

/// <summary>
/// Empties each registry's EPP message queue (transfer notices, deletions, registry notes) into the
/// operations review list. A message is acknowledged only after it is on the list, and the list
/// ignores an id it already holds, so a crash between the two repeats nothing.
/// </summary>
public sealed class RegistryPollDrainer(
    IEppClients clients,
    IReviewList review,
    IOptions<EppOptions> epp,
    TimeProvider clock,
    ILogger<RegistryPollDrainer> logger)
{
    /// <summary>Messages taken from one registry per run, so one busy queue cannot hold the run for long.</summary>
    public const int MaxMessagesPerRegistry = 100;

    /// <returns>How many messages each registry gave; a registry that failed is logged and left for the next run.</returns>
    public async Task<IReadOnlyDictionary<string, int>> DrainAllAsync(CancellationToken cancellationToken)
    {
        var drained = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (string registryId in epp.Value.Registries.Keys.Order(StringComparer.Ordinal))
        {
            try
            {
                drained[registryId] = await DrainAsync(clients.For(registryId), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Poll queue of registry {RegistryId} not drained; the next run tries again", registryId);
            }
        }

        return drained;
    }

    private async Task<int> DrainAsync(IEppClient client, CancellationToken cancellationToken)
    {
        int count = 0;
        while (count < MaxMessagesPerRegistry)
        {
            EppReply<PollMessage?> reply = await client.ExecuteAsync(new PollRequestCommand(), cancellationToken);
            if (reply.Value is not { } message)
            {
                break;
            }

            await review.AddAsync(ToReviewItem(client.RegistryId, message), cancellationToken);
            await client.ExecuteAsync(new PollAckCommand(message.Id), cancellationToken);
            count++;
        }

        return count;
    }

    private ReviewItem ToReviewItem(string registryId, PollMessage message)
    {
        string? about = message.Data?.Descendants().FirstOrDefault(e => e.Name.LocalName == "name")?.Value;
        string kind = message.Data?.Name.LocalName ?? "note";
        string explanation = $"Registry {registryId} message {message.Id} ({kind}{(about is null ? "" : $" for {about}")}"
            + $"{(message.QueuedAt is { } at ? $", queued {at:u}" : "")}): {message.Text ?? "(no text)"}";
        return new ReviewItem($"poll:{registryId}:{message.Id}", "registry-message", about ?? registryId, "registry-poll",
            explanation, clock.GetUtcNow());
    }
}
