using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registrar.Api.Endpoints;

namespace Registrar.Api.Whois;

public static class WhoisEndpoints
{
    /// <summary>The public lookups: anonymous, each client address limited by <see cref="PublicLookupRateLimitPolicy"/>.</summary>
    public static RouteGroupBuilder MapPublicLookups(this RouteGroupBuilder api)
    {
        api.MapGet("/rdap/domain/{name}", (HttpRequest request, string name, PublicLookupHandlers handlers, CancellationToken ct) =>
                handlers.RdapDomainAsync(request, name, ct))
            .WithMetadata(new RdapEndpointMetadata()).Produces(StatusCodes.Status200OK, contentType: RdapJsonResult.MediaType)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(429)
            .WithSummary("RDAP domain lookup (RFC 9083): what the zone publishes (KZ-App-10.3, UA-1.15), withheld fields listed per RFC 9537.");
        api.MapGet("/rdap/help", (RdapServiceHandlers rdap) => rdap.Help())
            .WithMetadata(new RdapEndpointMetadata()).Produces(StatusCodes.Status200OK, contentType: RdapJsonResult.MediaType).ProducesProblem(429)
            .WithSummary("RDAP help (RFC 9082 3.1.6, RFC 9083 7): what this service answers.");
        // The base itself ("/api/rdap", "/api/rdap/") binds no path: a lookup of nothing, not a request the binder refuses.
        api.MapMethods("/rdap/{**path}", [HttpMethods.Get, HttpMethods.Head], (string? path, RdapServiceHandlers rdap) => rdap.Other(path ?? ""))
            .WithMetadata(new RdapEndpointMetadata()).ProducesProblem(404).ProducesProblem(501).ProducesProblem(429)
            .WithSummary("Any other RDAP path: other query types are 501, anything else 404, each an RDAP error.");
        // Every other method gets the RDAP 405 naming GET and HEAD (TRACE too, or the framework's 405 would list this route's
        // methods as allowed); it is no operation of the API, so the document leaves it out.
        api.MapMethods("/rdap/{**path}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options, HttpMethods.Trace],
                (HttpContext context, RdapServiceHandlers rdap) => rdap.OtherMethod(context))
            .WithMetadata(new RdapEndpointMetadata()).ExcludeFromDescription();
        api.MapGet("/whois/{name}", (HttpRequest request, string name, PublicLookupHandlers handlers, CancellationToken ct) =>
                handlers.WhoisAsync(request, name, ct))
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(429)
            .WithSummary("The same answer as plain-text WHOIS \"Key: value\" lines.");
        api.RequireRateLimiting(PublicLookupRateLimitPolicy.Name);
        return api;
    }

    /// <summary>UA-1.16: an authority's request for a registrant's data, recorded, decided by a second person, disclosed once.</summary>
    public static RouteGroupBuilder MapDisclosures(this RouteGroupBuilder disclosures)
    {
        disclosures.MapPost("/", (HttpRequest request, DisclosureHandlers handlers, CancellationToken ct) => handlers.RecordAsync(request, ct))
            .WithIdempotencyKey()
            .Accepts<RecordDisclosureRequest>("application/json").Produces<DisclosureRequestView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Record an authorised body's official request for a registrant's data (UA-1.16); send an Idempotency-Key to make retries safe.");
        disclosures.MapGet("/{requestId}", (HttpRequest request, string requestId, DisclosureHandlers handlers, CancellationToken ct) =>
                handlers.GetAsync(request, requestId, ct))
            .Produces<DisclosureRequestView>().ProducesProblem(401).ProducesProblem(404)
            .WithSummary("A disclosure request, its decision, what was disclosed, and its audit trail.");
        disclosures.MapPost("/{requestId}/approval", (HttpRequest request, string requestId, DisclosureHandlers handlers, CancellationToken ct) =>
                handlers.ApproveAsync(request, requestId, ct))
            .Accepts<ApproveDisclosure>("application/json").Produces<DisclosureRequestView>()
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Approve a recorded request; the approver is not who recorded it (UA-1.16). The same approval again gets the request as approved.");
        disclosures.MapPost("/{requestId}/refusal", (HttpRequest request, string requestId, DisclosureHandlers handlers, CancellationToken ct) =>
                handlers.RefuseAsync(request, requestId, ct))
            .Accepts<RefuseDisclosure>("application/json").Produces<DisclosureRequestView>()
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Refuse a recorded request, saying why. The same refusal again gets the request as refused.");
        disclosures.MapPost("/{requestId}/disclosure", (HttpRequest request, string requestId, DisclosureHandlers handlers, CancellationToken ct) =>
                handlers.DiscloseAsync(request, requestId, ct))
            .Accepts<DiscloseRegistrantData>("application/json").Produces<DisclosureAnswer>()
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Answer an approved request with the registrant's current data, once; the fields disclosed are recorded. A retry by the " +
                         "same person gets the recorded fields only while the disclosure's audit entry is missing (its answer never left).");
        return disclosures;
    }
}
