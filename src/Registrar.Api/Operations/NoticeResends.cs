using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Privacy;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>
/// POST /api/ops/registrations/{id}/notices/{noticeId}/resend: a notice that went out is sent again, as it was, to the
/// registration's contact e-mail as it is now (KZ-2.6: each notice is logged). The request is a lifecycle event, so the
/// new notice takes the path every notice takes (the decider's outbox, the command queue, a claim under its own id, the
/// mail) and is lost by no crash; it is audited (who, when, why). What is not this registration's notice is a 404; a
/// notice not sent yet, an ended registration, erased data, a transfer code (KZ-App-9, UA-3.5), or, while the domain is being
/// deleted, a notice that does not tell of its end (the welcome mail's set-password link above all) are a 409. The operations
/// page asks the same checks.
/// </summary>
public sealed class NoticeResends(
    ClientAuthenticator authenticator, INoticeStore<SendNotice> notices, IRegistrationViews views, RegistrationActions actions)
{
    // Notice ids are command ids, "{registration id}-{n}".
    private const int MaxNoticeIdLength = RegistrationIds.MaxLength + 12;

    public async Task<IResult> ResendAsync(HttpRequest request, string registrationId, string noticeId, CancellationToken ct)
    {
        var operations = authenticator.Authenticate(request, ApiClientRole.Operations);
        if (operations.Problem is not null) return operations.Problem;
        var body = await StrictJson.ReadAsync<NoticeResendBody>(request, ct);
        if (body.Problem is not null) return body.Problem;
        if (Reason(body.Value!.Reason) is not { } reason)
            return Problems.Validation("reason", $"Say why it is sent again, for the audit log: 1 to {OperationsHandlers.MaxNoteLength} characters.");
        var (notice, problem) = await SentNoticeAsync(registrationId, noticeId, ct);
        if (problem is not null) return problem;

        await actions.ResendNoticeAsync(registrationId, notice!, new OperationsActor(operations.Principal!.Name, null), reason, ct);
        return TypedResults.Accepted($"/api/ops/registrations/{registrationId}/notices");
    }

    /// <summary>The notice to send again when it is the registration's and went out; otherwise why not.</summary>
    public async Task<(SendNotice? Notice, ProblemHttpResult? Problem)> SentNoticeAsync(string registrationId, string noticeId, CancellationToken ct)
    {
        if (!RegistrationIds.IsWellFormed(registrationId)) return (null, RegistrationProblems.Unknown());
        if (await views.FindAsync(registrationId, ct) is not { } view) return (null, RegistrationProblems.Unknown(registrationId));
        if (!IsNoticeIdOf(registrationId, noticeId)) return (null, Problems.Missing("That notice"));
        if (await notices.GetAsync(registrationId, noticeId, ct) is not { } stored)
            return (null, Problems.Missing($"Notice '{noticeId}' of registration '{registrationId}'"));
        var record = stored.Document;
        if (record.SentAt is null)
            return (null, Problems.Conflict($"Notice '{noticeId}' has not gone out yet: it is sent, or tried again, by itself."));
        if (record.Notice.To == ErasedPersonalData.Erased)
            return (null, Problems.Conflict("The registration's personal data were erased (UA-Pre-6): there is no address to send it to."));
        if (view.Phase.HasEnded())
            return (null, Problems.Conflict($"The registration is {view.Phase}: its lifecycle sends nothing any more."));
        if (view.Phase == RegistrationPhase.Deleting && !TellsOfTheEnd.Contains(record.Notice.Kind))
            return (null, Problems.Conflict($"The domain is being deleted: of its notices only those that tell of its end "
                + $"({string.Join(", ", TellsOfTheEnd)}) are sent again; a {record.Notice.Kind} notice would tell the customer of a service, "
                + "or give access to one, that has ended."));
        if (record.Notice.Kind == NoticeKind.TransferCode)
            return (null, Problems.Conflict("A transfer code is not mailed again: a later request may have replaced it at the registry, and a code "
                + "goes out only on a request checked against the bans, invoices and agreements in force then (KZ-App-9, UA-3.5). "
                + "The customer asks for a new one."));
        return (record.Notice, null);
    }

    /// <summary>The notices that stay true while the domain is being deleted: the ending's own, with its date and clause.</summary>
    private static readonly NoticeKind[] TellsOfTheEnd =
        [NoticeKind.Expired, NoticeKind.TerminationNoticed, NoticeKind.TerminationConfirmed, NoticeKind.BreachNoticed];

    public static string? Reason(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > OperationsHandlers.MaxNoteLength ? null : text.Trim();

    private static bool IsNoticeIdOf(string registrationId, string noticeId) =>
        noticeId.Length <= MaxNoticeIdLength && noticeId.StartsWith(registrationId + "-", StringComparison.Ordinal)
        && noticeId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <param name="Reason">Why it is sent again (the customer lost it, the address was corrected): kept in the audit log.</param>
public sealed record NoticeResendBody(string? Reason);
