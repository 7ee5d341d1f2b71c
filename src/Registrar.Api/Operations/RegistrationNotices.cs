using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>
/// GET /api/ops/registrations/{id}/notices: a registration's mail log for operations (KZ-2.6: each warning is
/// sent once and logged) — which notices were claimed, when, and whether they went out. The address is masked:
/// the log says that a notice went to the contact address, the registration's state says which one.
/// Both hosts build it from the services they hold.
/// </summary>
public sealed class RegistrationNotices(ClientAuthenticator authenticator, INoticeStore<SendNotice> notices, IRegistrationViews views)
{
    public async Task<IResult> ListAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        if (authenticator.Authenticate(request, ApiClientRole.Operations).Problem is { } problem) return problem;
        if (!RegistrationIds.IsWellFormed(registrationId)) return RegistrationProblems.Unknown();

        var log = await notices.ListForRegistrationAsync(registrationId, ct);
        // Only a payment starts a registration: with no notice and no view, nothing exists under that id.
        if (log.Count == 0 && await views.FindAsync(registrationId, ct) is null) return RegistrationProblems.Unknown(registrationId);
        return new PrivateResult(TypedResults.Ok(log.Select(RegistrationNoticeView.From).ToList()));
    }
}

/// <param name="To">Masked (<see cref="MaskedMailAddress"/>).</param>
/// <param name="SentAt">Null while the notice is claimed but not yet mailed (a send in progress, or one to be retried).</param>
public sealed record RegistrationNoticeView(string NoticeId, NoticeKind Kind, string To, DateTimeOffset ClaimedAt, DateTimeOffset? SentAt)
{
    public static RegistrationNoticeView From(NoticeRecord<SendNotice> record) =>
        new(record.NoticeId, record.Notice.Kind, MaskedMailAddress.Of(record.Notice.To), record.ClaimedAt, record.SentAt);
}
