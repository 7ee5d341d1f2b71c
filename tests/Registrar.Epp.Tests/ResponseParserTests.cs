using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Registrar.Epp.Responses;
using Registrar.Epp.Tests.Support;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Tests;

public class ResponseParserTests
{
    private readonly EppResponseParser _parser = new(maxFrameBytes: 1_000_000);

    [Fact]
    public void A_success_keeps_the_server_transaction_id()
    {
        var response = _parser.ParseResponse(EppResponses.Result(1000, "RGR-1", "SV-77"), "RGR-1");

        Assert.Equal(EppResultCode.Success, response.Code);
        Assert.True(response.IsSuccess);
        Assert.Equal("SV-77", response.ServerTransactionId);
    }

    [Theory]
    [InlineData(1001, EppResultCode.SuccessPending)]
    [InlineData(1300, EppResultCode.SuccessNoMessages)]
    [InlineData(1301, EppResultCode.SuccessAckToDequeue)]
    [InlineData(1500, EppResultCode.SuccessEndingSession)]
    [InlineData(2302, EppResultCode.ObjectExists)]
    [InlineData(2303, EppResultCode.ObjectDoesNotExist)]
    [InlineData(2304, EppResultCode.ObjectStatusProhibitsOperation)]
    [InlineData(2305, EppResultCode.ObjectAssociationProhibitsOperation)]
    [InlineData(2306, EppResultCode.ParameterValuePolicyError)]
    [InlineData(2308, EppResultCode.DataManagementPolicyViolation)]
    [InlineData(2400, EppResultCode.CommandFailed)]
    [InlineData(2500, EppResultCode.CommandFailedServerClosingConnection)]
    [InlineData(2501, EppResultCode.AuthenticationErrorServerClosingConnection)]
    [InlineData(2502, EppResultCode.SessionLimitExceededServerClosingConnection)]
    public void Each_result_code_maps_to_its_meaning(int code, EppResultCode meaning)
    {
        var response = _parser.ParseResponse(EppResponses.Result(code, "RGR-1"), "RGR-1");

        Assert.Equal(meaning, response.Code);
        Assert.Equal(code < 2000, response.IsSuccess);
        Assert.Equal(code >= 2500, response.Code.ClosesSession());
    }

    [Theory]
    [InlineData(" 1000 ")]
    [InlineData("\t1000\r\n")]
    [InlineData("+1000")]
    [InlineData("01000")]
    public void A_result_code_is_read_as_its_schema_reads_an_unsignedShort_XSD_1_0_3_3_23(string code)
    {
        var response = _parser.ParseResponse(Encoding.UTF8.GetBytes(Frame($"""<result code="{code}"><msg>ok</msg></result>""")), "RGR-1");

        Assert.Equal(EppResultCode.Success, response.Code);
    }

    [Theory]
    [InlineData("1000\u00A0")]
    [InlineData("-1000")]
    [InlineData("10 00")]
    public void A_result_code_the_schema_does_not_read_as_a_number_is_a_protocol_error(string code) =>
        Assert.Throws<EppProtocolException>(() =>
            _parser.ParseResponse(Encoding.UTF8.GetBytes(Frame($"""<result code="{code}"><msg>ok</msg></result>""")), "RGR-1"));

    [Theory]
    [InlineData("3000000000", 3_000_000_000UL)]
    [InlineData(" 18446744073709551615 ", ulong.MaxValue)]
    public void A_message_queue_count_is_read_whole_as_an_unsignedLong_RFC_5730_schema(string count, ulong read)
    {
        var response = _parser.ParseResponse(Encoding.UTF8.GetBytes(Frame($"""<result code="1301"><msg>ok</msg></result><msgQ count="{count}" id="12"/>""")), "RGR-1");

        Assert.Equal(read, response.MessageQueue!.Count);
    }

