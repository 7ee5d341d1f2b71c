namespace Registrar.Epp.Responses;

/// <summary>A poll answer (1301) that hands over a queued message this client cannot read: its data is malformed, or the
/// frame is not valid EPP after its &lt;msgQ&gt;. RFC 5730 section 2.9.2.3 lets the client acknowledge any message by its id,
/// which the answer still gives, so the queue need not stop behind it. What else could be read comes with it.</summary>
public sealed class EppUnreadableMessageException(
    string messageId, string? queuedAt, string? text, string? dataName, EppProtocolException problem)
    : EppProtocolException($"The registry's queued message {messageId} cannot be read: {problem.Message}", problem)
{
    /// <summary>The &lt;msgQ&gt; id the message is acknowledged by.</summary>
    public string MessageId { get; } = messageId;

    /// <summary>&lt;qDate&gt; as the registry wrote it, when it could be read (it may be what is wrong).</summary>
    public string? QueuedAt { get; } = queuedAt;

    /// <summary>The message's &lt;msg&gt; text, when it could be read.</summary>
    public string? Text { get; } = text;

    /// <summary>The &lt;resData&gt; child's name as "{namespace}localName", when the message has one and it could be read.</summary>
    public string? DataName { get; } = dataName;

    /// <summary>Why the answer could not be read.</summary>
    public string Reason => InnerException!.Message;
}
