using System.Text.Json;
using Registrar.Core.Zones;

namespace Registrar.Core.Tariffs;

/// <summary>
/// UA-2.1.4 / UA-3.3: the published tariffs of every zone, each in force from its effective instant
/// until the zone's next one. Quotes snapshot the price, so issued invoices never change.
/// </summary>
public sealed class TariffSchedule
{
    private const string EmbeddedResource = "Registrar.Core.Tariffs.tariffs.json";

    private readonly ZoneCatalog zones;
    private readonly Dictionary<string, List<PricedPeriod>> periodsByZone;

    private TariffSchedule(ZoneCatalog zones, Dictionary<string, List<PricedPeriod>> periodsByZone, string document)
    {
        this.zones = zones;
        this.periodsByZone = periodsByZone;
        Document = document;
        All = periodsByZone.Values.SelectMany(periods => periods).SelectMany(p => p.Tariffs.Values).ToList();
    }

    /// <summary>Every published price, including those no longer or not yet in force.</summary>
    public IReadOnlyList<Tariff> All { get; }

    /// <summary>The tariffs.json text this schedule was read from, as kept for the next list to be judged against (UA-3.3).</summary>
    public string Document { get; }

    /// <summary>The tariffs shipped with Registrar.Core (Tariffs/tariffs.json).</summary>
    public static TariffSchedule LoadEmbedded(ZoneCatalog zones) => Parse(EmbeddedData.ReadText(EmbeddedResource), zones);

    /// <summary>Reads a tariffs.json document, such as the one operations publish.</summary>
    /// <exception cref="TariffDataException">The document is malformed or inconsistent with the zones.</exception>
    public static TariffSchedule Parse(string json, ZoneCatalog zones)
    {
        TariffDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<TariffDocument>(json, PolicyJson.Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            throw new TariffDataException($"The tariff data cannot be read: {e.Message}", e);
        }
        if (document is null || document.Tariffs.Count == 0)
            throw new TariffDataException("The tariff data lists no tariffs; expected {\"tariffs\": [ ... ]}.");

        var periodsByZone = new Dictionary<string, List<PricedPeriod>>(StringComparer.Ordinal);
        foreach (var entry in document.Tariffs)
        {
            var period = TariffEntryReader.Read(entry, zones);
            var periods = periodsByZone.TryGetValue(period.Zone, out var list) ? list : periodsByZone[period.Zone] = [];
            if (periods.Any(p => p.EffectiveFrom == period.EffectiveFrom))
                throw new TariffDataException(
                    $"Two tariffs for .{period.Zone} take effect at {period.EffectiveFrom:O}; one instant has one tariff.");
            periods.Add(period);
        }
        foreach (var periods in periodsByZone.Values)
            periods.Sort((a, b) => a.EffectiveFrom.CompareTo(b.EffectiveFrom));
        return new TariffSchedule(zones, periodsByZone, json);
    }

    /// <summary>The zones whose tariff in force at <paramref name="at"/>, or any taking effect after it, holds placeholder
    /// amounts: prices no customer may be billed until operations publish the real ones. A later one counts too, since a
    /// host started now quotes it from the day it takes effect without starting again.</summary>
    public IReadOnlyList<string> ZonesWithPlaceholdersFrom(DateTimeOffset at) =>
        [.. periodsByZone
            .Where(zone => zone.Value.SkipWhile((_, i) => i + 1 < zone.Value.Count && zone.Value[i + 1].EffectiveFrom <= at)
                .Any(period => period.Tariffs.Values.Any(t => t.IsPlaceholder)))
            .Select(zone => zone.Key)
            .Order(StringComparer.Ordinal)];

    /// <summary>The price of <paramref name="operation"/> in <paramref name="zone"/> in force at <paramref name="at"/>.</summary>
    /// <exception cref="UnknownZoneException">This registrar does not serve the zone.</exception>
    /// <exception cref="NoTariffInForceException">The instant is before the zone's first tariff.</exception>
    /// <exception cref="OperationNotPricedException">The tariff in force does not price the operation.</exception>
    public Tariff PriceAt(string zone, TariffOperation operation, DateTimeOffset at)
    {
        var policy = zones.For(zone);
        var periods = periodsByZone.GetValueOrDefault(policy.Zone) ?? [];
        var inForce = periods.LastOrDefault(p => p.EffectiveFrom <= at)
            ?? throw new NoTariffInForceException(policy.Zone, at, periods.FirstOrDefault()?.EffectiveFrom);
        return inForce.Tariffs.TryGetValue(operation, out var tariff)
            ? tariff
            : throw new OperationNotPricedException(policy.Zone, operation, inForce.Tariffs.Keys);
    }

    /// <summary>
    /// UA-3.3: the price of one invoice line for a term of <paramref name="termYears"/>, fixed at
    /// <paramref name="at"/> (the moment the invoice is issued).
    /// </summary>
    /// <exception cref="UnsupportedTermException">The term is outside the zone's whole-year bounds.</exception>
    public PriceQuote Quote(string zone, TariffOperation operation, int termYears, DateTimeOffset at)
    {
        var policy = zones.For(zone);
        if (operation == TariffOperation.RegistrantChange && termYears != 1)
            throw new UnsupportedTermException(
                $"A registrant change is a one-off charge and does not change the expiry (KZ-2.5); quote it for 1 year, not {termYears}.");
        if (!policy.Term.Allows(termYears))
            throw new UnsupportedTermException(
                $"A term of {termYears} years is not offered for .{policy.Zone}: terms are whole years from " +
                $"{policy.Term.MinYears} to {policy.Term.MaxYears} ({policy.Term.Rule}).");

        var tariff = PriceAt(policy.Zone, operation, at);
        return new PriceQuote(policy.Zone, operation, termYears, tariff.PricePerYear, tariff.PricePerYear * termYears,
            tariff.EffectiveFrom, at);
    }

    /// <summary>Every zone's tariffs, each period's prices from its effective instant.</summary>
    internal IEnumerable<PricedPeriod> Periods => periodsByZone.Values.SelectMany(periods => periods);

    /// <summary>One published tariff of one zone: its prices from one effective instant.</summary>
    internal sealed record PricedPeriod(string Zone, DateTimeOffset EffectiveFrom, IReadOnlyDictionary<TariffOperation, Tariff> Tariffs);

    private sealed record TariffDocument(IReadOnlyList<TariffEntry> Tariffs);
}
