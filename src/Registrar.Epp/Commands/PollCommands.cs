using System.Xml.Linq;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Commands;

/// <summary>A queued service message (RFC 5730 section 2.9.2.3): transfer notices, deletions …
/// <see cref="Data"/> is the message's resData (e.g. domain:trnData) for the caller to read.</summary>
public sealed record PollMessage(string Id, ulong RemainingCount, DateTimeOffset? QueuedAt, string? Text, XElement? Data);

/// <summary>poll op="req". Idempotent: the message stays queued until acknowledged. A message this client cannot read is
/// <see cref="EppUnreadableMessageException"/>, which names its id for the acknowledgement (RFC 5730 section 2.9.2.3).</summary>
public sealed class PollRequestCommand : EppCommand<PollMessage?>
{
    public override string Name => "poll:req";
    public override bool IsIdempotent => true;

    public override XElement BuildCommand(EppRegistryProfile profile) => new(Epp + "poll", new XAttribute("op", "req"));

    /// <summary>Null when the queue is empty (see <see cref="IsEmptyQueue"/>).</summary>
    public override PollMessage? ParseResult(EppResponse response, EppRegistryProfile profile)
    {
        if (IsEmptyQueue(response)) return null;
        var queue = response.MessageQueue
            ?? throw new EppProtocolException($"poll:req answered {(int)response.Code} without a <msgQ>: it names no message to read or acknowledge.");
        return new PollMessage(queue.Id, queue.Count, queue.QueuedAt, queue.Message, response.ResultData?.Elements().FirstOrDefault());
    }

    /// <summary>RFC 5730 section 2.9.2.3 answers an empty queue with 1300, and a message always comes with a &lt;msgQ&gt;
    /// carrying the id it is acknowledged by (section 2.6). A plain 1000 without &lt;msgQ&gt; (as servers written before
    /// RFC 5730 answer an empty queue) therefore hands over no message: nothing can be read or acknowledged, and reading it
    /// as a protocol error would only fail every poll run against that registry forever. So it is an empty queue too.
    /// So is a 1000 whose &lt;msgQ&gt; counts no message (<c>count="0"</c>), as some such servers send: acknowledging the id it
    /// names would be refused on every run. A 1301 without &lt;msgQ&gt; is different: it says a message waits but not which, and
    /// stays a protocol error.</summary>
    private static bool IsEmptyQueue(EppResponse response) =>
        response.Code == EppResultCode.SuccessNoMessages
        || (response.Code == EppResultCode.Success && response.MessageQueue is null or { Count: 0 });
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
