using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.LocalHost.Registrations;

/// <summary>GET /api/ops/registrations/{id}/notices: a registration's mail log (<see cref="RegistrationNotices"/>),
/// the same answer the Functions app gives.</summary>
public static class RegistrationNoticeEndpoints
{
    public static IEndpointRouteBuilder MapRegistrationNotices(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/ops/registrations/{registrationId}/notices", (HttpRequest request, string registrationId,
                ClientAuthenticator authenticator, INoticeStore<SendNotice> notices, IRegistrationViews views, CancellationToken ct) =>
                new RegistrationNotices(authenticator, notices, views).ListAsync(request, registrationId, ct))
            .WithTags("Operations")
            .Produces<List<RegistrationNoticeView>>().ProducesProblem(401).ProducesProblem(404)
            .WithSummary("A registration's notices: kind, masked address, when claimed and when sent (KZ-2.6).");
        return routes;
    }
}
