using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Lifecycle;
using Registrar.Core.Operations;
using Registrar.Core.Registrations;
using Registrar.Core.Telemetry;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;

namespace Registrar.Registry;

/// <summary>
/// Empties each registry's EPP message queue (transfer notices, deletions, renewals, pending actions' results, registry
/// notes). A message naming the domain of one of our registrations, or a pending action's result quoting the clTRID of one of
/// its commands, is raised on it as <see cref="RegistryReported"/>; any other goes
/// to the operations review list. So does a message this client cannot read (<see cref="EppUnreadableMessageException"/>),
/// with what could be read of it and why the rest could not: RFC 5730 section 2.9.2.3 lets the client acknowledge any
/// message by its id, and the queue would otherwise stop behind it for good. A message is acknowledged only after its event
/// or review item is stored, and both ignore an id they already hold, so a crash between the two repeats nothing and loses
/// nothing.
/// </summary>
public sealed class RegistryPollDrainer(
    IEppClients clients,
    IRegistrationViews registrations,
    ILifecycleEvents<RegistrationEvent> events,
    IReviewList review,
    IOptions<EppOptions> epp,
    TimeProvider clock,
    ILogger<RegistryPollDrainer> logger)
{
    /// <summary>Messages taken from one registry per run, so one busy queue cannot hold the run for long.</summary>
    public const int MaxMessagesPerRegistry = 100;

    /// <summary>How much of a message's text the event or review item keeps: RFC 5730 puts no bound on it, and one too long
    /// to store would stop its queue for good, every run failing on it before the acknowledgement.</summary>
    public const int MaxTextKept = 2000;

    private const int MaxMessageIdKept = 64;

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
        using var activity = RegistrarTelemetry.Lifecycle.StartActivity($"registry poll {client.RegistryId}", ActivityKind.Internal);
        int count = 0;
        while (count < MaxMessagesPerRegistry)
        {
            if (await TakeNextAsync(client, cancellationToken) is not { } messageId)
            {
                break;
            }

            await client.ExecuteAsync(new PollAckCommand(messageId), cancellationToken);
            count++;
        }

        activity?.SetTag("registrar.poll.messages", count);
        return count;
    }

    /// <returns>The id of the message now delivered or on the review list, to acknowledge; null when the queue is empty.</returns>
    private async Task<string?> TakeNextAsync(IEppClient client, CancellationToken cancellationToken)
    {
        PollMessage? message;
        try
        {
            message = (await client.ExecuteAsync(new PollRequestCommand(), cancellationToken)).Value;
        }
        catch (EppUnreadableMessageException unreadable)
        {
            string id = EventIdOf(client.RegistryId, unreadable.MessageId);
            await review.AddAsync(ToReviewItem(client.RegistryId, unreadable, id), cancellationToken);
            logger.LogWarning("Registry message {MessageId} could not be read; it is on the review list and is acknowledged", id);
            return unreadable.MessageId;
        }

        if (message is null)
        {
            return null;
        }

        await DeliverAsync(client, message, cancellationToken);
        return message.Id;
    }

    private async Task DeliverAsync(IEppClient client, PollMessage message, CancellationToken cancellationToken)
    {
        string eventId = EventIdOf(client.RegistryId, message.Id);
        PendingActionResult? completed = PendingActionResults.Of(message);
        IReadOnlyList<string> names = PollMessageDomains.Of(message, client.Profile.DomainNamespace);
        foreach (string name in names)
        {
            if (await registrations.FindByDomainAsync(name, cancellationToken) is { } registration)
            {
                await RaiseAsync(registration.RegistrationId, eventId, message, completed, cancellationToken);
                return;
            }
        }

        // RFC 5733 section 3.3: a contact's pending action names no domain; the clTRID it quotes names the registration that sent
        // it. One that has ended takes no more events, so operations see the message instead.
        if (completed is not null && PendingActionResults.RegistrationOf(completed) is { } sender
            && await registrations.FindAsync(sender, cancellationToken) is { } view && IRegistrationViews.IsLiveAtRegistry(view.Phase))
        {
            await RaiseAsync(sender, eventId, message, completed, cancellationToken);
            return;
        }

        await review.AddAsync(ToReviewItem(client.RegistryId, message, names.FirstOrDefault(), eventId), cancellationToken);
    }

    private async Task RaiseAsync(string registrationId, string eventId, PollMessage message, PendingActionResult? completed, CancellationToken cancellationToken)
    {
        await events.RaiseAsync(registrationId, eventId, new RegistryReported(eventId, Summary(message), completed), cancellationToken);
        logger.LogInformation("Registry message {MessageId} raised on registration {Registration}", eventId, registrationId);
    }

    private static string Summary(PollMessage message) =>
        $"{message.Data?.Name.LocalName ?? "note"}{(message.QueuedAt is { } at ? $" queued {at:u}" : "")}: {TextOf(message)}";

    private ReviewItem ToReviewItem(string registryId, PollMessage message, string? about, string id)
    {
        string kind = message.Data?.Name.LocalName ?? "note";
        string explanation = $"Registry {registryId} message {message.Id} ({kind}{(about is null ? "" : $" for {about}")}"
            + $"{(message.QueuedAt is { } at ? $", queued {at:u}" : "")}): {TextOf(message)}";
        return new ReviewItem(id, "registry-message", about ?? registryId, "registry-poll", explanation, clock.GetUtcNow());
    }

    private ReviewItem ToReviewItem(string registryId, EppUnreadableMessageException unreadable, string id)
    {
        string explanation = $"Registry {registryId} message {Bounded(unreadable.MessageId, MaxMessageIdKept)} could not be read, so it is "
            + $"acknowledged unread (RFC 5730 section 2.9.2.3): {Bounded(unreadable.Reason, MaxTextKept)} Read of it: "
            + $"{(unreadable.DataName is { } data ? $"data {Bounded(data, MaxMessageIdKept)}, " : "")}"
            + $"{(unreadable.QueuedAt is { } at ? $"queued {Bounded(at, MaxMessageIdKept)}, " : "")}"
            + $"text: {Bounded(unreadable.Text ?? "(none)", MaxTextKept)}";
        return new ReviewItem(id, "registry-message", registryId, "registry-poll-unreadable", explanation, clock.GetUtcNow());
    }

    /// <summary>The message's event and review item id. RFC 5730 bounds a message id by nothing, and the id becomes a table key
    /// (at most 1 KiB): a longer one is named by its SHA-256, the same on every run, so a redelivery is still recognised.</summary>
    public static string EventIdOf(string registryId, string messageId) =>
        $"poll:{registryId}:{(messageId.Length <= MaxMessageIdKept ? messageId : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId))))}";

    private static string TextOf(PollMessage message) => message.Text is { } text ? Bounded(text, MaxTextKept) : "(no text)";

    private static string Bounded(string text, int maxKept) =>
        text.Length > maxKept ? $"{text[..maxKept]}… ({text.Length:N0} characters in all)" : text;
}
