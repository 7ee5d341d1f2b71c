using System.Globalization;
using Microsoft.AspNetCore.Http;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>Which registrations operations list: <c>?phase=&amp;zone=&amp;after=&amp;pageSize=</c>, read the same way by
/// the API and the operations page. Every value is checked before it reaches a storage filter.</summary>
public sealed record RegistrationListQuery(RegistrationPhase? Phase, string? Zone, string? After, int PageSize)
{
    public const int DefaultPageSize = 50;

    /// <returns>The query, or the field at fault and why.</returns>
    public static (RegistrationListQuery? Query, string? Field, string? Error) Read(IQueryCollection query, ZoneCatalog zones)
    {
        RegistrationPhase? phase = null;
        if (query["phase"].ToString() is { Length: > 0 } phaseText)
        {
            if (!Enum.GetNames<RegistrationPhase>().Contains(phaseText)) return (null, "phase", "Not a registration phase.");
            phase = Enum.Parse<RegistrationPhase>(phaseText);
        }
        var zone = query["zone"].ToString() is { Length: > 0 } zoneText ? zoneText : null;
        if (zone is not null && !zones.All.Any(z => z.Zone == zone)) return (null, "zone", "Not a zone this registrar sells.");
        var after = query["after"].ToString() is { Length: > 0 } afterText ? afterText : null;
        if (after is not null && !RegistrationDirectory.IsPageKey(after)) return (null, "after", "Not the next-page value of a list.");
        var pageSize = DefaultPageSize;
        if (query["pageSize"].ToString() is { Length: > 0 } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > IRegistrationDirectory.MaxPageSize))
            return (null, "pageSize", $"From 1 to {IRegistrationDirectory.MaxPageSize}.");
        return (new RegistrationListQuery(phase, zone, after, pageSize), null, null);
    }

    public Task<RegistrationPage> ListAsync(IRegistrationDirectory directory, CancellationToken ct) =>
        directory.ListAsync(Phase, Zone, After, PageSize, ct);
}
