using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>RFC 5733 section 3.2.1: a contact's postal information comes in up to two forms, one internationalized (int,
/// 7-bit ASCII) and one localized (loc, any UTF-8), each told by its type.</summary>
public sealed class PostalInfoTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Contact = Profile.Ietf.Contact;

    private static XElement PostalInfo(string type, string name, string city = "Almaty") =>
        new(Contact + "postalInfo", new XAttribute("type", type),
            new XElement(Contact + "name", name),
            new XElement(Contact + "addr", new XElement(Contact + "city", city), new XElement(Contact + "cc", "KZ")));

    private static XElement Create(string id, params XElement[] postalInfos) =>
        Frames.Command(new XElement(RawEppClient.Epp + "create", new XElement(Contact + "create",
            new XElement(Contact + "id", id),
            postalInfos,
            new XElement(Contact + "email", "jane@example.kz"),
            new XElement(Contact + "authInfo", new XElement(Contact + "pw", "contact-pw")))));

    private static XElement Change(string id, XElement postalInfo) =>
        Frames.Command(new XElement(RawEppClient.Epp + "update", new XElement(Contact + "update",
            new XElement(Contact + "id", id), new XElement(Contact + "chg", postalInfo))));

    private static void AssertNames(XDocument answer, int code, string element, string value)
    {
        Assert.Equal(code, RawEppClient.Code(answer));
        var (named, _) = RawEppClient.ExtValue(answer)!.Value;
        Assert.Equal((Contact + element, value), (named.Name, named.Value));
    }

    [Fact]
    public async Task An_internationalized_form_that_is_not_7_bit_ASCII_is_a_value_syntax_error_2005_naming_it_and_a_localized_one_may_be_any_UTF_8_RFC5733_3_2_1()
    {
        await using var client = await LoginAsync();

        var intName = await client.SendAsync(Create("c-300", PostalInfo("int", "Айнур Сапарова")));
        var locName = await CodeOf(client, Create("c-300", PostalInfo("loc", "Айнур Сапарова"), PostalInfo("int", "Ainur Saparova")));
        var intCity = await client.SendAsync(Change("c-300", PostalInfo("int", "Ainur Saparova", city: "Алматы")));
        var locCity = await CodeOf(client, Change("c-300", PostalInfo("loc", "Айнур Сапарова", city: "Алматы")));

        AssertNames(intName, 2005, "name", "Айнур Сапарова");
        Assert.Equal(1000, locName);
        AssertNames(intCity, 2005, "city", "Алматы");
        Assert.Equal(1000, locCity);
    }

    [Fact]
    public async Task Two_forms_of_one_type_are_a_command_syntax_error_2001_and_one_of_each_type_is_accepted_RFC5733_3_2_1()
    {
        await using var client = await LoginAsync();

        var twoInt = await client.SendAsync(Create("c-310", PostalInfo("int", "Jane Doe"), PostalInfo("int", "J. Doe")));
        var twoLoc = await CodeOf(client, Create("c-310", PostalInfo("loc", "Jane Doe"), PostalInfo("loc", "J. Doe")));
        var oneOfEach = await CodeOf(client, Create("c-310", PostalInfo("int", "Jane Doe"), PostalInfo("loc", "Джейн Доу")));

        Assert.Equal(2001, RawEppClient.Code(twoInt));
        var (repeated, _) = RawEppClient.ExtValue(twoInt)!.Value;
        Assert.Equal("J. Doe", repeated.Element(Contact + "name")!.Value);
        Assert.Equal(2001, twoLoc);
        Assert.Equal(1000, oneOfEach);
    }
}
