using System.Text;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Tests.Support;

namespace Registrar.Epp.Tests;

/// <summary>RFC 5730 section 2.9.2.3: the client may acknowledge any message by its id. A poll answer handing over a message
/// this client cannot read is refused naming that id and what else could be read, so the message can be acknowledged and
/// the registry's queue move on; an answer that hands over no message of this command's is refused as before.</summary>
public class UnreadablePollMessageTests
{
    private const string Queue = """<msgQ count="2" id="7"><qDate>2027-01-05T10:00:00Z</qDate><msg>Transfer requested.</msg></msgQ>""";
    private const string TransferData = """<resData><domain:trnData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.kz</domain:name>""";
    private readonly EppResponseParser _parser = new(maxFrameBytes: 1_000_000);

    private static byte[] Frame(string msgQ, string rest = "", int code = 1301, string trId = "<clTRID>RGR-1</clTRID><svTRID>S</svTRID>") =>
        Encoding.UTF8.GetBytes($"""<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="{code}"><msg>m</msg></result>{msgQ}{rest}<trID>{trId}</trID></response></epp>""");

    private PollMessage? Read(byte[] frame) =>
        new PollRequestCommand().ParseResult(_parser.ParseResponse(frame, "RGR-1"), EppRegistryProfile.Ietf);

    [Fact]
    public void A_message_whose_data_and_extension_are_in_namespaces_the_client_does_not_read_is_handed_over_as_it_is_RFC5730_2_9_2_3()
    {
        var message = Read(Frame(Queue, """<resData><x:note xmlns:x="urn:example:registry-note-1.0"><x:body/></x:note></resData><extension><y:info xmlns:y="urn:example:ext-1.0"/></extension>"""));

        Assert.Equal("7", message!.Id);
        Assert.Equal("{urn:example:registry-note-1.0}note", message.Data!.Name.ToString());
    }

    [Theory]
    [InlineData("""<msgQ count="2" id="7"><qDate>yesterday</qDate></msgQ>""", "", "<qDate>")]
    [InlineData("""<msgQ count="many" id="7"/>""", "", "count")]
    [InlineData("""<msgQ count="2" id="7"><msg>a &#x1; control character</msg></msgQ>""", "", "invalid character")]
    [InlineData(Queue, TransferData + "</domain:name></resData>", "not acceptable XML")]
    [InlineData(Queue, "", "svTRID")]
    public void A_message_the_client_cannot_read_is_refused_naming_its_id_for_the_acknowledgement_RFC5730_2_9_2_3(string msgQ, string rest, string why)
    {
        var frame = why == "svTRID" ? Frame(msgQ, rest, trId: "<clTRID>RGR-1</clTRID>") : Frame(msgQ, rest);

        var unreadable = Assert.Throws<EppUnreadableMessageException>(() => Read(frame));

        Assert.Equal("7", unreadable.MessageId);
        Assert.Contains(why, unreadable.Reason);
    }

    [Fact]
    public void What_could_be_read_of_an_unreadable_message_comes_with_its_id_RFC5730_2_9_2_3()
    {
        var unreadable = Assert.Throws<EppUnreadableMessageException>(() => Read(Frame(Queue, TransferData + "</resData>")));

        Assert.Equal(("2027-01-05T10:00:00Z", "Transfer requested."), (unreadable.QueuedAt, unreadable.Text));
        Assert.Equal("{urn:ietf:params:xml:ns:domain-1.0}trnData", unreadable.DataName);
    }

    [Fact]
    public void An_answer_carrying_another_commands_clTRID_hands_over_no_message_RFC5730_2_5()
    {
        var frame = Frame("""<msgQ count="2" id="7"><qDate>yesterday</qDate></msgQ>""", trId: "<clTRID>RGR-2</clTRID><svTRID>S</svTRID>");

        Assert.Throws<EppProtocolException>(() => Read(frame));
    }

    [Fact]
    public void An_answer_broken_before_its_msgQ_hands_over_no_message_it_could_name_RFC5730_2_9_2_3()
    {
        var frame = Encoding.UTF8.GetBytes(
            """<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1301"><msg>a &#x1; control character</msg></result><msgQ count="2" id="7"/><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>""");

        Assert.Throws<EppProtocolException>(() => Read(frame));
    }

    [Fact]
    public void Only_a_1301_answer_hands_over_a_message_the_msgQ_of_another_names_the_queues_head_RFC5730_2_6()
    {
        var frame = Frame("""<msgQ count="2" id="7"><qDate>yesterday</qDate></msgQ>""", code: 1000);

        Assert.Throws<EppProtocolException>(() => _parser.ParseResponse(frame, "RGR-1"));
    }

    [Fact]
    public async Task An_unreadable_message_over_TLS_is_acknowledged_by_its_id_on_a_new_session_RFC5730_2_9_2_3()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, occurrence, request) => name == "poll" && request.Root!.Descendants().Any(e => (string?)e.Attribute("op") == "req")
                ? new ServerAction.Answer(Encoding.UTF8.GetBytes(
                    $"""<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1301"><msg>m</msg></result><msgQ count="1" id="7"><qDate>yesterday</qDate></msgQ><trID><clTRID>{TlsSessionTests.ClTrid(request)}</clTRID><svTRID>S</svTRID></trID></response></epp>"""))
                : null,
        };
        await using var client = Clients.For(server.Options(o => o.MaxSessions = 1));

        var unreadable = await Assert.ThrowsAsync<EppUnreadableMessageException>(() => client.ExecuteAsync(new PollRequestCommand()));
        await client.ExecuteAsync(new PollAckCommand(unreadable.MessageId));

        var ack = server.Frames.Last().Root!.Descendants().Single(e => e.Name.LocalName == "poll");
        Assert.Equal(("ack", "7"), ((string?)ack.Attribute("op"), (string?)ack.Attribute("msgID")));
        Assert.Equal(2, server.Seen["login"]);
    }
}
