using System.Xml.Linq;
using Registrar.Testing;

namespace Registrar.RegistrySimulator.Tests;

/// <summary>RFC 5730 section 3: the schema admits periods of 1 to 99 years or months (2004 is for values outside that);
/// a period inside it that the registry does not offer is refused by local policy, 2306, naming the period.</summary>
public sealed class PeriodTests(RegistrySimulatorFixture simulator) : SimulatorTest(simulator)
{
    private static readonly XNamespace Domain = Profile.Ietf.Domain;

    private static XElement WithPeriod(XElement frame, int value, string unit)
    {
        var period = frame.Descendants(Domain + "period").SingleOrDefault();
        if (period is null)
        {
            period = new XElement(Domain + "period");
            frame.Descendants(Domain + "name").Single().AddAfterSelf(period);
        }
        period.Value = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        period.SetAttributeValue("unit", unit);
        return frame;
    }

    private static string ExpiryDate(XDocument answer) => RawEppClient.ResData(answer).Element(Domain + "exDate")!.Value[..10];

    private static void AssertRefusedNaming(XDocument answer, int value, string unit)
    {
        Assert.Equal(2306, RawEppClient.Code(answer));
        var (element, _) = RawEppClient.ExtValue(answer)!.Value;
        Assert.Equal((Domain + "period", value.ToString(System.Globalization.CultureInfo.InvariantCulture), unit),
            (element.Name, element.Value, (string?)element.Attribute("unit")));
    }

    [Theory]
    [InlineData(11, "y")]
    [InlineData(99, "y")]
    [InlineData(18, "m")]
    [InlineData(13, "m")]
    public async Task A_period_the_registry_does_not_offer_is_refused_by_policy_2306_on_create_renew_and_transfer_RFC5730_3(int value, string unit)
    {
        await using var owner = await LoginAsync();
        await owner.SendAsync(Frames.ContactCreate(Ietf, "jd1234"));
        var created = await owner.SendAsync(Frames.DomainCreate(Ietf, "offered.kz", "jd1234", authInfo: "2fooBAR"));
        await using var gaining = await LoginAsync(RegistrySimulatorFixture.Registrar2, RegistrySimulatorFixture.Password2);

        var create = await owner.SendAsync(WithPeriod(Frames.DomainCreate(Ietf, "refused.kz", "jd1234"), value, unit));
        var renew = await owner.SendAsync(WithPeriod(Frames.DomainRenew(Ietf, "offered.kz", ExpiryDate(created)), value, unit));
        var transfer = await gaining.SendAsync(WithPeriod(Frames.DomainTransfer(Ietf, "request", "offered.kz", "2fooBAR"), value, unit));

        AssertRefusedNaming(create, value, unit);
        AssertRefusedNaming(renew, value, unit);
        AssertRefusedNaming(transfer, value, unit);
        Assert.Null(await Simulator.GetDomainAsync("refused.kz"));
    }

    [Theory]
    [InlineData(10, "y", 10)]
    [InlineData(24, "m", 2)]
    public async Task A_period_the_registry_offers_in_whole_years_or_months_is_accepted(int value, string unit, int years)
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "jd1234"));

        var created = await client.SendAsync(WithPeriod(Frames.DomainCreate(Ietf, "offered.kz", "jd1234"), value, unit));
        var info = RawEppClient.ResData(await client.SendAsync(Frames.DomainInfo(Ietf, "offered.kz")));

        Assert.Equal(1000, RawEppClient.Code(created));
        var crDate = DateOnly.Parse(info.Element(Domain + "crDate")!.Value[..10], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(crDate.AddYears(years).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ExpiryDate(created));
    }

    [Fact]
    public async Task A_renewal_past_the_ten_year_maximum_is_refused_by_policy_2306_and_one_up_to_it_is_done_RFC5730_3()
    {
        await using var client = await LoginAsync();
        await client.SendAsync(Frames.ContactCreate(Ietf, "jd1234"));
        var created = await client.SendAsync(Frames.DomainCreate(Ietf, "long.kz", "jd1234", years: 9));

        var pastMaximum = await client.SendAsync(Frames.DomainRenew(Ietf, "long.kz", ExpiryDate(created), years: 2));
        var upToIt = await client.SendAsync(Frames.DomainRenew(Ietf, "long.kz", ExpiryDate(created), years: 1));

        AssertRefusedNaming(pastMaximum, 2, "y");
        Assert.Contains("10-year maximum", RawEppClient.Message(pastMaximum));
        Assert.Equal(1000, RawEppClient.Code(upToIt));
    }
}
