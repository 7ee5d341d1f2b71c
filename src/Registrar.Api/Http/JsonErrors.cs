using System.Reflection;
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
    /// <param name="target">The type the body was read as: a value of the wrong type is explained by what its field expects.</param>
    public static string Describe(JsonException e, Type target) => (e.Path is { Length: > 0 } path ? $"At {path}: " : "") + Explain(e, target);

    /// <summary>The fields the error is about, as the body names them ("registrant.kind", "nameServers[1]"), each with what is
    /// wrong: the problem's <c>errors</c> member, as a validation problem carries it (RFC 9457 section 3.2). Empty when the
    /// body as a whole is wrong (not JSON, not an object).</summary>
    public static Dictionary<string, string[]> Fields(JsonException e, Type target)
    {
        var at = FieldOf(e.Path);
        if (Quoted(MissingProperties(), e.Message) is { } missing)
            return missing.Split(',').Select(name => name.Trim().Trim('\'')).Distinct(StringComparer.Ordinal)
                .ToDictionary(name => at is null ? name : $"{at}.{name}", _ => new[] { "This field is required." }, StringComparer.Ordinal);
        return at is null ? [] : new(StringComparer.Ordinal) { [at] = [Explain(e, target)] };
    }

    private static string Explain(JsonException e, Type target)
    {
        var message = e.Message;
        var explained =
            Quoted(UnknownProperty(), message) is { } unknown ? $"'{unknown}' is not a field of this request."
            : Quoted(MissingProperties(), message) is { } missing ? $"Required fields are missing: {missing}."
            // The serializer names the .NET member; the caller knows the field by the name it sent.
            : NotNullable().IsMatch(message) ? $"'{LastName(e.Path)}' may not be null."
            : DuplicateMembers.Describe(e) is { } duplicate ? duplicate
            : message.Contains("could not be converted", StringComparison.Ordinal) ? NotOfType(FieldType(target, e.Path), e.InnerException)
            : Location().Replace(message, "").Trim();
        return InternalName().IsMatch(explained) ? "The body does not have the documented shape." : explained;
    }

    /// <summary>RFC 9457 section 3.1.4: the detail helps the client correct the value, so it names what is expected, in the API's
    /// terms (JSON types, the formats the OpenAPI document gives), never the .NET type the serializer names.</summary>
    private static string NotOfType(Type? field, Exception? cause)
    {
        if (cause is InvalidOperationException && cause.Message.Contains("surrogate", StringComparison.Ordinal))
            return "The text holds a lone UTF-16 surrogate (an escape such as \\ud800 without its pair), which is no character: send the text as it is written.";
        var type = field is null ? null : Nullable.GetUnderlyingType(field) ?? field;
        var expected = type switch
        {
            null => "a value of the type the OpenAPI document gives",
            _ when type == typeof(int) => $"a whole number from {int.MinValue} to {int.MaxValue} (a JSON number without a fraction or exponent)",
            _ when type == typeof(long) => $"a whole number from {long.MinValue} to {long.MaxValue} (a JSON number without a fraction or exponent)",
            _ when type == typeof(decimal) => $"a JSON number from -{decimal.MaxValue} to {decimal.MaxValue}",
            _ when type == typeof(double) => "a JSON number",
            _ when type == typeof(TimeSpan) => "a time span as a string, [d.]hh:mm[:ss] (\"1.00:00:00\" is a day)",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(DateOnly) => "a date of the calendar as a string, YYYY-MM-DD",
            _ when type == typeof(DateTimeOffset) => "a date and time as a string with its offset (RFC 3339)",
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when ElementType(type) is not null => "an array",
            _ => "an object",
        };
        return $"The value is not of the documented type: {expected} is expected.";
    }

    /// <summary>The type of the field at <paramref name="path"/> ("$.items[0].name") in <paramref name="target"/>, its names read as the
    /// body's (camelCase, any case); null where the path leaves the type.</summary>
    private static Type? FieldType(Type target, string? path)
    {
        Type? type = target;
        foreach (Match step in PathStep().Matches(path ?? ""))
        {
            type = Nullable.GetUnderlyingType(type!) ?? type;
            type = step.Groups["index"].Success
                ? ElementType(type!)
                : type!.GetProperty(step.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (type is null) return null;
        }
        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } sequence
            ? sequence.GetGenericArguments()[0]
        : null;

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

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();

    [GeneratedRegex(@"\b(System|Registrar|Microsoft)\.[A-Za-z]")]
    private static partial Regex InternalName();
}
