using System.Text;
using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Tests;

/// <summary>Responses are read in one forward pass: every part a document lookup found is still found, in
/// any order and around comments and whitespace, and every malformed envelope is still refused by name.</summary>
public class StreamedResponseTests
{
    private const string Envelope = """<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">""";
    private static readonly DomainCheckCommand Check = new("taken.kz", "free.kz");
    private readonly EppResponseParser _parser = new(maxFrameBytes: 1_000_000);

    private EppResponse Parse(string response, string clTrid = "RGR-1", IResultDataReader? resultDataReader = null) =>
        _parser.ParseResponse(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?>{Envelope}{response}</epp>"), clTrid, resultDataReader);

    [Fact]
    public void Every_part_of_a_full_response_is_read_whatever_the_order()
    {
        var response = Parse("""
            <response>
              <trID><clTRID> RGR-1 </clTRID><svTRID>SV-42</svTRID></trID>
              <!-- a comment the registry left -->
              <result code="1301">
                <msg lang="en"> Command completed; ack to dequeue </msg>
                <value><domain:name>first.kz</domain:name></value>
                <extValue><value><domain:name>x.kz</domain:name></value><reason> ext reason </reason></extValue>
                <value>second</value>
              </result>
              <result code="2306"><msg>Parameter value policy error</msg></result>
              <msgQ count="5" id="12345"><qDate>2026-11-24T07:00:00Z</qDate><msg> Transfer requested. </msg></msgQ>
              <resData><domain:chkData><domain:cd><domain:name avail="0">taken.kz</domain:name><domain:reason>In use</domain:reason></domain:cd></domain:chkData></resData>
              <extension><rgp:infData xmlns:rgp="urn:ietf:params:xml:ns:rgp-1.0"><rgp:rgpStatus s="redemptionPeriod"/></rgp:infData></extension>
            </response>
            """);

        Assert.Equal([EppResultCode.SuccessAckToDequeue, EppResultCode.ParameterValuePolicyError], response.Results.Select(r => r.Code));
        Assert.Equal("Command completed; ack to dequeue", response.Result.Message);
        Assert.Equal(["first.kz", "second", "ext reason"], response.Result.Reasons);
        Assert.Equal(new EppMessageQueue(5, "12345", new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero), "Transfer requested."), response.MessageQueue);
        Assert.Equal("RGR-1", response.ClientTransactionId);
        Assert.Equal("SV-42", response.ServerTransactionId);
        Assert.Equal(EppXml.Epp + "extension", response.Extension!.Name);
        Assert.Equal("redemptionPeriod", response.Extension.Elements().Single().Elements().Single().Attribute("s")!.Value);
    }

    [Fact]
    public void ResData_still_serves_the_command_when_its_prefix_is_declared_on_the_envelope()
    {
        var response = Parse("""
            <response><result code="1000"><msg>ok</msg></result>
            <resData><domain:chkData><domain:cd><domain:name avail="0">taken.kz</domain:name><domain:reason>In use</domain:reason></domain:cd>
            <domain:cd><domain:name avail="1">free.kz</domain:name></domain:cd></domain:chkData></resData>
            <trID><clTRID>RGR-1</clTRID><svTRID>SV-1</svTRID></trID></response>
            """, resultDataReader: Check.ResultDataReader(EppRegistryProfile.Ietf));

        var check = Check.ParseResult(response, EppRegistryProfile.Ietf);

        Assert.Equal(new CheckItem("taken.kz", false, "In use"), check["taken.kz"]);
        Assert.Equal(new CheckItem("free.kz", true, null), check["free.kz"]);
    }

    [Fact]
    public void A_part_given_twice_is_read_from_its_first_occurrence()
    {
        var response = Parse("""
            <response><result code="1000"><msg>first</msg><msg>second</msg></result>
            <msgQ count="1" id="a"/><msgQ count="2" id="b"/>
            <resData><domain:chkData/></resData><resData><domain:creData/></resData>
            <trID><clTRID>RGR-1</clTRID><svTRID>SV-1</svTRID></trID><trID><clTRID>OTHER</clTRID><svTRID>SV-2</svTRID></trID></response>
            """);

        Assert.Equal("first", response.Result.Message);
        Assert.Equal("a", response.MessageQueue!.Id);
        Assert.Equal("chkData", response.ResultData!.Elements().Single().Name.LocalName);
        Assert.Equal("SV-1", response.ServerTransactionId);
    }

    [Fact]
    public void Elements_of_other_namespaces_are_not_taken_for_EPP_ones()
    {
        var response = Parse("""
            <response><x:result xmlns:x="urn:example" code="9999"/><result code="1000"><msg>ok</msg></result>
            <trID><x:clTRID xmlns:x="urn:example">OTHER</x:clTRID><clTRID>RGR-1</clTRID><svTRID>SV-1</svTRID></trID></response>
            """);

        Assert.Equal(EppResultCode.Success, Assert.Single(response.Results).Code);
    }

    [Fact]
    public void A_parser_reads_on_after_a_peer_has_invented_more_names_than_it_keeps()
    {
        for (var i = 0; i < 5_000; i++)
        {
            var response = Parse($"<response><x:invented{i} xmlns:x=\"urn:example\"/><result code=\"1000\"><msg>ok</msg></result>" +
                                 $"<trID><clTRID>RGR-{i}</clTRID><svTRID>SV-{i}</svTRID></trID></response>", $"RGR-{i}");

            Assert.Equal($"SV-{i}", response.ServerTransactionId);
        }
    }

    [Fact]
    public void A_frame_read_from_the_middle_of_a_larger_buffer_is_parsed()
    {
        var payload = Encoding.UTF8.GetBytes($"{Envelope}<response><result code=\"1000\"><msg>ok</msg></result><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>");
        var buffer = new byte[payload.Length + 20];
        payload.CopyTo(buffer, 7);

        Assert.Equal("S", _parser.ParseResponse(buffer.AsMemory(7, payload.Length), "RGR-1").ServerTransactionId);
    }

    [Theory]
    [InlineData("<response><result code=\"1000\"><msg>ok</msg></result><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response><junk>", "not acceptable XML")]
    [InlineData("<response><result code=\"1000\"><msg>ok</msg></result><trID><clTRID>RGR-1</clTRID></trID></response>", "no <svTRID>")]
    [InlineData("<response><result code=\"1000\"/><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response>", "no <msg>")]
    [InlineData("<response><result><msg>ok</msg></result><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response>", "'code' attribute")]
    [InlineData("<response><result code=\"1000\"><msg>ok</msg></result><msgQ count=\"many\" id=\"1\"/><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response>", "is not a number")]
    [InlineData("<response><result code=\"1000\"><msg>ok</msg></result><msgQ count=\"1\"/><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response>", "'id' attribute")]
    [InlineData("<response><result code=\"1000\"><msg>ok</msg></result><msgQ count=\"1\" id=\"1\"><qDate>soon</qDate></msgQ><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response>", "not a date")]
    [InlineData("<response><result code=\"1000\"><msg>ok</msg></result><trID><svTRID>S</svTRID></trID></response><response/>", "clTRID '(none)'")]
    public void A_flaw_in_the_envelope_is_a_protocol_error_naming_it(string response, string named)
    {
        var error = Assert.Throws<EppProtocolException>(() => Parse(response));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_foreign_root_in_a_frame_that_is_not_well_formed_is_refused_as_XML_first()
    {
        var error = Assert.Throws<EppProtocolException>(() => _parser.ParseResponse("<html><body></html>"u8.ToArray(), "RGR-1"));

        Assert.Contains("not acceptable XML", error.Message);
    }
}
