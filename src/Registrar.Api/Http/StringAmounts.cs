using System.Text.Json;
using Registrar.Core.Money;

namespace Registrar.Api.Http;

/// <summary>A decimal member a body may give as a JSON string (JsonNumberHandling.AllowReadingFromString, which the OpenAPI
/// document describes with the pattern ^-?(?:0|[1-9]\d*)(?:\.\d+)?$). The reader takes whatever decimal.Parse takes ("1e3" as
/// 1000), so the string itself is held to the written form (<see cref="AmountText"/>).</summary>
public static class StringAmounts
{
    /// <summary>Whether the member <paramref name="name"/> of a body already read as an object is, when a string, an amount as written here.</summary>
    public static bool AreWritten(byte[] body, string name)
    {
        using var document = JsonDocument.Parse(body);
        // The binding matches names case-insensitively (JsonSerializerDefaults.Web), so "Amount" is the amount too.
        return document.RootElement.EnumerateObject()
            .Where(member => member.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && member.Value.ValueKind == JsonValueKind.String)
            .All(member => AmountText.TryParse(member.Value.GetString(), out _));
    }
}
