using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registrar.Core.Persistence;

/// <summary>
/// The one serializer setting for everything that outlives the process: table documents, queue
/// messages, orchestration inputs, events, activity payloads and custom status. Enums travel as
/// their names so that inserting a member never changes what a stored number means.
/// </summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        // Integers are still read, so documents written before enums became names stay readable.
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
