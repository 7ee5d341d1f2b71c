using System.Diagnostics;
using Registrar.Core.Telemetry;

namespace Registrar.Storage.Queues;

/// <summary>The consumer span of one queue message, a child of the span that sent it (both hosts).</summary>
public static class QueueTelemetry
{
    public static Activity? StartProcessing(string queueName, string? messageId, long? deliveryCount, ActivityContext sender)
    {
        var activity = RegistrarTelemetry.Queues.StartActivity($"{queueName} process", ActivityKind.Consumer, sender);
        activity?.SetTag("messaging.system", "azure_queue_storage");
        activity?.SetTag("messaging.destination.name", queueName);
        activity?.SetTag("messaging.message.id", messageId);
        activity?.SetTag("messaging.message.delivery_count", deliveryCount);
        return activity;
    }
}
