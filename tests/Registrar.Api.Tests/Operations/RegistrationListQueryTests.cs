using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Registrar.Api.Operations;
using Registrar.Core.Zones;

namespace Registrar.Api.Tests.Operations;

public sealed class RegistrationListQueryTests
{
    private static readonly ZoneCatalog Zones = ZoneCatalog.LoadEmbedded();

    [Theory]
    [InlineData("қаз", "қаз")]
    [InlineData("xn--80ao21a", "қаз")]
    [InlineData("KZ", "kz")]
    [InlineData("Com.UA", "com.ua")]
    public void A_zone_filter_is_taken_as_a_U_label_or_A_label_in_any_case(string asked, string filtered)
    {
        var (query, errors) = RegistrationListQuery.Read(Query(asked), Zones);

        Assert.Empty(errors);
        Assert.Equal(filtered, query!.Filter.Zone);
    }

    [Fact]
    public void A_zone_this_registrar_does_not_sell_is_refused_naming_the_parameter()
    {
        var (query, errors) = RegistrationListQuery.Read(Query("com"), Zones);

        Assert.Null(query);
        Assert.Contains("zone", errors.Keys);
    }

    [Fact]
    public void A_parameter_given_twice_is_refused_naming_it_as_given_twice_not_as_a_wrong_value_RFC_9457()
    {
        var (query, errors) = RegistrationListQuery.Read(new QueryCollection(new Dictionary<string, StringValues>
        {
            ["phase"] = new(["Registered", "Closed"]),
            ["zone"] = "kz",
        }), Zones);

        Assert.Null(query);
        Assert.Equal(["phase"], errors.Keys);
        Assert.Equal(["Given 2 times: give it once."], errors["phase"]);
    }

    [Fact]
    public void A_phase_that_is_none_is_refused_naming_the_phases_there_are()
    {
        var (_, errors) = RegistrationListQuery.Read(new QueryCollection(new Dictionary<string, StringValues> { ["phase"] = "Live" }), Zones);

        Assert.Contains("Registered", Assert.Single(errors["phase"]));
    }

    private static QueryCollection Query(string zone) => new(new Dictionary<string, StringValues> { ["zone"] = zone });
}
