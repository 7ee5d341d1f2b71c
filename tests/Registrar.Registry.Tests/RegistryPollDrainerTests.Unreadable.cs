using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Registry;

namespace Registrar.Registry.Tests;

/// <summary>RFC 5730 section 2.9.2.3: a message the client cannot read goes on the review list, then is acknowledged by its id,
/// so the registry's queue moves on behind it and nothing is lost.</summary>
public partial class RegistryPollDrainerTests
{
    private static EppUnreadableMessageException Unreadable(string id, string? text = "Transfer requested", string reason = "<qDate> in the registry's answer is not a date: 'yesterday'.") =>
        new(id, "yesterday", text, "{urn:ietf:params:xml:ns:domain-1.0}trnData", new EppProtocolException(reason));

    [Fact]
    public async Task A_message_the_client_cannot_read_goes_on_the_review_list_with_what_was_read_and_why_then_is_acknowledged_RFC5730_2_9_2_3()
    {
        Registry("hostmaster", Unreadable("41"), new PollMessage("42", 0, null, "Registry maintenance on Sunday", null));

        var drained = await Drainer("hostmaster").DrainAllAsync(CancellationToken.None);

        Assert.Equal(2, drained["hostmaster"]);
        Assert.Equal(["review poll:hostmaster:41", "ack hostmaster:41", "review poll:hostmaster:42", "ack hostmaster:42"], _steps);
        var item = _review[0];
        Assert.Equal(("registry-message", "hostmaster", "registry-poll-unreadable", Now), (item.Kind, item.Subject, item.Reason, item.RaisedAt));
        Assert.Contains("message 41 could not be read", item.Explanation);
        Assert.Contains("not a date: 'yesterday'", item.Explanation);
        Assert.Contains("trnData", item.Explanation);
        Assert.Contains("Transfer requested", item.Explanation);
    }

    [Fact]
    public async Task An_unreadable_messages_review_item_is_bounded_so_the_queue_moves_on_RFC5730_2_9_2_3()
    {
        Registry("kaznic", Unreadable(new string('7', 5000), text: new string('x', 100_000), reason: new string('r', 100_000)));

        await Drainer("kaznic").DrainAllAsync(CancellationToken.None);

        Assert.Equal([$"review {RegistryPollDrainer.EventIdOf("kaznic", new string('7', 5000))}", $"ack kaznic:{new string('7', 5000)}"], _steps);
        Assert.InRange(Assert.Single(_review).Explanation.Length, 2 * RegistryPollDrainer.MaxTextKept, 2 * RegistryPollDrainer.MaxTextKept + 500);
    }

    [Fact]
    public async Task An_unreadable_message_whose_review_item_could_not_be_stored_stays_queued_for_the_next_run_RFC5730_2_9_2_3()
    {
        _reviewFailure = new InvalidOperationException("storage unavailable");
        Registry("kaznic", Unreadable("41"));

        var drained = await Drainer("kaznic").DrainAllAsync(CancellationToken.None);

        Assert.False(drained.ContainsKey("kaznic"));
        Assert.Empty(_steps);
    }
}
