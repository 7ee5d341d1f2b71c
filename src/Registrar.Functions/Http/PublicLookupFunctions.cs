using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Whois;

namespace Registrar.Functions.Http;

/// <summary>The public WHOIS/RDAP lookups: anonymous, as RDAP clients and WHOIS users carry no key; limited per client address.</summary>
public sealed class PublicLookupFunctions(PublicLookupHandlers handlers, RdapServiceHandlers rdap, PublicLookupLimiter limiter)
{
    [Function("RdapDomain")]
    public async Task<IActionResult> RdapDomain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/rdap/domain/{name}")] HttpRequest req, string name, CancellationToken ct) =>
        new HandlerResult(limiter.Refusal(req.HttpContext, rdap: true) ?? await handlers.RdapDomainAsync(req, name, ct));

    [Function("RdapHelp")]
    public IActionResult RdapHelp([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/rdap/help")] HttpRequest req) =>
        new HandlerResult(limiter.Refusal(req.HttpContext, rdap: true) ?? rdap.Help());

    /// <summary>Every other path and method under the RDAP base, so each answer there is RDAP's (RdapServiceHandlers).</summary>
    [Function("RdapOther")]
    public IActionResult RdapOther(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", "trace", Route = "api/rdap/{*path}")] HttpRequest req,
        string? path) =>
        new HandlerResult(limiter.Refusal(req.HttpContext, rdap: true)
            ?? (HttpMethods.IsGet(req.Method) || HttpMethods.IsHead(req.Method) ? rdap.Other(path ?? "") : rdap.OtherMethod(req.HttpContext)));

    [Function("WhoisDomain")]
    public async Task<IActionResult> WhoisDomain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/whois/{name}")] HttpRequest req, string name, CancellationToken ct) =>
        new HandlerResult(limiter.Refusal(req.HttpContext, rdap: false) ?? await handlers.WhoisAsync(req, name, ct));
}
