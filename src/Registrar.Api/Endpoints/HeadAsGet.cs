using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Registrar.Api.Endpoints;

/// <summary>
/// RFC 9110 section 9.1: a general-purpose server MUST support HEAD wherever it supports GET. Routing matches a request's
/// method exactly, so every endpoint that answers GET is given HEAD too, by one convention on the routes' root rather than
/// route by route: a GET mapped later cannot forget it. HEAD reaches the same handler (its authentication, rate limit and
/// headers: section 9.3.2), and the server sends no content for it (Kestrel drops whatever the handler writes).
/// </summary>
public static class HeadAsGet
{
    public static TBuilder AnswerHeadAsGet<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // Finally: after every endpoint's own conventions, so the methods seen are those the endpoint ends up with.
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is not { } methods
                || !methods.HttpMethods.Any(HttpMethods.IsGet) || methods.HttpMethods.Any(HttpMethods.IsHead)) return;
            endpoint.Metadata.Remove(methods);
            endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
        });
        return builder;
    }
}
