using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Registrations;
using Registrar.Storage.Lifecycle;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations.Page;

/// <summary>
/// GET /ops/page/registrations/{id}: one registration's view, the actions its phase allows, its timeline (next
/// wake-up, pending commands, each event with the commands it issued), its notices and its audit entries.
/// Events and commands are shown by type and id only: their documents hold the registrant's data.
/// The timeline needs the local runtime's inspector; a host without one shows the rest.
/// </summary>
public sealed class RegistrationTimelinePage(
    OperationsSessions sessions, OperationsPagePaths paths, OperationsOverviewPage overview, IRegistrationViews views, INoticeStore<SendNotice> notices,
    IAuditLog<RegistrationAudit> audit, ILifecycleInspector<RegistrationState, RegistrationEvent, RegistrationCommand>? inspector = null)
{
    private const int AuditShown = 50;

    public async Task<IResult> RenderAsync(HttpRequest request, string registrationId, CancellationToken ct)
    {
        if (await sessions.ReadAsync(request, ct) is null) return paths.SignInForm(null);
        if (!RegistrationIds.IsWellFormed(registrationId) || await views.FindAsync(registrationId, ct) is not { } view)
            return paths.ErrorPage(StatusCodes.Status404NotFound, "No registration has that id.");

        var page = new HtmlPage();
        page.Add($"""
            <table id="summary"><tr><th>domain</th><td>{view.DisplayName} ({view.DomainName})</td></tr>
            <tr><th>zone</th><td>{view.Zone}</td></tr><tr><th>phase</th><td id="phase">{view.Phase}</td></tr>
            <tr><th>customer</th><td>{view.CustomerId}</td></tr><tr><th>expires</th><td>{view.ExpiresAt}</td></tr>
            <tr><th>transfer forbidden by (KZ-App-9)</th><td id="transfer-restriction">{view.TransferRestriction ?? "—"}</td></tr></table>
            """);
        Actions(page, request, view);
        if (inspector is not null) await TimelineAsync(page, registrationId, ct);
        await NoticesAsync(page, request, view, ct);
        await AuditAsync(page, registrationId, ct);
        return paths.Page(page, $"Registration {view.DisplayName}");
    }

    private void Actions(HtmlPage page, HttpRequest request, RegistrationView view)
    {
        var token = overview.Token(request);
        var path = paths.Registration(view.RegistrationId);
        if (view.Phase == RegistrationPhase.AwaitingTrademarkReview)
            page.Add($"""
                <h2>Trademark review (UA-Pre-7)</h2>
                <form method="post" action="{path}/trademark">{token}
                <p><label>Reason (the certificate checked, or what differs: a refusal's reason is told to the customer) <textarea name="reason" id="reason" required></textarea></label></p>
                <p><button type="submit" name="decision" value="approve" id="approve">Approve</button>
                <button type="submit" name="decision" value="refuse" id="refuse">Refuse</button></p></form>
                """);
        if (view.Phase is RegistrationPhase.Registered or RegistrationPhase.Expired or RegistrationPhase.Stalled)
            Decisions(page, path, token);
        if (view.Phase == RegistrationPhase.Stalled)
            page.Add($"""
                <h2>Stalled</h2>
                <form method="post" action="{path}/retry">{token}
                <p><label>What was fixed <textarea name="reason" id="reason" required></textarea></label></p>
                <p><button type="submit" id="retry">Try again</button></p></form>
                """);
    }

    /// <summary>UA-2.3.1, KZ-App-2, UA-2.2.3, KZ-App-4, UA-1.3.4.1, UA-2.3.2, UA-1.3.6, KZ-App-9: what the zone's offer has no clause for
    /// is refused when posted, naming the rule.</summary>
    private static void Decisions(HtmlPage page, string path, RawHtml token) => page.Add($"""
        <h2>Decide</h2>
        <form method="post" action="{path}/decisions">{token}
        <p><label>Decision <select name="kind" id="decision-kind">
        <option value="suspend">suspend (UA-2.3.1)</option><option value="unsuspend">unsuspend</option>
        <option value="dispute">dispute decision (KZ-App-2, UA-2.2.3)</option>
        <option value="breach-notice">breach notice (KZ-App-4)</option><option value="breach-cured">breach cured</option>
        <option value="termination">termination (UA-1.3.4.1, UA-2.3.2, UA-1.3.6)</option>
        <option value="transfer-restriction">transfer restricted by an agreement (KZ-App-9)</option>
        <option value="transfer-restriction-lifted">transfer restriction lifted</option>
        <option value="transfer-in-cancel">cancel the pending transfer in (RFC 5731 section 3.2.4)</option></select></label></p>
        <p><label>Ground <select name="ground" id="decision-ground"><option value="">—</option>
        <option>NonPayment</option><option>InaccurateContactData</option><option>UnlawfulMailing</option><option>Malware</option>
        <option>MaterialWithoutOwnerPermission</option><option>IntellectualPropertyInfringement</option><option>UnsolicitedMessages</option>
        <option>IllegalContent</option><option>UnauthorisedSoftwareOnRegistrarServers</option></select></label>
        <label>Dispute outcome <select name="outcome"><option value="">—</option><option>Block</option><option>Unblock</option><option>Delete</option></select></label>
        <label>Document <input name="document" maxlength="500"></label>
        <label>Termination <select name="termination"><option value="">—</option><option>RegistrarNotice</option>
        <option>RegistrantBreach</option><option>RegistryAgreementEnded</option></select></label></p>
        <p><label>Why (audit log) <textarea name="reason" id="decision-reason" required></textarea></label></p>
        <p><button type="submit" id="decide">Decide</button></p></form>
        """);

    private async Task TimelineAsync(HtmlPage page, string registrationId, CancellationToken ct)
    {
        var instance = await inspector!.GetAsync(registrationId, ct);
        if (instance is null) return;
        page.Add($"""
            <h2>Timeline</h2><p>State version {instance.Version}, updated {instance.UpdatedAt}.
            Next wake-up: <span id="next-wake">{(object?)instance.NextWakeAt ?? "none"}</span>.</p>
            <h3>Pending commands</h3>
            """);
        if (instance.PendingCommands.Count == 0) page.Add($"<p class=\"muted\">None.</p>");
        foreach (var pending in instance.PendingCommands) page.Add($"<p>{pending.Command?.GetType().Name} <span class=\"muted\">{pending.CommandId}</span></p>");
        page.Add($"<h3>Events</h3><table id=\"history\"><tr><th>#</th><th>applied</th><th>event</th><th>commands issued</th></tr>");
        foreach (var entry in instance.History.Reverse())
        {
            var commands = string.Join(", ", entry.Commands.Select(c => c.Command?.GetType().Name));
            page.Add($"<tr><td>{entry.Sequence}</td><td>{entry.AppliedAt}</td><td>{entry.Event?.GetType().Name} <span class=\"muted\">{entry.EventId}</span></td><td>{commands}</td></tr>");
        }
        page.Add($"</table>");
    }

    /// <summary>The mail log, each notice that went out with a form to send it again (KZ-2.6) while the lifecycle still runs;
    /// the API's checks decide when it is posted.</summary>
    private async Task NoticesAsync(HtmlPage page, HttpRequest request, RegistrationView view, CancellationToken ct)
    {
        var token = overview.Token(request);
        var ended = view.Phase.HasEnded();
        page.Add($"<h2>Notices</h2><table id=\"notices\"><tr><th>kind</th><th>to</th><th>claimed</th><th>sent</th><th>send again</th></tr>");
        foreach (var notice in (await notices.ListForRegistrationAsync(view.RegistrationId, ct)).Select(RegistrationNoticeView.From))
        {
            var resend = notice.SentAt is null || ended ? new RawHtml("") : new HtmlPage().Add($"""
                <form class="inline" method="post" action="{paths.Registration(view.RegistrationId)}/notices/{notice.NoticeId}/resend">{token}
                <input name="reason" id="resend-reason-{notice.NoticeId}" required maxlength="{OperationsHandlers.MaxNoteLength}" placeholder="why">
                <button type="submit" id="resend-{notice.NoticeId}">Send again</button></form>
                """).ToRaw();
            page.Add($"<tr><td>{notice.Kind}</td><td>{notice.To}</td><td>{notice.ClaimedAt}</td><td>{(object?)notice.SentAt ?? "not yet"}</td><td>{resend}</td></tr>");
        }
        page.Add($"</table>");
    }

    private async Task AuditAsync(HtmlPage page, string registrationId, CancellationToken ct)
    {
        page.Add($"<h2>Operations actions</h2><table id=\"audit\"><tr><th>when</th><th>who</th><th>what</th><th>why</th></tr>");
        await foreach (var entry in audit.ReadNewestFirstAsync(registrationId, AuditShown, ct))
            page.Add($"<tr><td>{entry.At}</td><td>{entry.Actor}</td><td>{What(entry)}</td><td>{entry.Details.Reason}</td></tr>");
        page.Add($"</table>");
    }

    /// <summary>The action, and for a decision what it was taken on (UA-2.3.1's ground, KZ-App-2's document).</summary>
    private static string What(AuditEntry<RegistrationAudit> entry) =>
        entry.Details.Decision is { } decision ? $"{entry.Action}: {decision}" : entry.Action;
}
