using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Registrar.Core.Persistence;
using Registrar.Core.Telemetry;

namespace Registrar.Storage.Queues;

/// <summary>Every queue message body: a type name and version beside the payload, so that a new
/// version can be deployed while old messages are still queued, and an unknown one goes to poison
/// instead of being misread. The W3C trace context of the sender travels beside it, so one trace
/// follows a payment across every queue hop.</summary>
public sealed record MessageEnvelope(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("body")] JsonElement Body,
    [property: JsonPropertyName("traceparent")] string? TraceParent = null,
    [property: JsonPropertyName("tracestate")] string? TraceState = null);

/// <summary>The type name and version a message class travels under.</summary>
public sealed record MessageContract<TMessage>(string Type, int Version)
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public string Serialize(TMessage message)
    {
        var (traceParent, traceState) = RegistrarTelemetry.CurrentContext();
        return JsonSerializer.Serialize(new MessageEnvelope(Type, Version, JsonSerializer.SerializeToElement(message, Json), traceParent, traceState), Json);
    }

    /// <summary>Throws <see cref="UnreadableMessageException"/> for anything that is not this type and version.</summary>
    public TMessage Deserialize(string text) => Deserialize(text, out _);

    /// <param name="sender">The trace context the sender was in; default when the message carried none.</param>
    public TMessage Deserialize(string text, out ActivityContext sender)
    {
        sender = default;
        MessageEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<MessageEnvelope>(text, Json);
        }
        catch (JsonException e)
        {
            throw new UnreadableMessageException($"The message is not a JSON envelope: {e.Message}");
        }
        if (envelope is null || envelope.Type != Type || envelope.Version != Version)
            throw new UnreadableMessageException(
                $"Expected a '{Type}' v{Version} message, got '{envelope?.Type}' v{envelope?.Version}.");
        sender = RegistrarTelemetry.ParentFrom(envelope.TraceParent, envelope.TraceState);
        try
        {
            return envelope.Body.Deserialize<TMessage>(Json)
                ?? throw new UnreadableMessageException($"The '{Type}' v{Version} message has an empty body.");
        }
        catch (JsonException e)
        {
            throw new UnreadableMessageException($"The '{Type}' v{Version} body does not fit {typeof(TMessage).Name}: {e.Message}");
        }
    }
}

/// <summary>A message no handler can read: it goes to the poison queue at once, since retrying cannot help.</summary>
public sealed class UnreadableMessageException(string message) : Exception(message);
