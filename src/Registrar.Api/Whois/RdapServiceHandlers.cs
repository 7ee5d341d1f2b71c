using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Registrar.Api.Whois;

/// <summary>
/// The rest of the RDAP base path, so that every answer under it is RDAP (RFC 9083 section 6 errors, readable from any web
/// page's script, RFC 7480 section 5.6): help (RFC 9082 section 3.1.6, answered per RFC 9083 section 7), the query types
/// this registrar does not answer (501, as RDAP servers commonly say it), anything else (404), and methods other than GET
/// and HEAD (405, and a CORS preflight answered).
/// </summary>
public sealed class RdapServiceHandlers(IOptions<WhoisOptions> options)
{
    public const string AllowedMethods = "GET, HEAD";

    /// <summary>RFC 9082 section 3.1: the query paths of the types other than domain.</summary>
    private static readonly string[] OtherQueryTypes = ["nameserver", "entity", "autnum", "ip", "domains", "nameservers", "entities"];

    public IResult Help() => new RdapJsonResult(new JsonObject
    {
        ["rdapConformance"] = new JsonArray("rdap_level_0"),
        ["notices"] = new JsonArray(new JsonObject
        {
            ["title"] = "About this service",
            ["description"] = new JsonArray(
                "Registration data of the domains this registrar holds: /api/rdap/domain/{name}, the name in Unicode or A-label form (RFC 9082 section 3.1.3).",
                "Personal data are published only as each zone's policy allows; every withheld field is listed under \"redacted\" (RFC 9537).",
                "Name server, entity, IP, autnum and search queries are not answered here: ask the registry.",
                $"Each client address may ask {options.Value.PermitLimit} times per {options.Value.Window.TotalSeconds:0} s; more are answered 429 with Retry-After."),
        }),
    });

    /// <summary>GET or HEAD of a path under the RDAP base that is neither a domain lookup nor help.</summary>
    public IResult Other(string path)
    {
        var type = path.Split('/', 2)[0];
        return OtherQueryTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
            ? LookupError.NotServed($"'{type}' queries are not answered by this registrar's RDAP service; see /api/rdap/help.")
            : LookupError.NotHeld("No RDAP resource is at this path; see /api/rdap/help.");
    }

    /// <summary>Any other method: a CORS preflight (OPTIONS) is answered for GET and HEAD, the rest is a 405.</summary>
    public IResult OtherMethod(HttpContext context)
    {
        context.Response.Headers[HeaderNames.Allow] = AllowedMethods;
        context.Response.Headers[HeaderNames.AccessControlAllowOrigin] = "*";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.Headers[HeaderNames.AccessControlAllowMethods] = AllowedMethods;
            context.Response.Headers[HeaderNames.AccessControlAllowHeaders] = HeaderNames.Accept;
            return TypedResults.NoContent();
        }
        return LookupError.MethodNotAllowed($"{context.Request.Method} is not answered under the RDAP path; {AllowedMethods} are.");
    }
}
