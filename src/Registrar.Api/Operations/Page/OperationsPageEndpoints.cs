using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Registrar.Api.Operations.Page;

/// <summary>The operations page: HTML for people, outside /api and the OpenAPI description.</summary>
public static class OperationsPageEndpoints
{
    public static IEndpointRouteBuilder MapOperationsPage(this IEndpointRouteBuilder routes)
    {
        var page = routes.MapGroup(routes.ServiceProvider.GetRequiredService<OperationsPagePaths>().Home).ExcludeFromDescription();
        page.MapGet("", (HttpRequest request, OperationsOverviewPage overview, CancellationToken ct) => overview.RenderAsync(request, ct));
        page.MapPost("/sign-in", (HttpRequest request, OperationsPageHandlers handlers, CancellationToken ct) => handlers.SignInAsync(request, ct));
        page.MapPost("/sign-out", (HttpRequest request, OperationsPageHandlers handlers, CancellationToken ct) => handlers.SignOutAsync(request, ct));
        page.MapGet("/registrations/{registrationId}", (HttpRequest request, string registrationId, RegistrationTimelinePage timeline,
            CancellationToken ct) => timeline.RenderAsync(request, registrationId, ct));
        page.MapPost("/registrations/{registrationId}/trademark", (HttpRequest request, string registrationId, OperationsPageHandlers handlers,
            CancellationToken ct) => handlers.ReviewTrademarkAsync(request, registrationId, ct));
        page.MapPost("/registrations/{registrationId}/retry", (HttpRequest request, string registrationId, OperationsPageHandlers handlers,
            CancellationToken ct) => handlers.RetryAsync(request, registrationId, ct));
        page.MapPost("/registrations/{registrationId}/decisions", (HttpRequest request, string registrationId, DecisionPageHandlers handlers,
            CancellationToken ct) => handlers.DecideAsync(request, registrationId, ct));
        page.MapPost("/registrations/{registrationId}/notices/{noticeId}/resend", (HttpRequest request, string registrationId, string noticeId,
            OperationsPageHandlers handlers, CancellationToken ct) => handlers.ResendNoticeAsync(request, registrationId, noticeId, ct));
        page.MapPost("/payments/held/{reference}/apply", (HttpRequest request, string reference, HeldPaymentPageHandlers handlers,
            CancellationToken ct) => handlers.ApplyAsync(request, reference, ct));
        page.MapPost("/payments/held/{reference}/refund", (HttpRequest request, string reference, HeldPaymentPageHandlers handlers,
            CancellationToken ct) => handlers.RefundAsync(request, reference, ct));
        return routes;
    }
}
