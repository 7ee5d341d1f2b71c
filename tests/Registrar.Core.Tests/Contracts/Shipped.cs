using Registrar.Core.Calendars;
using Registrar.Core.Contracts;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Contracts;

/// <summary>The contract rules as shipped: zones.json, the embedded calendars and the two offers' terms.</summary>
internal static class Shipped
{
    public static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    /// <summary>Kyiv in winter (EET); summer time (EEST, +3) starts on 29 March 2026.</summary>
    public static readonly TimeSpan KyivWinter = TimeSpan.FromHours(2);

    public static readonly TimeSpan KyivSummer = TimeSpan.FromHours(3);

    public static ContractRules Rules { get; } = RulesWith(ZoneCatalog.LoadEmbedded());

    public static ContractRules RulesWith(ZoneCatalog zones) =>
        new(zones, BusinessCalendars.LoadEmbedded(), new ContractTermsCatalog(zones));
}
