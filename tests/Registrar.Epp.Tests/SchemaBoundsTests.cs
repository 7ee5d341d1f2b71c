using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Tests.Support;
using Registrar.Epp.Transport;

namespace Registrar.Epp.Tests;

/// <summary>What the IETF schemas bound and the client checks before sending, and answers a conforming server may give that
/// the client reads as the RFCs mean them.</summary>
public class SchemaBoundsTests
{
    private static readonly EppRegistryProfile Ietf = EppRegistryProfile.Ietf;
    private static readonly XNamespace Epp = EppXml.Epp;
    private static readonly DsData Ds = new(12345, 13, 2, "49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC");
    private static readonly PostalInfo Address = new() { Name = "John Doe", City = "Almaty", CountryCode = "KZ" };

    [Theory]
    [InlineData("registrant", false)]
    [InlineData("owner", false)]
    [InlineData("admin", true)]
    [InlineData("billing", true)]
    [InlineData("tech", true)]
    public void A_domain_contact_is_admin_billing_or_tech_at_create_and_update_RFC_5731(string type, bool sent)
    {
        var create = new DomainCreateCommand { DomainName = "example.kz", AuthInfoPassword = "2fooBAR", Contacts = [new DomainContact(type, "sh8013")] };
        var update = new DomainUpdateCommand { DomainName = "example.kz", Add = new DomainUpdateSet { Contacts = [new DomainContact(type, "sh8013")] } };

        Assert.Equal(sent, Sends(create));
        Assert.Equal(sent, Sends(update));
    }

    [Theory]
    [InlineData("ab", false)]
    [InlineData("abc", true)]
    [InlineData("registrar-sixteen", false)]
    [InlineData("registrar-sixtee", true)]
    public void A_login_client_id_is_3_to_16_characters_RFC_5730_clIDType(string clientId, bool sent) =>
        Assert.Equal(sent, Sends(new LoginCommand(clientId, "secret-1", null, EppLoginTerms.AllOf(Ietf, "en"))));

    [Fact]
    public void A_contact_gives_each_form_of_its_postal_info_once_RFC_5733_section_2_5()
    {
        ContactCreateCommand Create(params PostalInfo[] postalInfos) =>
            new() { Id = "sh8013", PostalInfos = postalInfos, Email = "a@example.kz", AuthInfoPassword = "2fooBAR" };

        Assert.False(Sends(Create(Address, Address with { Name = "J. Doe" })));
        Assert.False(Sends(new ContactUpdateCommand { Id = "sh8013", PostalInfos = [Address, Address] }));
        Assert.True(Sends(Create(Address, Address with { Type = "int" })));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(604800, true)]
    public void A_maximum_signature_life_is_at_least_one_second_RFC_5910_section_3_3(int maxSigLife, bool sent) =>
        Assert.Equal(sent, Sends(new DomainCreateCommand
        {
            DomainName = "signed.kz", AuthInfoPassword = "2fooBAR", Extensions = [new SecDnsCreateExtension([Ds], maxSigLife)],
        }));

    [Fact]
    public void A_registry_of_the_key_data_interface_answers_domain_info_with_the_keys_it_keeps_RFC_5910_section_4()
    {
        XNamespace d = Ietf.DomainNamespace, sec = Ietf.SecDnsNamespace!;
        var frame = EppFrameWriter.Serialize(new XDocument(new XElement(Epp + "epp", new XElement(Epp + "response",
            new XElement(Epp + "result", new XAttribute("code", 1000), new XElement(Epp + "msg", "Command completed successfully")),
            new XElement(Epp + "resData", new XElement(d + "infData",
                new XElement(d + "name", "signed.kz"), new XElement(d + "roid", "SIGNED-KZ"), new XElement(d + "clID", "registrar1"))),
            new XElement(Epp + "extension", new XElement(sec + "infData",
                new XElement(sec + "keyData", new XElement(sec + "flags", 257), new XElement(sec + "protocol", 3),
                    new XElement(sec + "alg", 8), new XElement(sec + "pubKey", "AwEAAa+Y5FnQ==")))),
            new XElement(Epp + "trID", new XElement(Epp + "clTRID", "RGR-1"), new XElement(Epp + "svTRID", "SV-1"))))));

        var info = new DomainInfoCommand("signed.kz").ParseResult(new EppResponseParser(maxFrameBytes: 1_000_000).ParseResponse(frame, "RGR-1"), Ietf);

        Assert.Equal([new KeyData(257, 3, 8, "AwEAAa+Y5FnQ==")], info.KeyData);
        Assert.Empty(info.DsData);
    }

    [Fact]
    public async Task A_session_whose_answer_carries_a_closing_result_after_the_first_is_replaced_RFC_5730_section_3()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, occurrence, request) => name == "domain:check" && occurrence == 0
                ? new ServerAction.Answer(FailedAndClosing(TlsSessionTests.ClTrid(request))) : null,
        };
        await using var client = Clients.For(server.Options(o => o.MaxSessions = 1));

        var error = await Assert.ThrowsAsync<EppCommandFailedException>(() => client.ExecuteAsync(new DomainCheckCommand("example.kz")));
        await client.ExecuteAsync(new DomainCheckCommand("example.kz"));

        Assert.Equal(EppResultCode.ParameterValueSyntaxError, error.Code);
        Assert.Equal(2, server.Seen["login"]);
    }

    private static byte[] FailedAndClosing(string? clTrid) => EppFrameWriter.Serialize(new XDocument(new XElement(Epp + "epp", new XElement(Epp + "response",
        new XElement(Epp + "result", new XAttribute("code", 2005), new XElement(Epp + "msg", "Parameter value syntax error")),
        new XElement(Epp + "result", new XAttribute("code", 2500), new XElement(Epp + "msg", "Command failed; server closing connection")),
        new XElement(Epp + "trID", new XElement(Epp + "clTRID", clTrid), new XElement(Epp + "svTRID", "SV-1"))))));

    private static bool Sends(IEppCommand command)
    {
        try
        {
            return EppFrameWriter.Command(command, Ietf, "RGR-1").Length > 0;
        }
        catch (EppCommandValidationException)
        {
            return false;
        }
    }
}
