namespace Registrar.Core.Tariffs;

/// <summary>
/// UA-2.1.4, UA-3.3: what a new price list may change of the one published before it. A tariff takes effect no earlier
/// than it is published, and one that has taken effect stays as published, so every invoice issued and quote given under
/// it is still explained by the list. A tariff published to take effect later may still be changed or withdrawn before it
/// does. Placeholder amounts were never a published price (neither offer states amounts): a zone whose tariffs so far are
/// all placeholders takes its first real list from any date, and a placeholder tariff may be replaced.
/// </summary>
public static class TariffRepublication
{
    /// <summary>Why <paramref name="next"/> may not replace <paramref name="published"/> at <paramref name="publishedAt"/>;
    /// empty when it may.</summary>
    public static IReadOnlyList<string> Refusals(TariffSchedule published, TariffSchedule next, DateTimeOffset publishedAt)
    {
        var before = RealPeriods(published);
        var after = next.Periods.ToDictionary(period => (period.Zone, period.EffectiveFrom));
        var refusals = new List<string>();
        foreach (var (key, period) in before.Where(p => p.Key.EffectiveFrom <= publishedAt))
        {
            if (!after.TryGetValue(key, out var kept))
                refusals.Add($"The tariff for .{key.Zone} in force from {key.EffectiveFrom:O} is missing from the new list: a tariff that has " +
                    "taken effect stays as published; end it by a later tariff (UA-3.3).");
            else if (!SamePrices(period, kept))
                refusals.Add($"The tariff for .{key.Zone} in force from {key.EffectiveFrom:O} is changed in the new list: a tariff that has " +
                    "taken effect stays as published; publish the new prices as a tariff with a later effectiveFrom (UA-3.3).");
        }
        var zonesPublished = before.Keys.Select(key => key.Zone).ToHashSet(StringComparer.Ordinal);
        foreach (var key in after.Keys.Where(key => zonesPublished.Contains(key.Zone) && key.EffectiveFrom < publishedAt && !before.ContainsKey(key)))
            refusals.Add($"The tariff for .{key.Zone} from {key.EffectiveFrom:O} is new in this list but would take effect before it is " +
                $"published ({publishedAt:O}): a tariff takes effect from its publication or later (UA-2.1.4, UA-3.3).");
        return refusals;
    }

    private static Dictionary<(string Zone, DateTimeOffset EffectiveFrom), TariffSchedule.PricedPeriod> RealPeriods(TariffSchedule schedule) =>
        schedule.Periods
            .Where(period => !period.Tariffs.Values.Any(tariff => tariff.IsPlaceholder))
            .ToDictionary(period => (period.Zone, period.EffectiveFrom));

    private static bool SamePrices(TariffSchedule.PricedPeriod published, TariffSchedule.PricedPeriod next) =>
        published.Tariffs.Count == next.Tariffs.Count
        && published.Tariffs.All(p => next.Tariffs.TryGetValue(p.Key, out var tariff) && tariff == p.Value);
}
