using System.Text;
using System.Xml;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Tests;

/// <summary>A frame is read only if it is well-formed XML 1.0, whichever reader reads it: anything else is a protocol
/// error, never a value nor another exception; and what XML allows anywhere, a processing instruction, is skipped.</summary>
public class WellFormedFrameTests
{
    private const string Epp = "urn:ietf:params:xml:ns:epp-1.0";
    private const string TrId = "<trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID>";
    private readonly EppResponseParser _parser = new(maxFrameBytes: 1_000_000);

    private static string Response(string inner) => $"""<epp xmlns="{Epp}"><response>{inner}{TrId}</response></epp>""";

    private static string Greeting(string serverId) =>
        $"""<epp xmlns="{Epp}"><greeting><svID>{serverId}</svID><svDate>2026-11-24T07:00:00Z</svDate><svcMenu><version>1.0</version><lang>en</lang><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcMenu></greeting></epp>""";

    private EppResponse Parse(string frame) => _parser.ParseResponse(Encoding.UTF8.GetBytes(frame), "RGR-1");

    [Theory]
    [InlineData("""<result code="1000&#x;"><msg>ok</msg></result>""")]
    [InlineData("""<result code="1000"><msg>a&#x1;b</msg></result>""")]
    [InlineData("""<result code="1000"><msg>a&#11;b</msg></result>""")]
    [InlineData("""<result code="1000"><msg>a&#;b</msg></result>""")]
    [InlineData("""<result code="1000"><msg>a&#xFFFF;b</msg></result>""")]
    [InlineData("""<result code="1000"><msg>a&#xDFFF;b</msg></result>""")]
    [InlineData("""<result code="1000"><msg>a&#xD800;b</msg></result>""")]
    [InlineData("""<result code="1000"><msg lang="e&#0;n">ok</msg></result>""")]
    [InlineData("""<result code="1000"><msg lang="e&#xD800;n">ok</msg></result>""")]
    public void A_frame_with_an_illegal_character_reference_is_a_protocol_error_not_a_value_XML_1_0_4_1(string result)
    {
        var error = Assert.Throws<EppProtocolException>(() => Parse(Response(result)));

        Assert.Contains("not acceptable XML", error.Message);
    }

    [Fact]
    public void A_greeting_with_an_illegal_character_reference_is_a_protocol_error_XML_1_0_4_1() =>
        Assert.Throws<EppProtocolException>(() => _parser.ParseGreeting(Encoding.UTF8.GetBytes(Greeting("X&#x1;"))));

    [Theory]
    [InlineData("""<result code="1000"><msg lang="e""", """n">ok</msg></result>""")]
    [InlineData("""<result code="1000"><msg>ok<!-- """, """ --></msg></result>""")]
    public void A_byte_that_is_not_UTF_8_is_a_protocol_error_in_an_attribute_or_a_comment_XML_1_0_2_2(string before, string after)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes($"""<epp xmlns="{Epp}"><response>{before}"""), 0xFF, .. Encoding.UTF8.GetBytes($"{after}{TrId}</response></epp>")];

        Assert.Throws<EppProtocolException>(() => _parser.ParseResponse(bytes, "RGR-1"));
    }

    [Theory]
    [InlineData($"""<epp xmlns="{Epp}"><f/></ep:""")]
    [InlineData($"""<epp xmlns="{Epp}"></ep:""")]
    [InlineData($"""<epp xmlns="{Epp}"><response><result code="1000"><msg>ok</msg></result>{TrId}</response></epp:""")]
    [InlineData($"""<epp xmlns="{Epp}"><response><result code="1000"><msg>ok</msg></result>{TrId}</response></e:""")]
    public void A_frame_cut_off_in_a_prefixed_end_tag_is_a_protocol_error(string frame)
    {
        Assert.Throws<EppProtocolException>(() => Parse(frame));
        Assert.Throws<EppProtocolException>(() => _parser.ParseGreeting(Encoding.UTF8.GetBytes(frame)));
    }

    [Fact]
    public void Elements_nested_deeper_than_any_EPP_answer_are_a_protocol_error()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 100)) + string.Concat(Enumerable.Repeat("</x>", 100));

        var error = Assert.Throws<EppProtocolException>(() => Parse(Response($"""<result code="1000"><msg>ok</msg></result><extension>{deep}</extension>""")));

        Assert.Contains("deeper", error.Message);
    }

    [Fact]
    public void The_full_reader_reads_a_frame_once_meeting_its_fault_where_the_reading_reaches_it_not_in_a_pass_before()
    {
        var reader = new FrameXmlReader(maxFrameBytes: 1_000_000).Over(Encoding.UTF8.GetBytes($"""<epp xmlns="{Epp}"><response><result code="1000"></respons>"""));
        var elements = new List<string>();

        Assert.Throws<XmlException>(() =>
        {
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element) elements.Add(reader.LocalName);
        });
        Assert.Equal(["epp", "response", "result"], elements);
    }

    [Theory]
    [InlineData($"""<epp xmlns="{Epp}"><response><?vendor data?><result code="1000"><msg>o<?vendor data?>k</msg></result>{TrId}</response></epp>""")]
    [InlineData($"""<?xml version="1.0"?><?xml-stylesheet href="a"?><epp xmlns="{Epp}"><response><result code="1000"><msg>ok</msg></result>{TrId}</response></epp>""")]
    [InlineData($"""<epp xmlns="{Epp}"><response><result code="1000"><msg>ok</msg></result>{TrId}</response></epp><?vendor data?>""")]
    public void A_processing_instruction_anywhere_in_a_response_is_skipped_XML_1_0_2_6(string frame)
    {
        var response = Parse(frame);

        Assert.Equal(EppResultCode.Success, response.Code);
        Assert.Equal("ok", response.Result.Message);
    }

    [Fact]
    public void A_processing_instruction_in_a_greeting_is_skipped_XML_1_0_2_6()
    {
        var frame = """<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="epp.xsl"?>""" + Greeting("X<?vendor data?>") + "<?vendor data?>";

        Assert.Equal("X", _parser.ParseGreeting(Encoding.UTF8.GetBytes(frame)).ServerId);
    }

    [Fact]
    public void A_DTD_is_still_refused_where_a_processing_instruction_is_skipped()
    {
        var frame = $"""<?xml version="1.0"?><?xml-stylesheet href="a"?><!DOCTYPE epp><epp xmlns="{Epp}"><response><result code="1000"><msg>ok</msg></result>{TrId}</response></epp>""";

        var error = Assert.Throws<EppProtocolException>(() => Parse(frame));

        Assert.Contains("DTD", error.Message);
    }
}
