using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

public sealed class ExtensionPlacementTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace SecDns = "urn:ietf:params:xml:ns:secDNS-1.1";
    private static readonly XNamespace Rgp = Profile.Ietf.Rgp;
    private const string Name = "placed.kz";

    private static XElement Ds() => new(SecDns + "dsData", new XElement(SecDns + "keyTag", 5555), new XElement(SecDns + "alg", 13),
        new XElement(SecDns + "digestType", 2), new XElement(SecDns + "digest", "49FD46E6C4B45C55D4AC"));

    private static XElement WithExtension(XElement frame, XElement extension)
    {
        frame.Element(RawEppClient.Epp + "command")!.Elements().First().AddAfterSelf(new XElement(RawEppClient.Epp + "extension", extension));
        return frame;
    }

    public static TheoryData<string> Misplaced => ["secDNS:create on update", "rgp:update on info", "secDNS:update on check"];

    private static (XElement Frame, XName Extension) Frame(string misplaced) => misplaced switch
    {
        "secDNS:create on update" => (Frames.DomainUpdate(Ietf, Name, extension: new XElement(SecDns + "create", Ds())), SecDns + "create"),
        "rgp:update on info" => (WithExtension(Frames.DomainInfo(Ietf, Name),
            new XElement(Rgp + "update", new XElement(Rgp + "restore", new XAttribute("op", "request")))), Rgp + "update"),
        _ => (WithExtension(Frames.DomainCheck(Ietf, Name),
            new XElement(SecDns + "update", new XElement(SecDns + "rem", new XElement(SecDns + "all", "true")))), SecDns + "update"),
    };

    [Theory]
    [MemberData(nameof(Misplaced))]
    public async Task Extension_sent_with_a_command_it_does_not_extend_is_2002_naming_it_RFC_5730_2_7_3(string misplaced)
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "owner"));
        await client.SendAsync(Frames.DomainCreate(Ietf, Name, "owner"));
        var (frame, extension) = Frame(misplaced);

        var refused = await client.SendAsync(frame);
        var placed = await CodeOf(client, Frames.DomainUpdate(Ietf, Name, extension: new XElement(SecDns + "update", new XElement(SecDns + "add", Ds()))));

        Assert.Equal(2002, RawEppClient.Code(refused));
        Assert.Equal(extension, RawEppClient.ExtValue(refused)!.Value.Value.Name);
        Assert.Equal(1000, placed);
    }
}
