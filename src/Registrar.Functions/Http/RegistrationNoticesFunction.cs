using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Functions.Http;

/// <summary>GET /api/ops/registrations/{id}/notices: a registration's mail log, the same answer as the local host's.</summary>
public sealed class RegistrationNoticesFunction(ClientAuthenticator authenticator, INoticeStore<SendNotice> notices, IRegistrationViews views)
{
    [Function("ListRegistrationNotices")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/registrations/{registrationId}/notices")] HttpRequest req,
        string registrationId,
        CancellationToken ct) =>
        new HandlerResult(await new RegistrationNotices(authenticator, notices, views).ListAsync(req, registrationId, ct));
}
