using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Core.Telemetry;
using Registrar.Core.Zones;
using Registrar.Epp.Profiles;
using Registrar.Epp.Sessions;
using Registrar.Registry.Flows;

namespace Registrar.Registry;

/// <summary>
/// Carries out a registration's registry commands over EPP, one flow per registry operation, and reduces the
/// registry's answer to a <see cref="RegistryOutcome"/>. The command id is the clTRID. A command sent without an
/// answer that can be trusted is <see cref="OutcomeUnknown"/>; EPP 1001 is <see cref="RegistryPending"/>; any other
/// failure answer is <see cref="RegistryRefused"/>. Transient failures (nothing was sent) throw, for the queue to retry.
/// </summary>
public sealed class RegistryCommandExecutor
{
    private readonly ContactCreateFlow _contactCreate;
    private readonly DomainCreateFlow _domainCreate;
    private readonly DomainInfoFlow _domainInfo;
    private readonly DomainRenewFlow _domainRenew;
    private readonly DomainDeleteFlow _domainDelete;
    private readonly DomainRestoreFlow _domainRestore;
    private readonly DomainUpdateFlow _domainUpdate;
    private readonly DomainHoldsFlow _domainHolds;
    private readonly DomainTransferCodeFlow _domainTransferCode;
    private readonly DomainRegistrantChangeFlow _domainRegistrantChange;
    private readonly ContactUpdateFlow _contactUpdate;
    private readonly DomainTransferInFlow _domainTransferIn;
    private readonly DomainTransferActionFlow _domainTransferAction;

    public RegistryCommandExecutor(
        ZoneCatalog zones, IEppClients clients, IOptions<RegistryOptions> options, IOptions<EppOptions> epp, TransferCodes transferCodes,
        IIncomingTransferCodes incomingTransferCodes, ILogger<RegistryCommandExecutor> logger)
    {
        var registries = new ZoneRegistries(zones, clients, epp);
        var failures = new RegistryFailures(logger);
        _domainInfo = new DomainInfoFlow(registries, failures, transferCodes);
        _contactCreate = new ContactCreateFlow(registries, failures);
        _domainCreate = new DomainCreateFlow(registries, _contactCreate, _domainInfo, options, failures, transferCodes);
        _domainRenew = new DomainRenewFlow(registries, _domainInfo, failures);
        _domainDelete = new DomainDeleteFlow(registries, new SubordinateHostRemoval(registries, failures), failures);
        _domainRestore = new DomainRestoreFlow(registries, failures);
        _domainUpdate = new DomainUpdateFlow(registries, failures);
        _domainHolds = new DomainHoldsFlow(registries, failures);
        _domainTransferCode = new DomainTransferCodeFlow(registries, transferCodes, failures);
        _domainRegistrantChange = new DomainRegistrantChangeFlow(registries, _contactCreate, failures);
        _contactUpdate = new ContactUpdateFlow(registries, _domainRegistrantChange, failures);
        _domainTransferIn = new DomainTransferInFlow(registries, _domainInfo, incomingTransferCodes, failures);
        _domainTransferAction = new DomainTransferActionFlow(registries, _domainInfo, failures);
    }

    public async Task<RegistryOutcome> ExecuteAsync(RegistrationCommand command, CancellationToken ct)
    {
        using var activity = RegistrarTelemetry.Lifecycle.StartActivity($"registry {command.GetType().Name}", ActivityKind.Internal);
        activity?.SetTag("registrar.registration", command.RegistrationId);
        activity?.SetTag("registrar.command.id", command.CommandId);
        var outcome = command switch
        {
            CreateRegistryContact create => await _contactCreate.RunAsync(create, ct),
            CreateDomain create => await _domainCreate.RunAsync(create, ct),
            QueryDomain query => await _domainInfo.RunAsync(query, ct),
            RenewDomain renew => await _domainRenew.RunAsync(renew, ct),
            DeleteDomain delete => await _domainDelete.RunAsync(delete, ct),
            RestoreDomain restore => await _domainRestore.RunAsync(restore, ct),
            UpdateDomainNameservers update => await _domainUpdate.RunAsync(update, ct),
            SetDomainHolds holds => await _domainHolds.RunAsync(holds, ct),
            SetTransferCode set => await _domainTransferCode.RunAsync(set, ct),
            ChangeRegistrant change => await _domainRegistrantChange.RunAsync(change, ct),
            UpdateRegistrantContact update => await _contactUpdate.RunAsync(update, ct),
            RequestTransferIn transfer => await _domainTransferIn.RunAsync(transfer, ct),
            CancelTransferInRequest cancel => await _domainTransferAction.RunAsync(cancel, ct),
            RejectTransferAway reject => await _domainTransferAction.RunAsync(reject, ct),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a registry command.", nameof(command)),
        };
        activity?.SetTag("registrar.registry.outcome", outcome.GetType().Name);
        return outcome;
    }
}
