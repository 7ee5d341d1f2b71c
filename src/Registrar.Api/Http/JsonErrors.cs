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
    public static string Describe(JsonException e)
    {
        var at = e.Path is { Length: > 0 } path ? $"At {path}: " : "";
        var message = e.Message;
        var explained =
            Quoted(UnknownProperty(), message) is { } unknown ? $"'{unknown}' is not a field of this request."
            : Quoted(MissingProperties(), message) is { } missing ? $"Required fields are missing: {missing}."
            : Quoted(NotNullable(), message) is { } notNull ? $"'{notNull}' may not be null."
            : DuplicateMembers.Describe(e) is { } duplicate ? duplicate
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "The value is not of the documented type."
            : Location().Replace(message, "").Trim();
        return InternalName().IsMatch(explained) ? at + "The body does not have the documented shape." : at + explained;
    }

    private static string? Quoted(Regex pattern, string message) =>
        pattern.Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("missing required properties including: (.*?)\\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("(?:parameter|property) '([^']*)' on type '[^']*' doesn't allow null")]
    private static partial Regex NotNullable();

    [GeneratedRegex(@"\s*(Path:|LineNumber:).*$", RegexOptions.Singleline)]
    private static partial Regex Location();

    [GeneratedRegex(@"\b(System|Registrar|Microsoft)\.[A-Za-z]")]
    private static partial Regex InternalName();
}
