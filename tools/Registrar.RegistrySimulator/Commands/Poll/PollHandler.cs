namespace Registrar.RegistrySimulator.Commands.Poll;

/// <summary>RFC 5730 section 2.9.2.3: req shows the oldest message (1301) or 1300 when none; ack removes one.</summary>
public sealed class PollHandler : ICommandHandler
{
    public string Name => "poll";

    public EppResponse Handle(CommandContext context)
    {
        var op = (string)context.Command.Attribute("op")!;
        if (op == "ack")
        {
            var id = (string?)context.Command.Attribute("msgID")
                ?? throw new EppCommandException(ResultCode.MissingParameter, "poll op=\"ack\" needs a msgID.");
            if (!long.TryParse(id, out var messageId) || !context.Store.AckPoll(context.ClientId, messageId))
                throw new EppCommandException(ResultCode.ObjectDoesNotExist, $"no message {id} is queued for {context.ClientId}.");
            var left = context.Store.PeekPoll(context.ClientId).Count;
            return EppResponse.Ok() with { MessageQueue = new MessageQueueState(left, messageId) };
        }

        var (first, count) = context.Store.PeekPoll(context.ClientId);
        if (first is null) return new EppResponse(ResultCode.NoMessages, ResultCode.Text(ResultCode.NoMessages));
        return new EppResponse(ResultCode.AckToDequeue, ResultCode.Text(ResultCode.AckToDequeue))
        {
            MessageQueue = new MessageQueueState(count, first.Id, first.QueuedAt, first.Text),
            ResData = first.Notice?.ResData(context.Session.Profile),
        };
    }
}
