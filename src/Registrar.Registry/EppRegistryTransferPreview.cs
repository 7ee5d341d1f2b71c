using Registrar.Core.Registry;
using Registrar.Core.Zones;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;

namespace Registrar.Registry;

/// <summary>A transfer's preview through EPP domain:info with the transfer code at the zone's registry.</summary>
public sealed class EppRegistryTransferPreview(ZoneCatalog zones, IEppClients clients) : IRegistryTransferPreview
{
    public async Task<TransferPreview?> PreviewAsync(string zone, string asciiName, string transferCode, CancellationToken cancellationToken)
    {
        var registry = zones.For(zone).RegistryId;
        try
        {
            var reply = await clients.For(registry).ExecuteAsync(new DomainInfoCommand(asciiName, transferCode), cancellationToken);
            return new TransferPreview(CodeAccepted: true, [.. reply.Value.Statuses.Select(s => s.Value)]);
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.InvalidAuthorizationInformation)
        {
            return new TransferPreview(CodeAccepted: false, []);
        }
        catch (EppCommandFailedException e) when (e.Code == EppResultCode.ObjectDoesNotExist)
        {
            return null;
        }
        catch (Exception e) when (EppRegistryAvailability.SaysNothing(e))
        {
            throw new RegistryUnavailableException(registry, e);
        }
    }
}
