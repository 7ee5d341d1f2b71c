using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Registrar.Core.Notices;
using Registrar.Mail.Acs;

namespace Registrar.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The SMTP mail port, configured from "Mail:Smtp".</summary>
    public static IServiceCollection AddSmtpMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        return services;
    }

    /// <summary>The mail port on Azure Communication Services Email, configured from "Mail:Acs" and
    /// authenticated as the app's managed identity. A <see cref="TokenCredential"/>, a
    /// <see cref="TimeProvider"/> or <see cref="AcsEmailClientOptions"/> registered before is kept.</summary>
    public static IServiceCollection AddAcsMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AcsEmailOptions>()
            .Bind(configuration.GetSection(AcsEmailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<TokenCredential>(provider =>
        {
            var clientId = provider.GetRequiredService<IOptions<AcsEmailOptions>>().Value.ManagedIdentityClientId;
            var credentialOptions = new DefaultAzureCredentialOptions();
            // Only when set: the default already holds AZURE_CLIENT_ID, which a null would erase.
            if (!string.IsNullOrWhiteSpace(clientId)) credentialOptions.ManagedIdentityClientId = clientId;
            return new DefaultAzureCredential(credentialOptions);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new AcsEmailClientOptions());
        services.AddSingleton<IMailSender, AcsMailSender>();
        return services;
    }
}
