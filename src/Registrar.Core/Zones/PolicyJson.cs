using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registrar.Core.Zones;

/// <summary>How the rule data files (zones, tariffs, refusal list) are read: strictly, so a typo is an error.</summary>
internal static class PolicyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // Currency reads itself from its ISO code (CurrencyJsonConverter on the type).
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };
}

/// <summary>Reads the data files compiled into Registrar.Core.</summary>
internal static class EmbeddedData
{
    public static string ReadText(string resourceName)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Registrar.Core is built without its data file '{resourceName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
