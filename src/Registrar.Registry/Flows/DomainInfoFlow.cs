using Registrar.Core.Registrations;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using DomainInfo = Registrar.Core.Registrations.DomainInfo;

namespace Registrar.Registry.Flows;

/// <summary>RFC 5731 domain:info reduced to what the lifecycle decides on: existence, sponsor, registrant,
/// expiry, and the domain's statuses with its RFC 3915 rgpStatus values.</summary>
internal sealed class DomainInfoFlow(ZoneRegistries registries, RegistryFailures failures)
{
    public Task<RegistryOutcome> RunAsync(QueryDomain query, CancellationToken ct) =>
        ReadAsync(registries.For(query.Zone), query.DomainName, query.CommandId + "-i", ct);

    public async Task<RegistryOutcome> ReadAsync(IEppClient client, string domainName, string clTrid, CancellationToken ct)
    {
        try
        {
            var info = (await client.ExecuteAsync(new DomainInfoCommand(domainName), clTrid, ct)).Value;
            return new DomainInfo(true, info.SponsoringClientId == registries.OurClientId(client), info.Registrant, info.ExpiresAt,
                [.. info.Statuses.Select(s => s.Value).Concat(info.RgpStatuses).Distinct(StringComparer.Ordinal)], info.CreatedAt);
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
