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
}
