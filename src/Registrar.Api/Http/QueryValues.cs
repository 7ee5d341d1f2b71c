using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>Query string values as the operations lists read them: absent or empty is null, and a value that does
/// not parse is an error under its parameter's name, so one problem names every parameter at fault.</summary>
public static class QueryValues
{
    /// <summary>A parameter given more than once is read as absent: <see cref="RefuseRepeated"/> names it, rather than its values
    /// joined with commas being refused as one value they are not.</summary>
    public static string? Text(IQueryCollection query, string name) => query[name] is [{ Length: > 0 } value] ? value : null;

    /// <summary>Each parameter these lists take is given once: a repeated one (<c>?phase=Registered&amp;phase=Closed</c>) is an
    /// error under its name, as filters of one value each cannot take both.</summary>
    public static void RefuseRepeated(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        foreach (var (name, values) in query)
            if (values.Count > 1) errors[name] = [$"Given {values.Count} times: give it once."];
    }

    /// <summary>A parameter the list does not take is an error under its name: a misspelt filter (<c>?phse=Stalled</c>) would
    /// otherwise list everything, as if no filter had been asked for.</summary>
    public static void RefuseUnknown(IQueryCollection query, IReadOnlyCollection<string> names, Dictionary<string, string[]> errors)
    {
        foreach (var (name, _) in query)
            if (!names.Contains(name)) errors[name] = [$"Not a parameter of this list, which takes {string.Join(", ", names)}."];
    }

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
