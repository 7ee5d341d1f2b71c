using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registrar.Api.Operations;
using Registrar.Core.Contracts;

namespace Registrar.Api.Claims;

public static class ContractServiceCollectionExtensions
{
    /// <summary>The contract's rules (claims, terminations, refunds, force majeure, transfers) and their handlers.</summary>
    public static IServiceCollection AddRegistrarContracts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClaimOptions>().Bind(configuration.GetSection(ClaimOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContractTermsCatalog>();
        services.AddSingleton<ContractRules>();
        services.AddSingleton<ClaimHandlers>();
        services.AddSingleton<OverdueClaimsCheck>();
        services.AddSingleton<ForceMajeureHandlers>();
        services.AddSingleton<ForceMajeureProofHandler>();
        services.AddSingleton<EarlyTerminationRefundHandler>();
        services.AddSingleton<PaidTermsReader>();
        return services;
    }
}
