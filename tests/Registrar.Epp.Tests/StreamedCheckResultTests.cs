using System.Text;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Tests;

/// <summary>Check answers are read into their typed result as the frame streams by (issue 16): no element is built, the
/// data reads as RFC 5731-5733 write it, and what is wrong with it is judged only once the whole frame has been read.</summary>
public class StreamedCheckResultTests
{
    private const string Envelope =
        """<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:domain="urn:ietf:params:xml:ns:domain-1.0" xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">""";
    private const string Ok = """<result code="1000"><msg>Command completed successfully</msg></result>""";
    private const string TrId = "<trID><clTRID>RGR-1</clTRID><svTRID>SV-1</svTRID></trID>";
    private readonly EppResponseParser _parser = new(maxFrameBytes: 1_000_000);

    private EppResponse Answer<T>(EppCommand<T> command, string body) =>
        _parser.ParseResponse(Encoding.UTF8.GetBytes($"{Envelope}<response>{body}</response></epp>"), "RGR-1",
            command.ResultDataReader(EppRegistryProfile.Ietf));

    private static string DomainCheckData(string content) => $"<resData><domain:chkData>{content}</domain:chkData></resData>";

    [Theory]
    // As RFC 5731's example writes it.
    [InlineData("""<domain:cd><domain:name avail="1">example.com</domain:name></domain:cd><domain:cd><domain:name avail="0">example.net</domain:name><domain:reason>In use</domain:reason></domain:cd>""")]
    // Whitespace, a comment, a reason in another language, avail written as a boolean with the whitespace xs:boolean allows.
    [InlineData("""
        <domain:cd> <!-- first -->
          <domain:name avail=" true "> example.com </domain:name>
        </domain:cd>
        <domain:cd><domain:name avail="false">example.net</domain:name><domain:reason lang="kk"> In use </domain:reason></domain:cd>
        """)]
    // The object namespace declared on the element itself, under another prefix; CDATA sends it to the full reader.
    [InlineData("""<d:cd xmlns:d="urn:ietf:params:xml:ns:domain-1.0"><d:name avail="1"><![CDATA[example.com]]></d:name></d:cd><domain:cd><domain:reason>In use</domain:reason><domain:name avail="0">example.net</domain:name></domain:cd>""")]
    public void A_domain_check_answer_is_read_into_its_result_without_an_element(string checkData)
    {
        var command = new DomainCheckCommand("example.com", "example.net");

        var response = Answer(command, Ok + DomainCheckData(checkData) + TrId);
        var result = command.ParseResult(response, EppRegistryProfile.Ietf);

        Assert.Null(response.ResultData);
        Assert.Equal(new CheckItem("example.com", true, null), result.Items[0]);
        Assert.Equal(new CheckItem("example.net", false, "In use"), result.Items[1]);
        Assert.Equal(2, result.Items.Count);
    }

    [Fact]
    public void Elements_of_other_namespaces_and_unknown_ones_are_passed_over()
    {
        var command = new DomainCheckCommand("example.com");
        var response = Answer(command, Ok + """
            <resData><x:chkData xmlns:x="urn:example"><x:cd><x:name avail="0">wrong.com</x:name></x:cd></x:chkData>
            <domain:chkData><domain:future/><domain:cd><domain:name avail="1">example.com</domain:name><x:note xmlns:x="urn:example"/></domain:cd></domain:chkData></resData>
            """ + TrId);

        Assert.Equal([new CheckItem("example.com", true, null)], command.ParseResult(response, EppRegistryProfile.Ietf).Items);
    }

    [Fact]
    public void A_contact_check_answer_is_keyed_by_id()
    {
        var command = new ContactCheckCommand("sh8013");
        var response = Answer(command, Ok +
            """<resData><contact:chkData><contact:cd><contact:id avail="0">sh8013</contact:id><contact:reason>In use</contact:reason></contact:cd></contact:chkData></resData>""" + TrId);

        Assert.Equal(new CheckItem("sh8013", false, "In use"), command.ParseResult(response, EppRegistryProfile.Ietf)["sh8013"]);
    }

    [Theory]
    [InlineData("""<domain:cd><domain:name>example.com</domain:name></domain:cd>""", "<name> in the registry's answer has no 'avail' attribute")]
    [InlineData("""<domain:cd><domain:reason>In use</domain:reason></domain:cd>""", "<cd> in the registry's answer has no <name>")]
    public void Check_data_missing_what_RFC_5731_requires_is_refused_when_the_result_is_read(string checkData, string named)
    {
        var command = new DomainCheckCommand("example.com");

        var response = Answer(command, Ok + DomainCheckData(checkData) + TrId);

        Assert.Equal("SV-1", response.ServerTransactionId);
        var refused = Assert.Throws<EppProtocolException>(() => command.ParseResult(response, EppRegistryProfile.Ietf));
        Assert.Contains(named, refused.Message);
    }

    [Theory]
    [InlineData("<resData/>")]
    [InlineData("""<resData><domain:creData><domain:name>example.com</domain:name></domain:creData></resData>""")]
    [InlineData("")]
    public void A_success_without_check_data_is_refused_naming_what_is_missing(string resData)
    {
        var command = new DomainCheckCommand("example.com");

        var response = Answer(command, Ok + resData + TrId);

        var refused = Assert.Throws<EppProtocolException>(() => command.ParseResult(response, EppRegistryProfile.Ietf));
        Assert.Contains("no <resData>/<chkData> in namespace urn:ietf:params:xml:ns:domain-1.0", refused.Message);
    }

    [Fact]
    public void Broken_check_data_in_a_refusal_does_not_hide_the_refusal()
    {
        var command = new DomainCheckCommand("example.com");

        var response = Answer(command, """<result code="2306"><msg>Parameter value policy error</msg></result>""" +
                                       DomainCheckData("<domain:cd/>") + TrId);

        Assert.Equal(EppResultCode.ParameterValuePolicyError, response.Code);
    }

    [Fact]
    public void A_frame_that_is_not_well_formed_after_broken_check_data_is_refused_as_such()
    {
        var command = new DomainCheckCommand("example.com");

        var refused = Assert.Throws<EppProtocolException>(() => Answer(command, Ok + DomainCheckData("<domain:cd/>") + TrId + "<unclosed>"));

        Assert.Contains("not acceptable XML", refused.Message);
    }
}
