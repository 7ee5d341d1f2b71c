using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using Registrar.Api.Http;
using Registrar.Api.Security;

namespace Registrar.Api.Endpoints;

/// <summary>Header fields a handler reads from the request itself: the delegate takes the whole HttpRequest, so the OpenAPI
/// document cannot see them and would list none. Each is documented as the handler treats it, required or not.</summary>
public static class OpenApiHeaders
{
    /// <summary>Optional everywhere: without it a request is carried out once, unkeyed (draft-ietf-httpapi-idempotency-key-header).</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) => builder.WithHeader(IdempotentRequests.Header, required: false,
        "A structured field string (RFC 8941 section 3.3.3), or its characters bare: the same key again gets the first answer, "
        + "with another body a 422, while the first is handled a 409.");

    /// <summary>Required: AuthenticateCustomer refuses a storefront request that names no customer.</summary>
    public static RouteHandlerBuilder WithCustomerId(this RouteHandlerBuilder builder) => builder.WithHeader(ClientAuthenticator.CustomerHeader, required: true,
        "The storefront's customer the request is made for.");

    private static RouteHandlerBuilder WithHeader(this RouteHandlerBuilder builder, string name, bool required, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Header, Required = required, Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });
}
