using System.Text.Json;
using System.Text.RegularExpressions;
using Registrar.Core.Json;

namespace Registrar.Api.Http;

/// <summary>
/// Says what is wrong with a JSON body in the API's own terms: the field, and whether it is unknown,
/// missing, null, given twice or of the wrong type. The serializer's messages name internal .NET types,
/// which a caller cannot act on and which tell an attacker how the service is built, so none is passed on.
/// </summary>
public static partial class JsonErrors
{
    public static string Describe(JsonException e) => (e.Path is { Length: > 0 } path ? $"At {path}: " : "") + Explain(e);

    /// <summary>The fields the error is about, as the body names them ("registrant.kind", "nameServers[1]"), each with what is
    /// wrong: the problem's <c>errors</c> member, as a validation problem carries it (RFC 9457 section 3.2). Empty when the
    /// body as a whole is wrong (not JSON, not an object).</summary>
    public static Dictionary<string, string[]> Fields(JsonException e)
    {
        var at = FieldOf(e.Path);
        if (Quoted(MissingProperties(), e.Message) is { } missing)
            return missing.Split(',').Select(name => name.Trim().Trim('\'')).Distinct(StringComparer.Ordinal)
                .ToDictionary(name => at is null ? name : $"{at}.{name}", _ => new[] { "This field is required." }, StringComparer.Ordinal);
        return at is null ? [] : new(StringComparer.Ordinal) { [at] = [Explain(e)] };
    }

    private static string Explain(JsonException e)
    {
        var message = e.Message;
        var explained =
            Quoted(UnknownProperty(), message) is { } unknown ? $"'{unknown}' is not a field of this request."
            : Quoted(MissingProperties(), message) is { } missing ? $"Required fields are missing: {missing}."
            // The serializer names the .NET member; the caller knows the field by the name it sent.
            : NotNullable().IsMatch(message) ? $"'{LastName(e.Path)}' may not be null."
            : DuplicateMembers.Describe(e) is { } duplicate ? duplicate
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "The value is not of the documented type."
            : Location().Replace(message, "").Trim();
        return InternalName().IsMatch(explained) ? "The body does not have the documented shape." : explained;
    }

    /// <summary>"$.registrant.kind" is the field "registrant.kind"; "$" is the body itself, no field.</summary>
    private static string? FieldOf(string? path) =>
        path is { Length: > 1 } && path.StartsWith('$') ? path[1..].TrimStart('.') : null;

    private static string? LastName(string? path) =>
        FieldOf(path) is { } field ? field[(field.LastIndexOf('.') + 1)..] : null;

    private static string? Quoted(Regex pattern, string message) =>
        pattern.Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("missing required properties including: (.*?)\\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("(?:parameter|property) '[^']*' on type '[^']*' doesn't allow null")]
    private static partial Regex NotNullable();

    [GeneratedRegex(@"\s*(Path:|LineNumber:).*$", RegexOptions.Singleline)]
    private static partial Regex Location();

    [GeneratedRegex(@"\b(System|Registrar|Microsoft)\.[A-Za-z]")]
    private static partial Regex InternalName();
}
