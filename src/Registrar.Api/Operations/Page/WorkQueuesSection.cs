using Registrar.Api.Http;

namespace Registrar.Api.Operations.Page;

/// <summary>The overview's "waiting for a person": each work queue of <see cref="WorkQueues"/>, with the held payments'
/// actions (apply, refund) as forms that carry the session's anti-forgery token.</summary>
public static class WorkQueuesSection
{
    public static void Render(HtmlPage page, WorkQueuesView queues, RawHtml token, OperationsPagePaths paths)
    {
        page.Add($"<h2>Waiting for a person</h2><h3>Trademark approvals</h3>");
        OperationsOverviewPage.Registrations(page, paths, queues.TrademarkApprovals, "waiting-trademarks");
        page.Add($"<h3>Stalled at the registry (refused, or a command given up on)</h3>");
        OperationsOverviewPage.Registrations(page, paths, queues.Stalled, "waiting-stalled");
        HeldPayments(page, queues.HeldPayments, token, paths);
        Requests(page, paths, "Requests awaiting proof (the link, or papers checked by operations, UA-1.5.8)", queues.AwaitingProof, "waiting-proof");
        Requests(page, paths, "Contact e-mail changes awaiting consent (UA-4.7)", queues.AwaitingConsent, "waiting-consent");
        Claims(page, paths, queues.OverdueClaims);
    }

    private static void HeldPayments(HtmlPage page, IReadOnlyList<HeldPaymentView> payments, RawHtml token, OperationsPagePaths paths)
    {
        page.Add($"<h3>Held payments (UA-3.2)</h3>");
        if (payments.Count == 0)
        {
            page.Add($"<p class=\"muted\" id=\"held-payments\">None.</p>");
            return;
        }
        page.Add($"<table id=\"held-payments\"><tr><th>reference</th><th>amount</th><th>booked</th><th>why held</th><th>apply to an invoice</th><th>record its refund</th></tr>");
        foreach (var payment in payments)
        {
            var path = paths.HeldPayment(payment.Reference);
            page.Add($"""
                <tr><td>{payment.Reference}</td><td>{payment.Amount} {payment.Currency}</td><td>{payment.BookedAt}</td><td>{payment.Explanation}</td>
                <td><form method="post" action="{path}/apply">{token}<input name="invoiceNumber" value="{payment.InvoiceNumber ?? ""}" required>
                <input name="reason" placeholder="why" required> <button type="submit" class="apply">Apply</button></form></td>
                <td><form method="post" action="{path}/refund">{token}<input name="amount" value="{payment.Amount}" required>
                <input name="currency" value="{payment.Currency}" size="3" required><input name="bankReference" placeholder="outgoing transfer" required>
                <input name="reason" placeholder="why" required> <button type="submit" class="refund">Refunded</button></form></td></tr>
                """);
        }
        page.Add($"</table>");
    }

    private static void Requests(HtmlPage page, OperationsPagePaths paths, string title, IReadOnlyList<WaitingRequest> requests, string id)
    {
        page.Add($"<h3>{title}</h3>");
        if (requests.Count == 0)
        {
            page.Add($"<p class=\"muted\" id=\"{id}\">None.</p>");
            return;
        }
        page.Add($"<table id=\"{id}\"><tr><th>made</th><th>request</th><th>kind</th><th>registration</th></tr>");
        foreach (var request in requests)
            page.Add($"<tr><td>{request.MadeAt}</td><td>{request.RequestId}</td><td>{request.Kind}{(request.NewContactEmail is { } email ? " to " + email : "")}</td><td>{paths.RegistrationLink(request.RegistrationId)}</td></tr>");
        page.Add($"</table>");
    }

    private static void Claims(HtmlPage page, OperationsPagePaths paths, IReadOnlyList<WaitingClaim> claims)
    {
        page.Add($"<h3>Claims past their answer deadline (UA-5.1)</h3>");
        if (claims.Count == 0)
        {
            page.Add($"<p class=\"muted\" id=\"overdue-claims\">None.</p>");
            return;
        }
        page.Add($"<table id=\"overdue-claims\"><tr><th>answer by</th><th>claim</th><th>domain</th><th>registration</th></tr>");
        foreach (var claim in claims)
            page.Add($"<tr><td>{claim.AnswerBy} ({claim.AnswerRule})</td><td>{claim.ClaimId}</td><td>{claim.DomainName}</td><td>{paths.RegistrationLink(claim.RegistrationId)}</td></tr>");
        page.Add($"</table>");
    }
}
