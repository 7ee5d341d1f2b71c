using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>Every frame of the default profile is validated against the IETF schemas; Hostmaster
/// frames by their structure; hostile XML is refused, not followed.</summary>
public sealed class FrameTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static byte[] Sample(string relativePath) =>
        File.ReadAllBytes(Path.Combine(RepositoryPaths.EppSamples, relativePath));

    private static async Task<XDocument> SendRawAsync(RawEppClient client, byte[] payload)
    {
        await client.WriteRawAsync(payload);
        return await client.ReadAsync() ?? throw new IOException("closed");
    }

    [Fact]
    public async Task The_shared_valid_sample_is_accepted()
    {
        await using var client = await LoginAsync();

        Assert.Equal(1000, RawEppClient.Code(await SendRawAsync(client, Sample("domain-check.xml"))));
    }

    [Theory]
    [InlineData("invalid/domain-check-bad-element.xml", "nam")]
    [InlineData("invalid/domain-create-secdns-bad-digestType.xml", "digestType")]
    [InlineData("invalid/rgp-restore-bad-op.xml", "op")]
    public async Task A_frame_that_fails_the_schema_gets_2001_naming_the_error(string sample, string named)
    {
        await using var client = await LoginAsync();

        var answer = await SendRawAsync(client, Sample(sample));

        Assert.Equal(2001, RawEppClient.Code(answer));
        Assert.Contains(named, RawEppClient.Message(answer));
        Assert.Equal("ABC-12345", answer.Root!.Descendants(RawEppClient.Epp + "clTRID").Single().Value);
    }

    [Theory]
    [InlineData("AB")]
    [InlineData("a-client-transaction-id-that-is-longer-than-the-64-characters-allowed")]
    public async Task A_clTRID_outside_trIDStringType_is_not_echoed_in_the_2001_answer_RFC5730_2_5(string clTrid)
    {
        await using var client = await LoginAsync();
        var frame = Frames.DomainCheck(Ietf, "echo.kz");
        frame.Element(RawEppClient.Epp + "command")!.Add(new XElement(RawEppClient.Epp + "clTRID", clTrid));

        // The answer is read against the RFC 5730 schema, whose clTRID is 3 to 64 characters.
        var answer = await client.SendAsync(frame);

        Assert.Equal(2001, RawEppClient.Code(answer));
        Assert.Empty(answer.Root!.Descendants(RawEppClient.Epp + "clTRID"));
    }

    [Fact]
    public async Task An_extension_in_a_namespace_the_registry_does_not_implement_gets_2103_not_2001_RFC5730_3()
    {
        await using var client = await LoginAsync();

        var answer = await client.SendAsync(Frames.Command(
            new XElement(RawEppClient.Epp + "check", new XElement(Ietf.Domain + "check", new XElement(Ietf.Domain + "name", "ext.kz"))),
            new XElement((XNamespace)"urn:ietf:params:xml:ns:launch-1.0" + "check", new XElement((XNamespace)"urn:ietf:params:xml:ns:launch-1.0" + "phase", "claims"))));

        Assert.Equal(2103, RawEppClient.Code(answer));
        Assert.Equal(0, await Simulator.CountAsync("domain:check"));
    }

    [Fact]
    public async Task An_object_in_a_namespace_the_registry_does_not_implement_gets_2307_not_2001_RFC5730_3()
    {
        await using var client = await LoginAsync();
        XNamespace defensive = "urn:ietf:params:xml:ns:defReg-1.0";

        var answer = await client.SendAsync(Frames.Command(
            new XElement(RawEppClient.Epp + "check", new XElement(defensive + "check", new XElement(defensive + "name", "ext.kz")))));

        Assert.Equal(2307, RawEppClient.Code(answer));
    }

    [Fact]
    public async Task An_element_EPP_does_not_define_in_a_commands_place_is_an_unknown_command_2000_RFC5730_3()
    {
        await using var client = await LoginAsync();
        XNamespace foreign = "urn:example:commands-1.0";

        var unknown = await client.SendAsync(Frames.Command(new XElement(RawEppClient.Epp + "foo")));
        var inAnotherNamespace = await CodeOf(client, Frames.Command(new XElement(foreign + "check")));
        var knownButMalformed = await CodeOf(client, Frames.Command(new XElement(RawEppClient.Epp + "check")));

        Assert.Equal(2000, RawEppClient.Code(unknown));
        Assert.Contains("<foo>", RawEppClient.Message(unknown));
        Assert.Single(unknown.Root!.Descendants(RawEppClient.Epp + "clTRID"));
        Assert.Equal(2000, inAnotherNamespace);
        Assert.Equal(2001, knownButMalformed);
    }

    [Fact]
    public async Task A_frame_with_a_DTD_and_entities_is_refused_without_expanding_them()
    {
        await using var client = await LoginAsync();
        const string hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE epp [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>
            <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check>
            <domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>&ext;&lol2;.kz</domain:name></domain:check>
            </check><clTRID>DTD-1</clTRID></command></epp>
            """;

        var answer = await SendRawAsync(client, Encoding.UTF8.GetBytes(hostile));

        Assert.Equal(2001, RawEppClient.Code(answer));
        Assert.Contains("DTD", RawEppClient.Message(answer));
        Assert.DoesNotContain("root:", answer.ToString());
        Assert.Equal(0, await Simulator.CountAsync("domain:check"));
    }

    [Fact]
    public async Task Malformed_XML_gets_2001_and_the_session_goes_on()
    {
        await using var client = await LoginAsync();

        var answer = await SendRawAsync(client, Encoding.UTF8.GetBytes("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command>"));

        Assert.Equal(2001, RawEppClient.Code(answer));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCheck(Ietf, "still-here.kz")));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(3u)]
    [InlineData(4u)]
    [InlineData(uint.MaxValue)]
    public async Task A_length_header_that_cannot_hold_a_frame_is_refused_with_2500_without_reading_on_RFC5734_4(uint declared)
    {
        await using var client = await LoginAsync();
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, declared);

        await client.WriteUnframedAsync(header);
        var refused = await client.ReadAsync();

        Assert.NotNull(refused);
        Assert.Equal(2500, RawEppClient.Code(refused!));
        Assert.Null(await client.ReadAsync());
    }

    [Fact]
    public async Task A_frame_larger_than_the_limit_is_refused_with_2500_and_the_connection_closed()
    {
        await using var client = await LoginAsync();
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, 10_000_000);

        await client.WriteUnframedAsync(header);
        var refused = await client.ReadAsync();

        Assert.NotNull(refused);
        Assert.Equal(2500, RawEppClient.Code(refused!));
        Assert.Null(await client.ReadAsync());
    }

    [Fact]
    public async Task Objects_not_requested_at_login_are_an_unimplemented_object_service()
    {
        await using var client = await LoginAsync(hostmaster: true);

        Assert.Equal(2307, await CodeOf(client, Frames.DomainCheck(Ietf, "example.kz")));
    }

    [Fact]
    public async Task A_Hostmaster_frame_is_checked_against_the_structure_of_its_objects()
    {
        await using var client = await LoginAsync(hostmaster: true);
        var hm = Profile.Hostmaster;
        var badElement = Frames.Command(new XElement(RawEppClient.Epp + "check", new XElement(hm.Domain + "check", new XElement(hm.Domain + "nam", "x.ua"))));

        var answer = await client.SendAsync(badElement);

        Assert.Equal(2001, RawEppClient.Code(answer));
        Assert.Contains("http://hostmaster.ua/epp/domain-1.1", RawEppClient.Message(answer));
        Assert.Equal(1000, await CodeOf(client, Frames.DomainCheck(hm, "x.ua")));
    }

    [Fact]
    public async Task A_uaepp_licence_must_be_one_license_element()
    {
        await using var client = await LoginAsync(hostmaster: true);
        var hm = Profile.Hostmaster;
        var frame = Frames.DomainCreate(hm, "brand.ua", "ua-owner", licence: "TM-1");
        frame.Descendants(Frames.Uaepp + "license").Single().Name = Frames.Uaepp + "licence";

        var answer = await client.SendAsync(frame);

        Assert.Equal(2001, RawEppClient.Code(answer));
        Assert.Contains("uaepp:license", RawEppClient.Message(answer));
    }
}
