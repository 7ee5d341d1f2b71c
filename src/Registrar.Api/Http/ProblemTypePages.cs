using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>The page each problem type's relative URI resolves to (RFC 9457 section 3.1.1), in both hosts: the type's title, as
/// every problem of that type carries it, and what it means.</summary>
public static class ProblemTypePages
{
    public static IResult Describe(string slug) =>
        ProblemTypes.Find("/problems/" + slug) is { } type
            ? Results.Text($"{type.Title}\n\n{type.Description}")
            : Problems.Missing($"Problem type '{slug}'");
}
