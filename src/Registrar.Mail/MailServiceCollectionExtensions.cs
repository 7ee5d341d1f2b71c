using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Core.Notices;

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
}
