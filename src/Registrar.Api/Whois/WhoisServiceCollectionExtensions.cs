using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registrar.Core.Whois;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;

namespace Registrar.Api.Whois;

public static class WhoisServiceCollectionExtensions
{
    /// <summary>The public lookups, their rate limit policy, and UA-1.16 disclosures.</summary>
    public static IServiceCollection AddRegistrarWhois(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WhoisOptions>().Bind(configuration.GetSection(WhoisOptions.Section)).ValidateDataAnnotations()
            .Validate(whois => whois.Window > TimeSpan.Zero, "Whois:Window must be positive.")
            .Validate<ZoneCatalog>((whois, zones) => !whois.UnnamedRegistries(zones).Any(),
                "Whois:RegistrarNames names the registrar of each registry whose zones are served (Whois__RegistrarNames__kaznic, Whois__RegistrarNames__hostmaster).")
            .ValidateOnStart();
        services.AddSingleton<WhoisPublication>();
        services.AddSingleton<IRegisteredDomainDirectory, RegisteredDomainDirectory>();
        services.AddSingleton<IDisclosureRequestStore, DisclosureRequestStore>();
        services.AddSingleton<PublicLookupHandlers>();
        services.AddSingleton<RdapServiceHandlers>();
        services.AddSingleton<DisclosureHandlers>();
        services.AddSingleton<PublicLookupRateLimitPolicy>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<PublicLookupRateLimitPolicy>((limiter, policy) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PublicLookupRateLimitPolicy.Name, policy);
        });
        return services;
    }
}
