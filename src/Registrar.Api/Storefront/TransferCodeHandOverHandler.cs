using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Operations;
using Registrar.Api.Security;
using Registrar.Core.Requests;
using Registrar.Storage.Stores;

namespace Registrar.Api.Storefront;

/// <summary>What operations read to hand a transfer code over (UA-1.5.8).</summary>
public sealed record TransferCodeHandOver(string RequestId, string RegistrationId, string TransferCode);

/// <summary>
/// GET /api/ops/requests/{requestId}/transfer-code — UA-1.5.8: a transfer code asked for without access to the contact e-mail
/// is proved on papers operations check, so it is not mailed to that e-mail: operations read it here, once the registry holds
/// it, and hand it to the person whose papers they checked. The code is derived from the command that set it, never stored;
/// each reading is audited under the registration (who read it, never the code), and no cache keeps the answer. A code a later
/// request replaced at the registry no longer moves the domain.
/// </summary>
public sealed class TransferCodeHandOverHandler(
    ClientAuthenticator authenticator, ICustomerRequestStore requests, TransferCodes codes, IAuditLog<RegistrationAudit> audit, TimeProvider clock)
{
    public const string ReadAction = "transfer-code-read";

    public async Task<IResult> ReadAsync(HttpRequest request, string requestId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var record = requestId.Length <= 64 ? await requests.GetAsync(requestId, ct) : null;
        if (record is not { Request: TransferCodeRequest }) return Problems.Missing("That transfer code request");
        if (record.Proof is not { } proof || !RequestProofs.IsRecordedByOperations(proof))
            return Problems.Conflict($"Request '{requestId}' was not proved on papers: its code goes to the contact e-mail (KZ-App-9, UA-1.5.8).");
        if (record.TransferCodeSetBy is not { } setBy)
            return Problems.Conflict($"Request '{requestId}' has no code kept for hand-over: none is set at the registry yet (the review list "
                + "says when it is, or why it was refused, which the customer is then told), or it was proved before codes were kept for "
                + "hand-over, and its code went to the contact e-mail (KZ-App-9).");

        var reader = operations.Principal!.Name;
        await audit.AppendAsync(new AuditEntry<RegistrationAudit>(record.RegistrationId, clock.GetUtcNow(), reader, ReadAction,
            new RegistrationAudit(reader, null, $"request:{requestId}", "Transfer code read to hand over to the person whose papers were checked (UA-1.5.8).")), ct);
        return new PrivateResult(TypedResults.Ok(new TransferCodeHandOver(requestId, record.RegistrationId, codes.For(setBy))));
    }
}
