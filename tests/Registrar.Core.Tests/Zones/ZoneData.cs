namespace Registrar.Core.Tests.Zones;

/// <summary>The shipped zones.json text, for tests that load a modified operations copy.</summary>
internal static class ZoneData
{
    public static string Shipped()
    {
        using var stream = typeof(Registrar.Core.Zones.ZoneCatalog).Assembly
            .GetManifestResourceStream("Registrar.Core.Zones.zones.json")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
