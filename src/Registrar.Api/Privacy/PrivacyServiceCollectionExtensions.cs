using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Storage.Privacy;

namespace Registrar.Api.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>UA-Pre-6: retention and erasure of personal data. A host runs <see cref="PersonalDataErasureCheck"/> on a timer
    /// with its own <see cref="Core.Lifecycle.ILifecycleHistoryEraser"/>.</summary>
    public static IServiceCollection AddRegistrarPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UnpaidOrdersEraser>();
        services.AddSingleton<PayerQuotesEraser>();
        services.AddSingleton<PaymentRecordsEraser>();
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<PersonalDataErasureCheck>();
        services.AddSingleton<ErasureRequestOrders>();
        services.AddSingleton<EarlierErasureRequests>();
        services.AddSingleton<ErasureRequestHandler>();
        return services;
    }
}