    [Theory]
    [InlineData("2026-12-31T24:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData(" 2026-12-31T24:00:00.000+05:00\n", "2027-01-01T00:00:00+05:00")]
    [InlineData("2026-12-31T23:59:59Z", "2026-12-31T23:59:59Z")]
    public void The_end_of_a_day_24_00_00_is_the_next_days_first_instant_in_every_date_XSD_1_0_3_2_7(string written, string meant)
    {
        var instant = DateTimeOffset.Parse(meant, CultureInfo.InvariantCulture);
        var greeting = $"""<epp xmlns="{EppXml.Namespace}"><greeting><svID>X</svID><svDate>{written}</svDate><svcMenu><version>1.0</version><lang>en</lang></svcMenu></greeting></epp>""";
        var queued = Frame($"""<result code="1301"><msg>ok</msg></result><msgQ count="1" id="12"><qDate>{written}</qDate></msgQ>""");

        Assert.Equal(instant, _parser.ParseGreeting(Encoding.UTF8.GetBytes(greeting)).ServerDate);
        Assert.Equal(instant, _parser.ParseResponse(Encoding.UTF8.GetBytes(queued), "RGR-1").MessageQueue!.QueuedAt);
        Assert.Equal(instant, EppXml.OptionalDate(new XElement("creData", new XElement("crDate", written)), "crDate"));
    }

    [Theory]
    [InlineData("2026-12-31T24:00:01Z")]
    [InlineData("2026-12-31T24:00:00.5Z")]
    [InlineData("2026-12-31T24:00:00.Z")]
    public void An_hour_24_other_than_the_end_of_a_day_is_not_a_date_XSD_1_0_3_2_7(string written) =>
        Assert.False(EppXml.TryParseDateTime(written, out _));

    [Fact]
    public void A_response_to_another_clTRID_is_a_protocol_error()
    {
        var error = Assert.Throws<EppProtocolException>(() => _parser.ParseResponse(EppResponses.Result(1000, "RGR-2"), "RGR-1"));

        Assert.Contains("RGR-2", error.Message);
        Assert.Contains("RGR-1", error.Message);
    }

    [Fact]
    public void A_response_without_clTRID_is_a_protocol_error()
    {
        Assert.Throws<EppProtocolException>(() => _parser.ParseResponse(EppResponses.Result(1000, null), "RGR-1"));
    }

    [Theory]
    [InlineData(2001, EppResultCode.CommandSyntaxError)]
    [InlineData(2500, EppResultCode.CommandFailedServerClosingConnection)]
    [InlineData(2502, EppResultCode.SessionLimitExceededServerClosingConnection)]
    public void An_error_without_a_clTRID_keeps_its_result_code_RFC_5730_2_5(int code, EppResultCode meaning)
    {
        var response = _parser.ParseResponse(EppResponses.Result(code, null, "SV-9"), "RGR-1");

        Assert.Equal(meaning, response.Code);
        Assert.False(response.IsSuccess);
        Assert.Null(response.ClientTransactionId);
        Assert.Equal("SV-9", response.ServerTransactionId);
    }

    [Fact]
    public void An_error_carrying_another_clTRID_is_still_a_protocol_error() =>
        Assert.Throws<EppProtocolException>(() => _parser.ParseResponse(EppResponses.Result(2001, "RGR-2"), "RGR-1"));

    [Theory]
    [InlineData("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response>", "not acceptable XML")]
    [InlineData("not xml at all", "not acceptable XML")]
    [InlineData("<html/>", "root element is <html>")]
    [InlineData("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><trID><svTRID>S</svTRID></trID></response></epp>", "no <result>")]
    [InlineData("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><result code=\"1000\"><msg>ok</msg></result></response></epp>", "no <trID>")]
    [InlineData("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><result code=\"9999\"><msg>?</msg></result><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>", "9999")]
    [InlineData("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><result code=\"2309\"><msg>?</msg></result><trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>", "2309")]
    [InlineData("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><greeting/></epp>", "Expected a <response>")]
    public void A_malformed_or_unexpected_response_is_a_protocol_error_naming_the_problem(string xml, string named)
    {
        var error = Assert.Throws<EppProtocolException>(() => _parser.ParseResponse(Encoding.UTF8.GetBytes(xml), "RGR-1"));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_DTD_with_entity_expansion_is_refused_billion_laughs()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE epp [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>&lol4;</msg></result>
            <trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>
            """;

        var error = Assert.Throws<EppProtocolException>(() => _parser.ParseResponse(Encoding.UTF8.GetBytes(laughs), "RGR-1"));

        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void An_external_entity_is_refused()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE epp [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>&secret;</msg></result>
            <trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>
            """;

        Assert.Throws<EppProtocolException>(() => _parser.ParseResponse(Encoding.UTF8.GetBytes(xxe), "RGR-1"));
    }

    [Fact]
    public void A_document_beyond_the_size_limit_is_refused()
    {
        var small = new EppResponseParser(maxFrameBytes: 200);
        var big = EppResponses.Result(1000, "RGR-1", message: new string('x', 500));

        Assert.Throws<EppProtocolException>(() => small.ParseResponse(big, "RGR-1"));
    }

    [Fact]
    public async Task A_frame_header_beyond_the_size_limit_is_refused_without_reading_it()
    {
        var header = new byte[] { 0x7F, 0xFF, 0xFF, 0xFF };

        var error = await Assert.ThrowsAsync<EppProtocolException>(() => EppFraming.ReadAsync(new MemoryStream(header), 1024, default));

        Assert.Contains("1024-byte limit", error.Message);
    }

    [Fact]
    public async Task A_frame_header_too_small_for_a_message_is_refused()
    {
        await Assert.ThrowsAsync<EppProtocolException>(() => EppFraming.ReadAsync(new MemoryStream([0, 0, 0, 4]), 1024, default));
    }

    [Fact]
    public async Task A_truncated_frame_is_a_closed_connection()
    {
        var truncated = EppFraming.Frame("<epp/>"u8)[..7];

        await Assert.ThrowsAsync<EppConnectionException>(() => EppFraming.ReadAsync(new MemoryStream(truncated), 1024, default));
    }

    [Fact]
    public async Task The_length_header_counts_itself_RFC_5734()
    {
        var payload = "<epp/>"u8.ToArray();
        var frame = EppFraming.Frame(payload);

        Assert.Equal(new byte[] { 0, 0, 0, (byte)(payload.Length + 4) }, frame[..4]);
        Assert.Equal(payload, await EppFraming.ReadAsync(new MemoryStream(frame), 1024, default));
    }

    private static string Frame(string response) =>
        $"""<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>{response}<trID><clTRID>RGR-1</clTRID><svTRID>S</svTRID></trID></response></epp>""";

    [Fact]
    public void A_greeting_lists_the_services()
    {
        var greeting = _parser.ParseGreeting(EppResponses.Greeting(
            new GreetingMenu(["1.0"], ["en", "kk"], ["urn:ietf:params:xml:ns:domain-1.0"], ["urn:ietf:params:xml:ns:rgp-1.0"])));

        Assert.Equal("Scripted EPP server", greeting.ServerId);
        Assert.Equal(["1.0"], greeting.Versions);
        Assert.Equal(["en", "kk"], greeting.Languages);
        Assert.Equal(["urn:ietf:params:xml:ns:domain-1.0"], greeting.ObjectUris);
        Assert.Equal(["urn:ietf:params:xml:ns:rgp-1.0"], greeting.ExtensionUris);
    }
}
