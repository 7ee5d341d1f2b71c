using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registrar.Core.Notices;
using Registrar.Mail.Acs;

namespace Registrar.Mail.Tests.Acs;

public sealed class AcsMailRegistrationTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Mail:Acs:Endpoint"] = "https://acs-x.europe.communication.azure.com",
        ["Mail:Acs:SenderAddress"] = "DoNotReply@registrar.test",
        ["Mail:Acs:ReplyToAddress"] = "support@registrar.kz",
        ["Mail:Acs:MaxWait"] = "00:00:30",
    };

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection().AddLogging();
        before?.Invoke(services);
        services.AddAcsMail(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_mail_port_is_the_acs_sender_configured_from_mail_acs_with_the_default_azure_credential()
    {
        using var provider = Build(Settings);

        Assert.IsType<AcsMailSender>(provider.GetRequiredService<IMailSender>());
        Assert.IsType<DefaultAzureCredential>(provider.GetRequiredService<TokenCredential>());
        var options = provider.GetRequiredService<IOptions<AcsEmailOptions>>().Value;
        Assert.Equal(new Uri("https://acs-x.europe.communication.azure.com"), options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxWait);
    }

    [Fact]
    public void A_token_credential_registered_before_is_kept()
    {
        var credential = new FixedTokenCredential();
        using var provider = Build(Settings, services => services.AddSingleton<TokenCredential>(credential));

        Assert.Same(credential, provider.GetRequiredService<TokenCredential>());
    }

    [Theory]
    [InlineData("Mail:Acs:Endpoint", null)]
    [InlineData("Mail:Acs:Endpoint", "http://acs-x.europe.communication.azure.com")]
    [InlineData("Mail:Acs:SenderAddress", "not an address")]
    [InlineData("Mail:Acs:MaxWait", "00:00:00")]
    [InlineData("Mail:Acs:ReplyToAddress", null)]
    [InlineData("Mail:Acs:ReplyToAddress", "support@registrar.example")]
    [InlineData("Mail:Acs:ReplyToAddress", "support@mail.example.com")]
    public void A_missing_or_wrong_setting_is_refused(string key, string? value)
    {
        using var provider = Build(new Dictionary<string, string?>(Settings) { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AcsEmailOptions>>().Value);
        Assert.Contains(key.Split(':')[^1], error.Message);
    }
}
