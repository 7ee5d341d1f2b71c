using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>RFC 5731 and RFC 5733 section 3.1.2: info shows the authInfo to the sponsoring client only, even to another
/// client that sent the right authInfo (which otherwise sees the full object).</summary>
public sealed class AuthInfoDisclosureTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Domain = Profile.Ietf.Domain;
    private static readonly XNamespace Contact = Profile.Ietf.Contact;

    private Task<RawEppClient> OtherRegistrarAsync() => LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2);

    [Fact]
    public async Task Domain_info_shows_the_authInfo_only_to_the_sponsor_not_to_another_client_that_sent_it_RFC5731_3_1_2()
    {
        await using var owner = await LoginAsync();
        await owner.SendAsync(Frames.ContactCreate(Ietf, "jd1234"));
        await owner.SendAsync(Frames.DomainCreate(Ietf, "guarded.kz", "jd1234", authInfo: "s3cret"));
        await using var other = await OtherRegistrarAsync();

        var toSponsor = RawEppClient.ResData(await owner.SendAsync(Frames.DomainInfo(Ietf, "guarded.kz")));
        var toOtherWithAuthInfo = RawEppClient.ResData(await other.SendAsync(Frames.DomainInfo(Ietf, "guarded.kz", authInfo: "s3cret")));

        Assert.Equal("s3cret", toSponsor.Element(Domain + "authInfo")!.Element(Domain + "pw")!.Value);
        Assert.Equal("jd1234", toOtherWithAuthInfo.Element(Domain + "registrant")!.Value);
        Assert.NotNull(toOtherWithAuthInfo.Element(Domain + "exDate"));
        Assert.Null(toOtherWithAuthInfo.Element(Domain + "authInfo"));
    }

    [Fact]
    public async Task Contact_info_shows_the_authInfo_only_to_the_sponsor_not_to_another_client_that_sent_it_RFC5733_3_1_2()
    {
        await using var owner = await LoginAsync();
        await owner.SendAsync(Frames.ContactCreate(Ietf, "c-guarded", email: "guarded@example.kz"));
        await using var other = await OtherRegistrarAsync();
        var withAuthInfo = Frames.ContactInfo(Ietf, "c-guarded");
        withAuthInfo.Descendants(Contact + "id").Single().AddAfterSelf(new XElement(Contact + "authInfo", new XElement(Contact + "pw", "contact-pw")));

        var toSponsor = RawEppClient.ResData(await owner.SendAsync(Frames.ContactInfo(Ietf, "c-guarded")));
        var toOtherWithAuthInfo = RawEppClient.ResData(await other.SendAsync(withAuthInfo));

        Assert.Equal("contact-pw", toSponsor.Element(Contact + "authInfo")!.Element(Contact + "pw")!.Value);
        Assert.Equal("guarded@example.kz", toOtherWithAuthInfo.Element(Contact + "email")!.Value);
        Assert.NotNull(toOtherWithAuthInfo.Element(Contact + "postalInfo"));
        Assert.Null(toOtherWithAuthInfo.Element(Contact + "authInfo"));
    }
}
