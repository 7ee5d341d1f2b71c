using Registrar.Core.Registry;
using Registrar.Core.Zones;
using Registrar.Epp.Commands;
using Registrar.Epp.Responses;
using Registrar.Epp.Sessions;
using Registrar.Epp.Transport;

namespace Registrar.Registry;

/// <summary>Availability through EPP domain:check at the zone's registry.</summary>
public sealed class EppRegistryAvailability(ZoneCatalog zones, IEppClients clients) : IRegistryAvailability
{
    public async Task<IReadOnlyDictionary<string, Availability>> CheckAsync(string zone, IReadOnlyList<string> asciiNames, CancellationToken cancellationToken)
    {
        var registry = zones.For(zone).RegistryId;
        try
        {
            var reply = await clients.For(registry).ExecuteAsync(new DomainCheckCommand(asciiNames), cancellationToken);
            return asciiNames.ToDictionary(n => n, n => new Availability(reply.Value[n].Available, reply.Value[n].Reason));
        }
        // An answer that leaves out a name asked says nothing of its availability, as an unreachable registry says nothing.
        catch (Exception e) when (SaysNothing(e) || e is CheckAnswerLacksNameException)
        {
            throw new RegistryUnavailableException(registry, e);
        }
    }

    /// <summary>A question the storefront asks before anything is spent went unanswered: no session, no answer that could be read, or
    /// a refusal of the question itself; what was asked is left to the command that would act on it.</summary>
    internal static bool SaysNothing(Exception e) =>
        e is EppConnectionException or EppSessionEndedException or EppProtocolException or EppCommandFailedException;
}
