using System.Text.Json;
using System.Text.RegularExpressions;

namespace Registrar.Core.Json;

/// <summary>
/// RFC 8259 section 4: with a name given twice in one object, receivers differ on which value wins, so a body that says
/// two things is refused, never read with one of them chosen. System.Text.Json refuses it when told to
/// (<c>AllowDuplicateProperties = false</c>, on a document as on the serializer); this names the member it refused, in one
/// place for the request bodies the API reads and the webhooks banks post.
/// </summary>
public static partial class DuplicateMembers
{
    /// <summary>A document read with these refuses a member named twice in any of its objects.</summary>
    public static JsonDocumentOptions RefusedIn(int maxDepth) => new() { AllowDuplicateProperties = false, MaxDepth = maxDepth };

    /// <summary>What to tell the sender when <paramref name="e"/> refused a member given twice; null for any other error.</summary>
    public static string? Describe(JsonException e) =>
        Duplicate().Match(e.Message) is { Success: true } match
            ? $"'{match.Groups[1].Value}' is given more than once; give each field once."
            : null;

    [GeneratedRegex("Duplicate property '([^']*)' encountered")]
    private static partial Regex Duplicate();
}
