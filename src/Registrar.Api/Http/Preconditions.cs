using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Registrar.Api.Http;

/// <summary>RFC 9110 section 13.1.1: a server that receives If-Match MUST evaluate it and MUST NOT carry out the method when it is
/// false. No representation here has an entity tag, so a list of tags never matches; "*" matches whatever exists, and the
/// handler answers for what does not. A client guarding a change with If-Match gets a 412 rather than the change made anyway.
/// If-None-Match and the date conditions need no answer of their own: no tag matches, and no Last-Modified is served (section
/// 13.1.4 has the server ignore those then).</summary>
public static class Preconditions
{
    public static IResult? Refusal(HttpRequest request)
    {
        var ifMatch = request.Headers[HeaderNames.IfMatch];
        if (ifMatch.Count == 0 || ifMatch.All(value => value?.Trim() == "*")) return null;
        return Problems.PreconditionFailed("If-Match names entity tags, and no representation here has one: nothing was done. Send the request without If-Match.");
    }
}
