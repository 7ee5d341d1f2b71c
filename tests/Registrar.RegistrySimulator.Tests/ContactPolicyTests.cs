using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>RFC 5733 rules on a contact's values beyond the schema: the country code and disclosure preferences.</summary>
public sealed class ContactPolicyTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Contact = Profile.Ietf.Contact;

    private static XElement PostalInfo(string cc) =>
        new(Contact + "postalInfo", new XAttribute("type", "int"), new XElement(Contact + "name", "Jane Doe"),
            new XElement(Contact + "addr", new XElement(Contact + "city", "Almaty"), new XElement(Contact + "cc", cc)));

    private static XElement Create(string id, string cc = "KZ", XElement? disclose = null) =>
        Frames.Command(new XElement(RawEppClient.Epp + "create", new XElement(Contact + "create",
            new XElement(Contact + "id", id), PostalInfo(cc), new XElement(Contact + "email", "jane@example.kz"),
            new XElement(Contact + "authInfo", new XElement(Contact + "pw", "contact-pw")), disclose)));

    private static XElement Change(string id, params XElement[] changes) =>
        Frames.Command(new XElement(RawEppClient.Epp + "update", new XElement(Contact + "update",
            new XElement(Contact + "id", id), new XElement(Contact + "chg", changes))));

    private async Task<string?> CountryOf(string id) =>
        (await Simulator.GetContactAsync(id))?.GetProperty("details").GetProperty("postalInfos")[0].GetProperty("countryCode").GetString();

    [Theory]
    [InlineData("QZ")]
    [InlineData("AB")]
    [InlineData("XX")]
    [InlineData("UK")]
    public async Task Country_code_not_assigned_in_ISO_3166_1_is_2005_naming_it_and_nothing_is_kept_RFC_5733_2_4_3(string cc)
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Create("cc-kept"));

        var created = await client.SendAsync(Create("cc-new", cc));
        var changed = await client.SendAsync(Change("cc-kept", PostalInfo(cc)));

        Assert.Equal(2005, RawEppClient.Code(created));
        Assert.Equal((Contact + "cc", cc), (RawEppClient.ExtValue(created)!.Value.Value.Name, RawEppClient.ExtValue(created)!.Value.Value.Value));
        Assert.Equal(2303, await CodeOf(client, Frames.ContactInfo(Ietf, "cc-new")));
        Assert.Equal(2005, RawEppClient.Code(changed));
        Assert.Equal("KZ", await CountryOf("cc-kept"));
    }

    [Fact]
    public async Task Country_code_assigned_in_ISO_3166_1_is_kept_in_upper_case_RFC_5733_2_4_3()
    {
        await using var client = await LoginAsync();

        Assert.Equal(1000, await CodeOf(client, Create("cc-ua", "ua")));
        Assert.Equal("UA", await CountryOf("cc-ua"));
    }

    private static XElement Disclose(string flag) =>
        new(Contact + "disclose", new XAttribute("flag", flag), new XElement(Contact + "voice"), new XElement(Contact + "email"));

    [Fact]
    public async Task Withholding_disclosure_the_policy_grants_to_all_is_2308_naming_it_and_nothing_is_kept_RFC_5733_2_9()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Create("disc-kept"));

        var created = await client.SendAsync(Create("disc-new", disclose: Disclose("0")));
        var changed = await CodeOf(client, Change("disc-kept", new XElement(Contact + "email", "new@example.kz"), Disclose("0")));
        var disclosing = await CodeOf(client, Create("disc-all", disclose: Disclose("1")));

        Assert.Equal(2308, RawEppClient.Code(created));
        Assert.Equal(Contact + "disclose", RawEppClient.ExtValue(created)!.Value.Value.Name);
        Assert.Equal(2303, await CodeOf(client, Frames.ContactInfo(Ietf, "disc-new")));
        Assert.Equal(2308, changed);
        Assert.Equal("jane@example.kz", (await Simulator.GetContactAsync("disc-kept"))!.Value.GetProperty("details").GetProperty("email").GetString());
        Assert.Equal(1000, disclosing);
    }
}
