using System.Text;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Tests;

/// <summary>How a poll op="req" answer is read (RFC 5730 section 2.9.2.3): a message comes with its &lt;msgQ&gt; id.</summary>
public class PollAnswerTests
{
    private readonly EppResponseParser _parser = new(maxFrameBytes: 1_000_000);

    private PollMessage? Read(int code, string? msgQ = null) =>
        new PollRequestCommand().ParseResult(_parser.ParseResponse(Encoding.UTF8.GetBytes(
            $"""<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="{code}"><msg>m</msg></result>{msgQ}<trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>"""),
            "RGR-1"), EppRegistryProfile.Ietf);

    [Fact]
    public void Poll_answer_1300_is_an_empty_queue_RFC5730_2_9_2_3() => Assert.Null(Read(1300));

    [Fact]
    public void Poll_answer_1000_without_msgQ_is_an_empty_queue_RFC5730_2_9_2_3() => Assert.Null(Read(1000));

    [Fact]
    public void Poll_answer_1000_with_msgQ_is_the_message_it_names_RFC5730_2_6()
    {
        var message = Read(1000, """<msgQ count="2" id="7"><msg>note</msg></msgQ>""");

        Assert.Equal(("7", 2ul, "note"), (message!.Id, message.RemainingCount, message.Text));
    }

    [Fact]
    public void Poll_answer_1000_whose_msgQ_counts_no_message_is_an_empty_queue_RFC5730_2_6() =>
        Assert.Null(Read(1000, """<msgQ count="0" id="0"/>"""));

    [Fact]
    public void Poll_answer_1301_without_msgQ_names_no_message_to_acknowledge_and_is_a_protocol_error_RFC5730_2_9_2_3()
    {
        var error = Assert.Throws<EppProtocolException>(() => Read(1301));

        Assert.Contains("msgQ", error.Message);
    }
}
