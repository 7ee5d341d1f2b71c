using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Operations;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations.Page;

/// <summary>
/// GET /ops/page: what waits for a person (the work queues and the review list), what expires
/// soon, the registrations by phase, and a list of them filtered as the API's list is, a page at a time.
/// </summary>
public sealed class OperationsOverviewPage(
    OperationsSessions sessions, OperationsPagePaths paths, IRegistrationDirectory directory, IReviewList review, WorkQueues queues,
    ZoneCatalog zones, TimeProvider clock)
{
    private const int WaitingShown = 50;
    private const int CountCap = 10_000;
    private static readonly TimeSpan ExpiringWindow = TimeSpan.FromDays(30);

    public async Task<IResult> RenderAsync(HttpRequest request, CancellationToken ct)
    {
        if (await sessions.ReadAsync(request, ct) is not { } actor) return paths.SignInForm(null);
        var (query, errors) = RegistrationListQuery.Read(request.Query, zones);
        if (query is null)
            return paths.ErrorPage(StatusCodes.Status400BadRequest, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

        var page = new HtmlPage();
        page.Add($"""
            <p>Signed in as {actor.Name}. <form class="inline" method="post" action="{paths.SignOut}">{Token(request)}<button type="submit">Sign out</button></form></p>
            """);
        await WaitingAsync(page, request, ct);
        await ExpiringAsync(page, ct);
        await CountsAsync(page, ct);
        await ListAsync(page, query, ct);
        return paths.Page(page, "Overview");
    }

    public RawHtml Token(HttpRequest request) =>
        new($"<input type=\"hidden\" name=\"{OperationsSessions.FormTokenField}\" value=\"{sessions.FormToken(request)}\">");

    private async Task WaitingAsync(HtmlPage page, HttpRequest request, CancellationToken ct)
    {
        WorkQueuesSection.Render(page, await queues.ReadAsync(ct), Token(request), paths);
        page.Add($"<h3>Review list (flags, held payments, overdue changes)</h3><table id=\"review\"><tr><th>raised</th><th>kind</th><th>subject</th><th>reason</th><th>explanation</th></tr>");
        var shown = 0;
        await foreach (var item in review.ListOpenAsync(ct))
        {
            if (shown++ == WaitingShown) break;
            var subject = item.Kind == "registration" && RegistrationIds.IsWellFormed(item.Subject)
                ? paths.RegistrationLink(item.Subject)
                : new HtmlPage().Add($"{item.Subject}").ToRaw();
            page.Add($"<tr><td>{item.RaisedAt}</td><td>{item.Kind}</td><td>{subject}</td><td>{item.Reason}</td><td>{item.Explanation}</td></tr>");
        }
        page.Add($"</table>");
    }

    private async Task ExpiringAsync(HtmlPage page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        page.Add($"<h2>Expiring in the next {ExpiringWindow.Days} days</h2>");
        Registrations(page, paths, await directory.ExpiringAsync(now, now + ExpiringWindow, WaitingShown, ct), "expiring");
    }

    private async Task CountsAsync(HtmlPage page, CancellationToken ct)
    {
        var counts = await directory.CountByPhaseAsync(CountCap, ct);
        page.Add($"<h2>Registrations by phase</h2><table id=\"counts\"><tr><th>phase</th><th>registrations</th></tr>");
        foreach (var (phase, count) in counts.Counts.OrderBy(c => c.Key))
            page.Add($"<tr><td><a href=\"{paths.Home}?phase={phase}#list\">{phase}</a></td><td>{count}</td></tr>");
        page.Add($"</table>");
        if (counts.Capped) page.Add($"<p class=\"muted\">Counted up to {CountCap} registrations; there are more.</p>");
    }

    private async Task ListAsync(HtmlPage page, RegistrationListQuery query, CancellationToken ct)
    {
        var filter = query.Filter;
        var found = await query.ListAsync(directory, clock.GetUtcNow(), ct);
        page.Add($"<h2 id=\"list\">Registrations</h2><form method=\"get\" action=\"{paths.Home}#list\"><label>Phase <select name=\"phase\"><option value=\"\">any</option>");
        foreach (var name in Enum.GetNames<RegistrationPhase>())
            page.Add($"<option{Selected(filter.Phase?.ToString() == name)}>{name}</option>");
        page.Add($"</select></label> <label>Zone <select name=\"zone\"><option value=\"\">any</option>");
        foreach (var policy in zones.All)
            page.Add($"<option{Selected(policy.Zone == filter.Zone)}>{policy.Zone}</option>");
        page.Add($"""
            </select></label> <label>Customer <input name="customerId" value="{filter.CustomerId}" size="16"></label>
            <label>Expires from <input type="date" name="expiresFrom" value="{Day(filter.ExpiresFrom)}"></label>
            <label>to <input type="date" name="expiresTo" value="{Day(filter.ExpiresTo)}"></label>
            <label><input type="checkbox" name="overdue" value="true"{(filter.Overdue ? new RawHtml(" checked") : new RawHtml(""))}> overdue (KZ-2.1)</label>
            <button type="submit">Show</button></form>
            """);
        Registrations(page, paths, found.Registrations, "registrations");
        if (found.Next is { } next)
            page.Add($"<p><a id=\"next-page\" href=\"{paths.Home}{query.PageAfter(next).Value}#list\">Next page</a></p>");
    }

    private static RawHtml Selected(bool selected) => new(selected ? " selected" : "");

    private static string? Day(DateTimeOffset? instant) => instant?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static void Registrations(HtmlPage page, OperationsPagePaths paths, IReadOnlyList<RegistrationView> views, string id)
    {
        if (views.Count == 0)
        {
            page.Add($"<p class=\"muted\" id=\"{id}\">None.</p>");
            return;
        }
        page.Add($"<table id=\"{id}\"><tr><th>domain</th><th>zone</th><th>phase</th><th>expires</th><th>due by (KZ-2.1)</th><th>customer</th><th>registration</th></tr>");
        foreach (var view in views)
            page.Add($"<tr><td>{view.DisplayName}</td><td>{view.Zone}</td><td>{view.Phase}</td><td>{view.ExpiresAt}</td><td>{view.DueBy}</td><td>{view.CustomerId}</td><td>{paths.RegistrationLink(view.RegistrationId)}</td></tr>");
        page.Add($"</table>");
    }
}
