using System.Text;
using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

public sealed class SecDnsTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace SecDns = "urn:ietf:params:xml:ns:secDNS-1.1";

    [Fact]
    public async Task DS_records_from_the_shared_create_sample_are_kept_shown_and_removed()
    {
        await using var client = await LoginAsync();
        foreach (var contact in new[] { "jd1234", "sh8013" }) await client.SendAsync(Frames.ContactCreate(Ietf, contact));
        foreach (var host in new[] { "ns1.example.com", "ns2.example.com" }) await client.SendAsync(Frames.HostCreate(Ietf, host));
        await client.WriteRawAsync(File.ReadAllBytes(Path.Combine(RepositoryPaths.EppSamples, "domain-create-secdns.xml")));
        var created = (await client.ReadAsync())!;

        var info = await client.SendAsync(Frames.DomainInfo(Ietf, "example.com"));
        var removed = await CodeOf(client, Frames.DomainUpdate(Ietf, "example.com",
            extension: new XElement(SecDns + "update", new XElement(SecDns + "rem", new XElement(SecDns + "all", "true")))));
        var after = await client.SendAsync(Frames.DomainInfo(Ietf, "example.com"));

        Assert.Equal(1000, RawEppClient.Code(created));
        var ds = info.Root!.Descendants(SecDns + "dsData").Single();
        Assert.Equal("12345", ds.Element(SecDns + "keyTag")!.Value);
        Assert.Equal("49FD46E6C4B45C55D4AC", ds.Element(SecDns + "digest")!.Value);
        Assert.Equal(1000, removed);
        Assert.Empty(after.Root!.Descendants(SecDns + "dsData"));
    }

    [Fact]
    public async Task The_key_data_interface_is_refused_by_policy()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "jd1234"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "signed.kz", "jd1234"));
        var keyData = new XElement(SecDns + "keyData",
            new XElement(SecDns + "flags", 257), new XElement(SecDns + "protocol", 3), new XElement(SecDns + "alg", 13),
            new XElement(SecDns + "pubKey", Convert.ToBase64String(Encoding.ASCII.GetBytes("not really a key"))));

        var answer = await CodeOf(client, Frames.DomainUpdate(Ietf, "signed.kz",
            extension: new XElement(SecDns + "update", new XElement(SecDns + "add", keyData))));

        Assert.Equal(2306, answer);
    }

    [Fact]
    public async Task An_urgent_DS_update_is_refused_as_an_unimplemented_option_not_done_at_normal_priority_RFC5910_5_2_5()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "jd1234"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "urgent.kz", "jd1234"));
        var ds = new XElement(SecDns + "dsData", new XElement(SecDns + "keyTag", 12345), new XElement(SecDns + "alg", 13),
            new XElement(SecDns + "digestType", 2), new XElement(SecDns + "digest", "49FD46E6C4B45C55D4AC"));

        var answer = await CodeOf(client, Frames.DomainUpdate(Ietf, "urgent.kz",
            extension: new XElement(SecDns + "update", new XAttribute("urgent", "true"), new XElement(SecDns + "add", ds))));
        var info = await client.SendAsync(Frames.DomainInfo(Ietf, "urgent.kz"));

        Assert.Equal(2102, answer);
        Assert.Empty(info.Root!.Descendants(SecDns + "dsData"));
    }

    [Fact]
    public async Task Rem_all_written_with_white_space_around_true_removes_every_DS_record_RFC5910_5_2_5()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "jd1234"));
        await client.SendAsync(Frames.DomainCreate(Ietf, "spaced.kz", "jd1234"));
        var ds = new XElement(SecDns + "dsData", new XElement(SecDns + "keyTag", 12345), new XElement(SecDns + "alg", 13),
            new XElement(SecDns + "digestType", 2), new XElement(SecDns + "digest", "49FD46E6C4B45C55D4AC"));
        await client.SendAsync(Frames.DomainUpdate(Ietf, "spaced.kz", extension: new XElement(SecDns + "update", new XElement(SecDns + "add", ds))));

        // xs:boolean collapses white space (XSD 1.0 Part 2 section 3.2.2), so " true " is true.
        var removed = await CodeOf(client, Frames.DomainUpdate(Ietf, "spaced.kz",
            extension: new XElement(SecDns + "update", new XElement(SecDns + "rem", new XElement(SecDns + "all", " true ")))));
        var info = await client.SendAsync(Frames.DomainInfo(Ietf, "spaced.kz"));

        Assert.Equal(1000, removed);
        Assert.Empty(info.Root!.Descendants(SecDns + "dsData"));
    }

    [Fact]
    public async Task Max_signature_life_is_kept_from_create_changed_by_update_and_shown_by_info_RFC_5910_3_3()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "jd1234"));
        var create = Frames.DomainCreate(Ietf, "msl.kz", "jd1234");
        create.Element(RawEppClient.Epp + "command")!.Add(new XElement(RawEppClient.Epp + "extension", new XElement(SecDns + "create",
            new XElement(SecDns + "maxSigLife", 604800), new XElement(SecDns + "dsData", new XElement(SecDns + "keyTag", 4444),
                new XElement(SecDns + "alg", 8), new XElement(SecDns + "digestType", 2), new XElement(SecDns + "digest", "49FD46E6C4B45C55D4AC")))));
        static string? MaxSigLife(XDocument info) => info.Root!.Descendants(SecDns + "maxSigLife").SingleOrDefault()?.Value;

        var created = await CodeOf(client, create);
        var afterCreate = MaxSigLife(await client.SendAsync(Frames.DomainInfo(Ietf, "msl.kz")));
        var changed = await CodeOf(client, Frames.DomainUpdate(Ietf, "msl.kz",
            extension: new XElement(SecDns + "update", new XElement(SecDns + "chg", new XElement(SecDns + "maxSigLife", 86400)))));
        var afterChange = MaxSigLife(await client.SendAsync(Frames.DomainInfo(Ietf, "msl.kz")));

        Assert.Equal((1000, "604800"), (created, afterCreate));
        Assert.Equal((1000, "86400"), (changed, afterChange));
    }

    [Fact]
    public async Task DS_records_are_a_set_so_one_sent_twice_is_kept_once_RFC_5910_4()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "jd1234"));
        XElement Ds() => new(SecDns + "dsData", new XElement(SecDns + "keyTag", 12345), new XElement(SecDns + "alg", 13),
            new XElement(SecDns + "digestType", 2), new XElement(SecDns + "digest", "49FD46E6C4B45C55D4AC"));
        var create = Frames.DomainCreate(Ietf, "twice.kz", "jd1234");
        create.Element(RawEppClient.Epp + "command")!.Add(new XElement(RawEppClient.Epp + "extension", new XElement(SecDns + "create", Ds(), Ds())));

        var created = await CodeOf(client, create);
        var info = await client.SendAsync(Frames.DomainInfo(Ietf, "twice.kz"));

        Assert.Equal(1000, created);
        Assert.Single(info.Root!.Descendants(SecDns + "dsData"));
    }
}
