namespace Registrar.RegistrySimulator.Registry;

/// <summary>UA-2.1.1, KZ-App-8: a registry registers names one label under a zone it serves ("shop.kz",
/// "shop.com.ua"), never a zone itself ("com.ua") nor a name under a registered one ("a.b.kz").</summary>
public static class RegistrableNames
{
    /// <summary>Why the (syntactically valid, lower-case) name cannot be registered here, or null if it can.</summary>
    public static string? WhyNot(RegistryStore store, string name)
    {
        if (store.Zones.ContainsKey(name))
            return $"{name} is a zone, not a name registrable in one.";
        var zone = store.ZoneOf(name).Zone;
        return name.Count(c => c == '.') == zone.Count(c => c == '.') + 1
            ? null
            : $"{name} is not registrable: names are registered directly under .{zone}.";
    }

    /// <summary>The name one label under a zone this registry serves that a host name lies below ("ns1.shop.kz" →
    /// "shop.kz"), or null for a host outside the served zones or not below such a name.</summary>
    public static string? SuperordinateOf(RegistryStore store, string hostName)
    {
        var zone = store.ZoneOf(hostName).Zone;
        if (!store.Zones.ContainsKey(zone)) return null;
        var below = hostName[..^(zone.Length + 1)];
        var dot = below.LastIndexOf('.');
        return dot < 0 ? null : $"{below[(dot + 1)..]}.{zone}";
    }
}
