using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Registrar.Api.Banks;
using Registrar.Api.Billing;
using Registrar.Api.Claims;
using Registrar.Api.Customers;
using Registrar.Api.Hosting;
using Registrar.Api.Http;
using Registrar.Api.Lifecycle;
using Registrar.Api.Operations;
using Registrar.Api.Operations.Page;
using Registrar.Api.Privacy;
using Registrar.Api.Security;
using Registrar.Api.Storefront;
using Registrar.Api.Whois;
using Registrar.Core.Calendars;
using Registrar.Core.Deadlines;
using Registrar.Core.Lifecycle;
using Registrar.Core.Names;
using Registrar.Core.Operations;
using Registrar.Core.Orders;
using Registrar.Core.Registrations;
using Registrar.Core.Registry;
using Registrar.Core.Requests;
using Registrar.Core.Tariffs;
using Registrar.Core.Zones;
using Registrar.Epp.Sessions;
using Registrar.Mail;
using Registrar.Payments.Camt054;
using Registrar.Payments.Matching;
using Registrar.Payments.Notifications;
using Registrar.Payments.Signatures;
using Registrar.Registry;
using Registrar.Storage.Configuration;
using Registrar.Storage.Queues;
using Registrar.Storage.Stores;

namespace Registrar.Api;

public static class RegistrarServiceCollectionExtensions
{
    /// <summary>
    /// Everything both hosts share: the rules core, payments, storage, the registry gateway, notices
    /// and the handlers. A host adds only what differs: its <see cref="Core.Notices.IMailSender"/>
    /// (SMTP or Azure Communication Email) and its <see cref="Core.Lifecycle.ILifecycleEvents{TEvent}"/>
    /// (the Tables runtime or Durable orchestrations).
    /// </summary>
    public static IServiceCollection AddRegistrar(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        AddRules(services, configuration);
        AddPayments(services, configuration);
        services.AddRegistrarStorage(configuration);
        services.AddSingleton<IReviewList, ReviewListStore>();
        services.AddSingleton<UnreadableMessages>();
        services.AddSingleton<RegistrationViewStore>();
        services.AddSingleton<IRegistrationViews>(sp => sp.GetRequiredService<RegistrationViewStore>());
        services.AddSingleton<IRegistrationViewFormats>(sp => sp.GetRequiredService<RegistrationViewStore>());
        services.AddSingleton<RegistrationViewFormatCheck>();
        services.AddSingleton<IRegistrantRecords, RegistrantRecordStore>();
        AddRegistry(services, configuration);
        AddNotices(services, configuration);
        AddHandlers(services, configuration);
        services.AddRegistrarWhois(configuration);
        services.AddRegistrarContracts(configuration);
        services.AddRegistrarPrivacy(configuration);
        return services;
    }

