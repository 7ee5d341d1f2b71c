using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Registrar.Core.Notices;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Storage.Metering;
using Registrar.Storage.Stores;

namespace Registrar.Storage.Configuration;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The storage clients (metered), bound from the <c>Storage</c> section, and every store.
    /// Stores are generic over the document type the caller keeps in them, e.g.
    /// <c>IOrderStore&lt;Order&gt;</c>. Any <see cref="HttpPipelinePolicy"/> registered in the container is
    /// added to every client's pipeline.</summary>
    public static IServiceCollection AddRegistrarStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageMeter>();
        services.TryAddSingleton(sp => new StorageClients(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<StorageMeter>(),
            sp.GetServices<HttpPipelinePolicy>()));

        services.TryAddSingleton(typeof(IAccountStore<,>), typeof(AccountStore<,>));
        services.TryAddSingleton(typeof(IOrderStore<>), typeof(OrderStore<>));
        services.TryAddSingleton<IOrderNameClaimStore, OrderNameClaimStore>();
        // One sequence store for every invoice store: it remembers the counters it wrote last, and two would each find the
        // other's writes as a conflict.
        services.TryAddSingleton<InvoiceSequenceStore>();
        services.TryAddSingleton(typeof(IInvoiceStore<>), typeof(InvoiceStore<>));
        services.TryAddSingleton(typeof(INoticeStore<>), typeof(NoticeStore<>));
        services.TryAddSingleton(typeof(IAuditLog<>), typeof(AuditLog<>));
        services.TryAddSingleton<PublishedPriceListStore>();
        services.TryAddSingleton<IPaymentStore, PaymentStore>();
        services.TryAddSingleton<IBankMessageStore, BankMessageStore>();
        services.TryAddSingleton<IIdempotencyKeyStore, IdempotencyKeyStore>();
        services.TryAddSingleton<IClaimStore, ClaimStore>();
        services.TryAddSingleton<IForceMajeureNoticeStore, ForceMajeureNoticeStore>();
        services.TryAddSingleton<ISingleUseLinkStore, SingleUseLinkStore>();
        services.TryAddSingleton<IEndedSessions, EndedSessionStore>();
        services.TryAddSingleton<ICustomerRequestStore, CustomerRequestStore>();
        services.TryAddSingleton<IRegistrationDecisionClaims, RegistrationDecisionClaimStore>();
        services.TryAddSingleton<IHeldPaymentStore, HeldPaymentStore>();
        services.TryAddSingleton<IRegistrationDirectory, RegistrationDirectory>();
        services.TryAddSingleton<IErasureSchedule, ErasureSchedule>();
        services.TryAddSingleton<IErasureRequestStore, ErasureRequestStore>();
        services.TryAddSingleton<IRefundLedger, RefundLedgerStore>();
        services.TryAddSingleton<IAuditSearch, AuditSearch>();
        return services;
    }
}
