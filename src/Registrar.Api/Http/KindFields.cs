using Microsoft.AspNetCore.Http.HttpResults;

namespace Registrar.Api.Http;

/// <summary>A body that names its kind takes that kind's fields only: a field of another kind is a 400 naming it, and nothing is
/// recorded. A body meant for one kind and sent under another (a DNS change's name servers under "early-deletion", a suspension's
/// ground under "breach-notice") would otherwise be carried out as something nobody meant, the rest silently dropped.</summary>
public static class KindFields
{
    /// <param name="kind">The kind the body names.</param>
    /// <param name="what">What the body is, in the message: "request", "decision".</param>
    /// <param name="fields">Each field, whether the body gave it, and the kinds that take it.</param>
    public static ProblemHttpResult? OfAnotherKind(string kind, string what, params (string Field, bool Given, string[] Kinds)[] fields)
    {
        var stray = fields.Where(f => f.Given && !f.Kinds.Contains(kind)).ToDictionary(f => f.Field,
            f => new[] { $"A '{kind}' {what} takes no {f.Field}: that is a {string.Join(" or ", f.Kinds.Select(k => $"'{k}'"))} {what}'s. Nothing was recorded." });
        return stray.Count == 0 ? null : Problems.Validation(stray);
    }
}
