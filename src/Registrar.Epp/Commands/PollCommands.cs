using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>A queued service message (RFC 5730 section 2.9.2.3): transfer notices, deletions …
/// <see cref="Data"/> is the message's resData (e.g. domain:trnData) for the caller to read.</summary>
public sealed record PollMessage(string Id, ulong RemainingCount, DateTimeOffset? QueuedAt, string? Text, XElement? Data);

/// <summary>poll op="req". Idempotent: the message stays queued until acknowledged.</summary>
public sealed class PollRequestCommand : EppCommand<PollMessage?>
{
    public override string Name => "poll:req";
    public override bool IsIdempotent => true;

    public override XElement BuildCommand(EppRegistryProfile profile) => new(Epp + "poll", new XAttribute("op", "req"));

    /// <summary>Null when the queue is empty (1300).</summary>
    public override PollMessage? ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        if (response.Code == EppResultCode.SuccessNoMessages) return null;
        var queue = response.MessageQueue
            ?? throw new EppProtocolException($"poll:req answered {(int)response.Code} without a <msgQ>.");
        return new PollMessage(queue.Id, queue.Count, queue.QueuedAt, queue.Message, response.ResultData?.Elements().FirstOrDefault());
    }
}

/// <summary>poll op="ack": removes the message; the answer says how many remain.</summary>
public sealed class PollAckCommand(string messageId) : EppCommand<ulong>
{
    public override string Name => "poll:ack";

    public override void Validate(EppRegistryProfile profile)
    {
        if (string.IsNullOrWhiteSpace(messageId)) throw new EppCommandValidationException("poll:ack needs a message id.");
    }

    public override XElement BuildCommand(EppRegistryProfile profile) =>
        new(Epp + "poll", new XAttribute("op", "ack"), new XAttribute("msgID", messageId));

    public override ulong ParseResult(EppResponse response, EppRegistryProfile profile) => response.MessageQueue?.Count ?? 0;
}