    private static void AddRules(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ZoneCatalog.LoadEmbedded());
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.AddSingleton(sp => PublishedSettings.Calendars(sp.GetRequiredService<IOptions<CalendarOptions>>().Value,
            sp.GetRequiredService<StorageClients>));
        services.AddSingleton(RefusalList.LoadEmbedded());
        services.Configure<TariffOptions>(configuration.GetSection(TariffOptions.Section));
        services.AddSingleton(sp => PublishedSettings.Tariffs(sp.GetRequiredService<IOptions<TariffOptions>>().Value,
            sp.GetRequiredService<ZoneCatalog>(), sp.GetRequiredService<StorageClients>));
        services.AddHostedService<TariffStartupCheck>();
        services.AddSingleton<DomainNameParser>();
        services.AddSingleton<ZoneDeadlines>();
        services.AddSingleton<IRegistrationSchedule>(sp => sp.GetRequiredService<ZoneDeadlines>());
        services.AddSingleton<PlaceOrderFlow>();
        services.AddSingleton<RegistrationDecider>();
        services.TryAddSingleton<ILifecycleDecider<RegistrationState, RegistrationEvent, RegistrationCommand>>(
            sp => sp.GetRequiredService<RegistrationDecider>());
    }

    private static void AddPayments(IServiceCollection services, IConfiguration configuration)
    {
        // One Banks:{id} section per bank; the verifiers get each bank's secret or key from it.
        services.AddOptions<HmacSignatureOptions>().Bind(configuration.GetSection("Payments:Hmac"))
            .PostConfigure<IOptions<BankOptions>>((hmac, banks) =>
            {
                foreach (var (id, bank) in banks.Value.Banks)
                    if (!string.IsNullOrEmpty(bank.HmacSecret)) hmac.SecretsByBank[id] = bank.HmacSecret;
            });
        services.AddOptions<EcdsaSignatureOptions>().Bind(configuration.GetSection("Payments:Ecdsa"))
            .PostConfigure<IOptions<BankOptions>>((ecdsa, banks) =>
            {
                foreach (var (id, bank) in banks.Value.Banks)
                    if (!string.IsNullOrEmpty(bank.EcdsaPublicKey)) ecdsa.PublicKeysByBank[id] = bank.EcdsaPublicKey;
            });
        services.Configure<Camt054ReaderOptions>(configuration.GetSection("Payments:Camt054"));
        services.Configure<BankOptions>(banks =>
        {
            configuration.GetSection(BankOptions.Section).Bind(banks.Banks);
            banks.AnswerWithin = configuration.GetValue("Payments:AnswerWithin", banks.AnswerWithin);
        });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HmacSignatureOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EcdsaSignatureOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Camt054ReaderOptions>>().Value);
        services.AddSingleton<HmacSignatureVerifier>();
        services.AddSingleton<EcdsaSignatureVerifier>();
        services.AddSingleton<HmacJsonNotificationReader>();
        services.AddSingleton<EcdsaJsonNotificationReader>();
        services.AddSingleton<Camt054Reader>();
        services.AddSingleton<IInvoiceLookup, StoredInvoiceLookup>();
        services.AddSingleton<PaymentMatcher>();
        services.AddSingleton<EndedRenewals>();
        services.AddSingleton<PaymentProcessor>();
        services.AddSingleton<AcquirerPaymentChanges>();
        services.AddSingleton<ReversalReporter>();
        services.AddSingleton<BankMessageReader>();
        services.AddSingleton<BankMessageApplier>();
        services.AddSingleton<UnprocessedPaymentRecovery>();
    }

    private static void AddRegistry(IServiceCollection services, IConfiguration configuration)
    {
        // KZ-App-9: the registry flow that sets a transfer code and the notice that mails it derive it with one key.
        services.AddOptions<TransferCodeOptions>().Bind(configuration.GetSection(TransferCodeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new TransferCodes(sp.GetRequiredService<IOptions<TransferCodeOptions>>().Value.SigningKey));
        services.AddEppClients(configuration);
        services.Configure<RegistryOptions>(configuration.GetSection(RegistryOptions.Section));
        services.AddSingleton<IRegistryAvailability, EppRegistryAvailability>();
        services.AddSingleton<IRegistryTransferPreview, EppRegistryTransferPreview>();
        // A transfer in's code stays in its order: the registry flow reads it there, when it asks for the transfer.
        services.AddSingleton<IIncomingTransferCodes, OrderTransferCodes>();
        services.AddSingleton<RegistryCommandExecutor>();
        services.AddSingleton<RegistryCommandRunner>();
        services.AddSingleton<RegistryPollDrainer>();
    }

    private static void AddNotices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NoticeOptions>().Bind(configuration.GetSection(NoticeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // A host without an environment (none registered) is held to production's rule.
        services.AddSingleton<IValidateOptions<NoticeOptions>>(sp =>
            new NoticeLinkValidation(sp.GetService<IHostEnvironment>()?.IsDevelopment() == true));
        services.AddSingleton<SetPasswordLinks>();
        services.AddSingleton<RequestConfirmationLinks>();
        services.AddSingleton<NoticeComposer>();
    }

    private static void AddHandlers(IServiceCollection services, IConfiguration configuration)
    {
        // Enums travel as their names: a storefront reads "Paid", not 1. Numbers are read as StrictJson reads bodies, so the
        // OpenAPI document, which describes these options, no longer offers "1" where only 1 is taken.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<ApiClientOptions>(configuration.GetSection(ApiClientOptions.Section));
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<IdempotentRequests>();
        services.AddSingleton<NamesHeldHere>();
        services.AddSingleton<QuoteHandler>();
        services.AddSingleton<OrderNameClaims>();
        services.AddSingleton<PlaceOrderHandler>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<InvoiceQueries>();
        services.AddSingleton<NameTakenChoiceHandler>();
        services.AddSingleton<CustomerAccounts>();
        services.AddSingleton<IContactAddresses>(sp => sp.GetRequiredService<CustomerAccounts>());
        services.AddSingleton<ContactEmailConsent>();
        services.AddSingleton<TransferCodeChecks>();
        services.AddSingleton<NameServerChecks>();
        services.AddSingleton<TransferInChecks>();
        services.AddSingleton<RegistrantHandleChecks>();
        services.AddSingleton<TransferCodeHandOverHandler>();
        services.AddSingleton<TerminationNotices>();
        services.AddSingleton<CustomerRequestProving>();
        services.AddSingleton<CustomerRequestHandlers>();
        services.AddSingleton<RequestConfirmationHandlers>();
        services.AddSingleton<RenewalInvoiceChecks>();
        services.AddSingleton<RenewalInvoiceRequestHandler>();
        services.AddSingleton<SetPasswordLinkHandler>();
        services.AddSingleton<BankNotificationHandlers>();
        services.AddSingleton<OperationsHandlers>();
        services.AddSingleton<OperationsDecisionReader>();
        services.AddSingleton<OperationsDecisionHandlers>();
        services.AddSingleton<RefundDecisionHandlers>();
        services.AddSingleton<RegistrationActions>();
        services.AddSingleton<NoticeResends>();
        services.AddSingleton<WorkQueues>();
        services.AddSingleton<WorkQueueHandler>();
        services.AddOptions<OperationsPageOptions>().Bind(configuration.GetSection(OperationsPageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OperationsPagePaths>();
        services.AddSingleton<OperationsSessions>();
        services.AddSingleton<OperationsPageHandlers>();
        services.AddSingleton<OperationsOverviewPage>();
        services.AddSingleton<RegistrationTimelinePage>();
        services.AddSingleton<HeldPaymentPageHandlers>();
        services.AddSingleton<DecisionPageHandlers>();
        services.AddSingleton<HeldPaymentJournal>();
        services.AddSingleton<HeldPaymentCompletion>();
        services.AddSingleton<ApplyHeldPaymentFlow>();
        services.AddSingleton<RefundHeldPaymentFlow>();
        services.AddSingleton<HeldPaymentHandlers>();
        services.AddSingleton<ReadCreditFlow>();
        services.AddSingleton<ReadCreditCompletion>();
        services.AddSingleton<ReadCreditHandler>();
        services.AddSingleton<RenewalIssueInstants>();
        services.AddSingleton<IssueRenewalInvoiceFlow>();
        services.AddSingleton<NameTakenHolds>();
        services.AddSingleton<HoldPaymentForAnotherNameFlow>();
        services.AddSingleton<HoldUnrenderedRenewalPaymentFlow>();
        services.AddSingleton<CancelRenewalInvoiceFlow>();
        services.AddSingleton<RegistrationCommandHandler>();
        services.AddSingleton<PoisonedLifecycleEvents>();
    }
}
