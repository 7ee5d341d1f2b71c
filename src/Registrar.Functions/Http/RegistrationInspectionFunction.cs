using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Registrations;
using Registrar.Orchestration.Lifecycle;

namespace Registrar.Functions.Http;

/// <summary>
/// GET /api/ops/registrations/{id}: what operations see of one registration in Azure, read from its
/// orchestration: runtime status, the lifecycle status the loop keeps (phase, next wake-up, a decision that keeps
/// failing, the commands it owes; no state, which outgrows what a custom status may hold). The local host answers the same
/// route from its tables.
/// </summary>
public sealed class RegistrationInspectionFunction(ClientAuthenticator authenticator)
{
    [Function("GetRegistration")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = "api/ops/registrations/{registrationId}")] HttpRequest req,
        string registrationId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct)
    {
        if (authenticator.Authenticate(req, ApiClientRole.Operations).Problem is { } problem) return new HandlerResult(problem);
        // A malformed id is not echoed back, as on the local host.
        if (!RegistrationIds.IsWellFormed(registrationId)) return new HandlerResult(RegistrationProblems.Unknown());

        var instance = await client.GetInstanceAsync(RegistrationInstanceId.For(registrationId), getInputsAndOutputs: true, ct);
        if (instance is null) return new HandlerResult(RegistrationProblems.Unknown(registrationId));
        // Operations' view of a live registration: no cache keeps it.
        return new HandlerResult(new PrivateResult(Results.Ok(new RegistrationInspection(
            registrationId,
            instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            instance.ReadCustomStatusAs<LifecycleStatus>()))));
    }
}

/// <param name="RuntimeStatus">The orchestration's Durable status (Running while the lifecycle goes on).</param>
public sealed record RegistrationInspection(
    string RegistrationId, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, LifecycleStatus? Lifecycle);
