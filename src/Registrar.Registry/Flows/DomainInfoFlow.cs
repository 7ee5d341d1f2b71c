using Registrar.Core.Registrations;
using Registrar.Core.Requests;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using DomainInfo = Registrar.Core.Registrations.DomainInfo;

namespace Registrar.Registry.Flows;

/// <summary>RFC 5731 domain:info reduced to what the lifecycle decides on: existence, sponsor, registrant,
/// expiry, the domain's statuses with its RFC 3915 rgpStatus values, its name servers, its create date, and whether its authInfo is the one
/// the registration's own create set (<see cref="TransferCodes.ForCreatedDomain"/>).</summary>
internal sealed class DomainInfoFlow(ZoneRegistries registries, RegistryFailures failures, TransferCodes codes)
{
    public Task<RegistryOutcome> RunAsync(QueryDomain query, CancellationToken ct) =>
        ReadAsync(registries.For(query.Zone), query.DomainName, query.RegistrationId, query.CommandId + "-i", ct);

    public async Task<RegistryOutcome> ReadAsync(IEppClient client, string domainName, string registrationId, string clTrid, CancellationToken ct)
    {
        try
        {
            var info = (await client.ExecuteAsync(new DomainInfoCommand(domainName), clTrid, ct)).Value;
            // An empty <domain:pw/> is a registry that shows the sponsor no authInfo: it tells nothing.
            var createdByThisRegistration = info.AuthInfoPassword is { Length: > 0 } shown
                ? string.Equals(shown, codes.ForCreatedDomain(registrationId), StringComparison.Ordinal)
                : (bool?)null;
            return new DomainInfo(true, info.SponsoringClientId == registries.OurClientId(client), info.Registrant, info.ExpiresAt,
                [.. info.Statuses.Select(s => s.Value).Concat(info.RgpStatuses).Distinct(StringComparer.Ordinal)], info.CreatedAt,
                createdByThisRegistration, [.. info.NameServers.Select(n => n.ToLowerInvariant())]);
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectDoesNotExist)
        {
            return new DomainInfo(false, false, null, null);
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
}
