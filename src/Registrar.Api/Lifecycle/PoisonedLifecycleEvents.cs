using Microsoft.Extensions.Logging;
using Registrar.Core.Operations;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Queues;

namespace Registrar.Api.Lifecycle;

/// <summary>
/// Nothing is lost: an event whose deliveries all failed (a payment's, say, while the lifecycle's storage was out of reach)
/// is put before operations once and sent back to its queue, to be delivered again after <see cref="RedeliverAfter"/>, and
/// again whenever it is poisoned anew, until it is applied. Its event id keeps it to one application, so a delivery that
/// did land before a failure changes nothing.
/// </summary>
public sealed class PoisonedLifecycleEvents(IReviewList review, TimeProvider clock, ILogger<PoisonedLifecycleEvents> logger)
{
    public static readonly TimeSpan RedeliverAfter = TimeSpan.FromMinutes(15);

    /// <param name="events">The queue the event failed on, where it is delivered again.</param>
    public async Task HandleAsync(LifecycleEventMessage<RegistrationEvent> poisoned, QueueSender<LifecycleEventMessage<RegistrationEvent>> events,
        CancellationToken ct)
    {
        // Flagged before it is sent again: a failure in between leaves the poisoned message to be handled again, never an
        // event that nobody is told about.
        await review.AddAsync(new ReviewItem($"event-failed:{poisoned.InstanceId}:{poisoned.EventId}", "registration", poisoned.InstanceId,
            "EventDeliveryFailed",
            $"The {poisoned.Event.GetType().Name} event {poisoned.EventId} failed every delivery; it is delivered again every "
            + $"{RedeliverAfter.TotalMinutes:N0} minutes until it is applied. The host's log says why it failed.", clock.GetUtcNow()), ct);
        await events.SendAsync(poisoned, RedeliverAfter, ct);
        logger.LogWarning("Event {EventId} for registration {RegistrationId} failed every delivery; delivered again in {Delay}",
            poisoned.EventId, poisoned.InstanceId, RedeliverAfter);
    }
}
