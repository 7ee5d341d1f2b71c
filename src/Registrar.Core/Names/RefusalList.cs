using System.Text.Json;
using Registrar.Core.Zones;

namespace Registrar.Core.Names;

/// <summary>
/// UA-2.1.1 / KZ-App-8: names the registrar will not register: reserved labels (all zones or
/// some) and words against public order and morality (anywhere in the label). Data
/// (Names/refusals.json) that operations may replace.
/// </summary>
public sealed class RefusalList
{
    private const string EmbeddedResource = "Registrar.Core.Names.refusals.json";
    private const string AllZones = "*";

    private readonly Dictionary<string, HashSet<string>> reservedByZone;
    private readonly IReadOnlyList<string> publicOrderWords;

    private RefusalList(Dictionary<string, HashSet<string>> reservedByZone, IReadOnlyList<string> publicOrderWords)
    {
        this.reservedByZone = reservedByZone;
        this.publicOrderWords = publicOrderWords;
    }

    public static RefusalList LoadEmbedded() => Parse(EmbeddedData.ReadText(EmbeddedResource));

    /// <exception cref="RefusalListDataException">The document is malformed.</exception>
    public static RefusalList Parse(string json)
    {
        RefusalDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RefusalDocument>(json, PolicyJson.Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            throw new RefusalListDataException($"The refusal list cannot be read: {e.Message}", e);
        }
        if (document is null)
            throw new RefusalListDataException("The refusal list is empty; expected {\"reserved\": {...}, \"publicOrderWords\": [...]}.");

        var reserved = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (zone, labels) in document.Reserved)
        {
            string key;
            try
            {
                key = zone == AllZones ? AllZones : ZoneNames.ToAscii(zone);
            }
            catch (ArgumentException e)
            {
                throw new RefusalListDataException($"The refusal list names '{zone}', which is not a zone name or \"*\".", e);
            }
            reserved[key] = labels.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        }
        var words = document.PublicOrderWords.Select(Normalise).ToList();
        if (words.Any(w => w.Length == 0) || reserved.Values.Any(set => set.Contains("")))
            throw new RefusalListDataException("The refusal list contains an empty entry; remove it.");
        return new RefusalList(reserved, words);
    }

    /// <summary>True when the registrar refuses to register <paramref name="name"/>.</summary>
    public bool Refuses(DomainName name) =>
        IsReserved(AllZones, name.Label) || IsReserved(name.Zone.AsciiZone, name.Label)
        || publicOrderWords.Any(word => name.Label.Contains(word, StringComparison.Ordinal)
                                        || name.Ascii.Split('.')[0].Contains(word, StringComparison.Ordinal));

    private bool IsReserved(string zone, string label) =>
        reservedByZone.TryGetValue(zone, out var labels) && labels.Contains(label);

    private static string Normalise(string entry) => entry.Trim().ToLowerInvariant();

    /// <param name="Reserved">Zone ("*" for every zone) to labels refused exactly.</param>
    /// <param name="PublicOrderWords">Refused wherever they appear in a label.</param>
    private sealed record RefusalDocument(
        IReadOnlyDictionary<string, IReadOnlyList<string>> Reserved,
        IReadOnlyList<string> PublicOrderWords);
}

public sealed class RefusalListDataException(string message, Exception? inner = null) : Exception(message, inner);
