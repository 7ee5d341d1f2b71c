using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Core.Customers;
using Registrar.Core.Registrations;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>Which audit entries operations read: <c>?registrationId=&amp;actor=&amp;action=&amp;from=&amp;to=&amp;continuation=&amp;pageSize=</c>.
/// Every value is checked before it reaches a storage filter.</summary>
public sealed record AuditQuery(AuditFilter Filter, string? Continuation, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxTextLength = 200;

    private static readonly string[] Parameters = ["registrationId", "actor", "action", "from", "to", "continuation", "pageSize"];

    /// <returns>The query, or the fields at fault and why.</returns>
    public static (AuditQuery? Query, Dictionary<string, string[]> Errors) Read(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        QueryValues.RefuseRepeated(query, errors);
        QueryValues.RefuseUnknown(query, Parameters, errors);
        var registrationId = QueryValues.Text(query, "registrationId");
        if (registrationId is not null && !RegistrationIds.IsWellFormed(registrationId)) errors["registrationId"] = ["Not a registration id."];
        var actor = QueryValues.Text(query, "actor");
        var action = QueryValues.Text(query, "action");
        foreach (var (field, value) in new[] { ("actor", actor), ("action", action) })
            if (value is not null && TextRules.Refusal(value, MaxTextLength) is { } refusal) errors[field] = [refusal];
        var from = QueryValues.Instant(query, "from", errors);
        var to = QueryValues.Instant(query, "to", errors);
        if (from > to) errors["to"] = ["Before 'from'."];
        var continuation = QueryValues.Text(query, "continuation");
        if (continuation is not null && !IAuditSearch.IsContinuation(continuation)) errors["continuation"] = ["Not the continuation of an earlier page."];
        var pageSize = QueryValues.PageSize(query, DefaultPageSize, IAuditSearch.MaxPageSize, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new AuditQuery(new AuditFilter(registrationId, actor, action, from, to), continuation, pageSize), errors);
    }
}
