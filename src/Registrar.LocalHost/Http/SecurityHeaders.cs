using Registrar.Api.Http;

namespace Registrar.LocalHost.Http;

public static class SecurityHeaders
{
    /// <summary>Every response says its Content-Type is meant (no MIME sniffing of a problem or JSON body as
    /// HTML). Added as the response starts, so responses the exception handler rewrites carry it too.</summary>
    public static IApplicationBuilder UseNoSniff(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>An If-Match no representation here meets is a 412, before any endpoint acts (<see cref="Preconditions"/>).</summary>
    public static IApplicationBuilder UsePreconditions(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Preconditions.Refusal(context.Request) is { } refused) await refused.ExecuteAsync(context);
            else await next(context);
        });
}
