using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registrar.Api.Whois;
using Registrar.Core.Zones;

namespace Registrar.Api.Tests.Whois;

/// <summary>The public answers name the sponsoring registrar (RFC 9083 section 5.3); the host does not start with a registry unnamed.</summary>
public sealed class WhoisOptionsTests
{
    [Fact]
    public void Settings_that_name_the_registrar_of_each_registry_served_are_taken()
    {
        var options = Options(new() { ["Whois:RegistrarNames:kaznic"] = "ТОО «Технологии Интернета»", ["Whois:RegistrarNames:hostmaster"] = "ТОВ «Українські торговельні марки»" });

        Assert.Equal("ТОВ «Українські торговельні марки»", options.Value.RegistrarOf(ZoneCatalog.LoadEmbedded().For("com.ua").RegistryId));
    }

    [Theory]
    [InlineData("kaznic", "hostmaster")]
    [InlineData("hostmaster", "kaznic")]
    public void A_registry_whose_registrar_is_not_named_stops_the_start_and_the_message_says_which_setting(string named, string unnamed)
    {
        var options = Options(new() { [$"Whois:RegistrarNames:{named}"] = "A registrar", [$"Whois:RegistrarNames:{unnamed}"] = " " });

        var failure = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains("Whois__RegistrarNames__", failure.Message, StringComparison.Ordinal);
    }

    private static IOptions<WhoisOptions> Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton(ZoneCatalog.LoadEmbedded()).AddRegistrarWhois(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<WhoisOptions>>();
    }
}
