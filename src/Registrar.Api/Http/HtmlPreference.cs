using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Registrar.Api.Http;

/// <summary>RFC 9110 §12.5.1: whether a client's Accept names HTML above JSON, as a browser's does (its JSON only through
/// <c>*/*</c>), so a link opened in a browser gets a page while API clients keep their JSON.</summary>
public static class HtmlPreference
{
    public static bool PrefersHtml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0).DefaultIfEmpty(0).Max();
        return Quality("text/html") > Quality("application/json");
    }
}
