using Microsoft.Extensions.Options;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Epp.Commands;
using Registrar.Epp.Extensions;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using DomainCreated = Registrar.Core.Registrations.DomainCreated;
using DomainInfo = Registrar.Core.Registrations.DomainInfo;

namespace Registrar.Registry.Flows;

/// <summary>RFC 5731 domain:create. A create answered "exists" is followed by an info, so a create repeated
/// after a crash is recognised as our own rather than as a name someone else took.</summary>
internal sealed class DomainCreateFlow(
    ZoneRegistries registries, ContactCreateFlow contacts, DomainInfoFlow info, IOptions<RegistryOptions> options, RegistryFailures failures,
    TransferCodes codes)
{
    public async Task<RegistryOutcome> RunAsync(CreateDomain create, CancellationToken ct)
    {
        var client = registries.For(create.Zone);
        var tech = await TechnicalContactAsync(client, create, ct);
        if (tech.Failure is not null) return tech.Failure;

        var command = new DomainCreateCommand
        {
            DomainName = create.DomainName,
            Period = EppPeriod.Years(create.TermYears),
            Registrant = create.RegistrantHandle,
            Contacts = [new DomainContact("tech", tech.Handle!), new DomainContact("admin", create.RegistrantHandle)],
            // KZ-2.1: the read-back after "exists" knows this registration's create by its authInfo.
            AuthInfoPassword = codes.ForCreatedDomain(create.RegistrationId),
            // UA-Pre-7: a second-level .ua name is registered under its trademark licence.
            Extensions = create.TrademarkLicence is { } licence ? [HostmasterLicenceExtension.ForCreate(licence)] : [],
        };
        try
        {
            var reply = await client.ExecuteAsync(command, create.CommandId, ct);
            // EPP 1001: the registry decides later (its poll message or the sweep tells); an info now would show
            // a pendingCreate object that reads as registered.
            if (reply.IsPending) return new RegistryPending();
            // UA-1.6: the expiry is the registry's; an answer without one is read back with info.
            return reply.Value.ExpiresAt is { } expiresAt
                ? new DomainCreated(expiresAt)
                : await info.ReadAsync(client, create.DomainName, create.RegistrationId, create.CommandId + "-i", ct);
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectExists)
        {
            return await info.ReadAsync(client, create.DomainName, create.RegistrationId, create.CommandId + "-i", ct) switch
            {
                // RFC 5731 section 3.1.2 leaves what is shown of another sponsor's name to the registry, and some refuse the
                // info (2201, RFC 5730 section 3). The name exists (2302) and ours is always shown to us: it is another's.
                RegistryRefused { Code: (int)EppResultCode.AuthorizationError } => new DomainInfo(true, false, null, null),
                var outcome => outcome,
            };
        }
        catch (Exception e) when (RegistryFailures.LeftOutcomeUnknown(e))
        {
            return new OutcomeUnknown();
        }
        catch (EppCommandFailedException e)
        {
            return failures.Refused(e);
        }
    }

    /// <summary>UA-1.14: the registrant, the registrar's own handle, or a contact created for the named person.</summary>
    private async Task<(string? Handle, RegistryOutcome? Failure)> TechnicalContactAsync(IEppClient client, CreateDomain create, CancellationToken ct)
    {
        switch (create.TechnicalContact.Kind)
        {
            case TechnicalContactKind.Registrant:
                return (create.RegistrantHandle, null);
            case TechnicalContactKind.Registrar:
                return options.Value.RegistrarTechnicalContacts.TryGetValue(client.RegistryId, out var handle)
                    ? (handle, null)
                    : (null, new RegistryRefused(2306, $"No registrar technical contact is configured for registry '{client.RegistryId}' (Registry:RegistrarTechnicalContacts)."));
            default:
                var id = RegistryContacts.TechnicalOf(create.RegistrationId);
                var failure = await contacts.EnsureAsync(client, id, create.TechnicalContact.Person!, create.CommandId + "-t", ct);
                return failure is null ? (id, null) : (null, failure);
        }
    }
}
