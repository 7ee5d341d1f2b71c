using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>
/// A response that carries a customer's personal data or order details: no cache, shared or the
/// browser's, may keep it (RFC 9111 5.2.2.5). A result rather than middleware, so the Functions app,
/// which runs the handlers' results and no ASP.NET Core middleware, sends the same header.
/// </summary>
public sealed class PrivateResult(IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "no-store";
        return inner.ExecuteAsync(httpContext);
    }
}
