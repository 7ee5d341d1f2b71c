using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>Query string values as the operations lists read them: absent or empty is null, and a value that does
/// not parse is an error under its parameter's name, so one problem names every parameter at fault.</summary>
public static class QueryValues
{
    public static string? Text(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

    public static DateTimeOffset? Instant(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (Text(query, name) is not { } text) return null;
        // ISO 8601 only: a culture's order ("04/03/2027") would be read as some month and day, not refused.
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant;
        errors[name] = ["An ISO 8601 instant, e.g. 2027-03-01T09:00:00Z."];
        return null;
    }

    public static bool Flag(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        switch (Text(query, name))
        {
            case null or "false": return false;
            case "true": return true;
            default:
                errors[name] = ["'true' or 'false'."];
                return false;
        }
    }

    /// <returns><paramref name="defaultSize"/> when absent; on an error, too, with the error recorded.</returns>
    public static int PageSize(IQueryCollection query, int defaultSize, int maxSize, Dictionary<string, string[]> errors)
    {
        if (Text(query, "pageSize") is not { } text) return defaultSize;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 && size <= maxSize) return size;
        errors["pageSize"] = [$"From 1 to {maxSize}."];
        return defaultSize;
    }
}
