using System.Xml.Linq;
using Registrar.Epp.Commands;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Tests.Support;

namespace Registrar.Epp.Tests;

/// <summary>RFC 5731 section 3.1.1 answers each name a domain:check asks, but in the registry's spelling: another case
/// (RFC 4343) or the A-label of an IDN asked as U-labels (RFC 5890 section 2.3.2.1). The answer is found all the same.</summary>
public class CheckResultNameTests
{
    private static readonly XNamespace Epp = EppXml.Epp;
    private const string ULabel = "пример.қаз";
    private const string ALabel = "xn--e1afmkfd.xn--80ao21a";

    private static CheckResult Answer(params string[] names) => new([.. names.Select(n => new CheckItem(n, true, null))]);

    [Theory]
    [InlineData("EXAMPLE.KZ", "example.kz")]
    [InlineData("Example.Kz", "EXAMPLE.kz")]
    [InlineData("ПРИМЕР.ҚАЗ", ULabel)]
    public void A_name_answered_in_another_case_answers_the_name_asked_RFC5731_3_1_1(string answered, string asked) =>
        Assert.Equal(answered, Answer("other.kz", answered)[asked].Name);

    [Theory]
    [InlineData(ALabel, ULabel)]
    [InlineData(ULabel, ALabel)]
    [InlineData("XN--E1AFMKFD.XN--80AO21A", "ПРИМЕР.қаз")]
    public void A_name_answered_as_A_labels_answers_the_same_name_asked_as_U_labels_and_back_RFC5731_3_1_1(string answered, string asked) =>
        Assert.Equal(answered, Answer("other.kz", answered)[asked].Name);

    [Fact]
    public void A_contact_id_is_found_as_written_RFC5733_3_1_1() =>
        Assert.False(new CheckResult([new CheckItem("sh8013", false, "In use")])["sh8013"].Available);

    [Fact]
    public void An_answer_that_lacks_a_name_asked_is_a_named_error_that_says_what_it_answered_RFC5731_3_1_1()
    {
        var error = Assert.Throws<CheckAnswerLacksNameException>(() => Answer("other.kz", "another.kz")["missing.kz"]);

        Assert.Equal("missing.kz", error.Name);
        Assert.Contains("other.kz, another.kz", error.Message);
    }

    [Fact]
    public async Task A_registry_answering_an_IDN_check_in_upper_case_A_labels_is_understood_over_TLS_RFC5731_3_1_1()
    {
        await using var server = new ScriptedEppServer
        {
            Script = (name, _, request) => name == "domain:check"
                ? new ServerAction.Answer(EppResponses.Result(1000, request.Root!.Element(Epp + "command")!.Element(Epp + "clTRID")!.Value,
                    resData: EppResponses.DomainCheckData(EppRegistryProfile.Ietf.DomainNamespace, ("XN--E1AFMKFD.XN--80AO21A", true))))
                : null,
        };
        await using var client = Clients.For(server.Options());

        var reply = await client.ExecuteAsync(new DomainCheckCommand(ULabel));

        Assert.True(reply.Value[ULabel].Available);
    }
}
