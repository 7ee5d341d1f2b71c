using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Epp.Commands;
using Registrar.Epp.Extensions;
using Registrar.Epp.Profiles;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using ContactCreated = Registrar.Core.Registrations.ContactCreated;
using DomainCreated = Registrar.Core.Registrations.DomainCreated;
using DomainInfo = Registrar.Core.Registrations.DomainInfo;

namespace Registrar.Registry;

/// <summary>
/// Carries out a registration's registry commands over EPP and reduces the registry's answer to a
/// <see cref="RegistryOutcome"/>. The command id is the clTRID. A create answered "exists" is
/// followed by an info, so a create repeated after a crash is recognised as our own. Transient
/// failures (nothing was sent) throw, for the queue to retry.
/// </summary>
public sealed class RegistryCommandExecutor(
    ZoneCatalog zones, IEppClients clients, IOptions<RegistryOptions> options, IOptions<EppOptions> epp, ILogger<RegistryCommandExecutor> logger)
{
    public async Task<RegistryOutcome> ExecuteAsync(RegistrationCommand command, CancellationToken ct) => command switch
    {
        CreateRegistryContact create => await CreateContactAsync(create, ct),
        CreateDomain create => await CreateDomainAsync(create, ct),
        QueryDomain query => await QueryAsync(Client(query.Zone), query.DomainName, query.CommandId + "-i", ct),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a registry command.", nameof(command)),
    };

    private async Task<RegistryOutcome> CreateContactAsync(CreateRegistryContact create, CancellationToken ct)
    {
        var client = Client(create.Zone);
        var id = RegistryContacts.IdFor(create.RegistrationId, "registrant");
        return await EnsureContactAsync(client, id, create.Registrant, create.CommandId, ct) switch
        {
            null => new ContactCreated(id),
            var failure => failure,
        };
    }

    private async Task<RegistryOutcome> CreateDomainAsync(CreateDomain create, CancellationToken ct)
    {
        var client = Client(create.Zone);
        var tech = await TechnicalContactAsync(client, create, ct);
        if (tech.Failure is not null) return tech.Failure;

        var command = new DomainCreateCommand
        {
            DomainName = create.DomainName,
            Period = EppPeriod.Years(create.TermYears),
            Registrant = create.RegistrantHandle,
            Contacts = [new DomainContact("tech", tech.Handle!), new DomainContact("admin", create.RegistrantHandle)],
            AuthInfoPassword = RegistryContacts.NewAuthInfo(),
            // UA-Pre-7: a second-level .ua name is registered under its trademark licence.
            Extensions = create.TrademarkLicence is { } licence ? [HostmasterLicenceExtension.ForCreate(licence)] : [],
        };
        try
        {
            var reply = await client.ExecuteAsync(command, create.CommandId, ct);
            // UA-1.6: the expiry is the registry's; a pending create is read back with info.
            return reply.Value.ExpiresAt is { } expiresAt && !reply.Value.IsPending
                ? new DomainCreated(expiresAt)
                : await QueryAsync(client, create.DomainName, create.CommandId + "-i", ct);
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectExists)
        {
            return await QueryAsync(client, create.DomainName, create.CommandId + "-i", ct);
        }
        catch (Exception e) when (e is EppOutcomeUnknownException or EppProtocolException)
        {
            // Sent, but no answer we can trust: the registration asks the registry (info) instead of asking twice.
            return new OutcomeUnknown();
        }
        catch (EppCommandFailedException e)
        {
            return Refused(e);
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
                var id = RegistryContacts.IdFor(create.RegistrationId, "tech");
                var failure = await EnsureContactAsync(client, id, create.TechnicalContact.Person!, create.CommandId + "-t", ct);
                return failure is null ? (id, null) : (null, failure);
        }
    }

    /// <returns>Null when the contact exists as ours, whether made now or by an earlier attempt.</returns>
    private async Task<RegistryOutcome?> EnsureContactAsync(IEppClient client, string id, RegistrantData data, string clTrid, CancellationToken ct)
    {
        try
        {
            await client.ExecuteAsync(RegistryContacts.CreateCommand(id, data), clTrid, ct);
            return null;
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectExists)
        {
            var info = await client.ExecuteAsync(new ContactInfoCommand(id), clTrid + "-i", ct);
            return info.Value.SponsoringClientId == ClientIdOf(client) ? null
                : new RegistryRefused((int)e.Code, $"Contact {id} exists at the registry under another registrar.");
        }
        catch (Exception e) when (e is EppOutcomeUnknownException or EppProtocolException)
        {
            // Sent, but no answer we can trust: the registration asks the registry (info) instead of asking twice.
            return new OutcomeUnknown();
        }
        catch (EppCommandFailedException e)
        {
            return Refused(e);
        }
    }

    private async Task<RegistryOutcome> QueryAsync(IEppClient client, string domainName, string clTrid, CancellationToken ct)
    {
        try
        {
            var info = (await client.ExecuteAsync(new DomainInfoCommand(domainName), clTrid, ct)).Value;
            return new DomainInfo(true, info.SponsoringClientId == ClientIdOf(client), info.Registrant, info.ExpiresAt);
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectDoesNotExist)
        {
            return new DomainInfo(false, false, null, null);
        }
        catch (EppCommandFailedException e)
        {
            return Refused(e);
        }
    }

    private RegistryRefused Refused(EppCommandFailedException e)
    {
        logger.LogWarning("Registry refused {Command} ({ClTrid}): {Code} {Message}", e.Command, e.ClientTransactionId, (int)e.Code, e.Result.Message);
        return new RegistryRefused((int)e.Code, e.Result.Message);
    }

    private IEppClient Client(string zone) => clients.For(zones.For(zone).RegistryId);

    /// <summary>Our own clID at the client's registry: what "sponsored by us" compares with.</summary>
    private string ClientIdOf(IEppClient client) => epp.Value.Registries[client.RegistryId].ClientId;
}
