using System.Globalization;
using Microsoft.AspNetCore.Http;
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

    /// <returns>The query, or the fields at fault and why.</returns>
    public static (AuditQuery? Query, Dictionary<string, string[]> Errors) Read(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        var registrationId = Text(query, "registrationId");
        if (registrationId is not null && !RegistrationIds.IsWellFormed(registrationId)) errors["registrationId"] = ["Not a registration id."];
        var actor = Text(query, "actor");
        var action = Text(query, "action");
        foreach (var (field, value) in new[] { ("actor", actor), ("action", action) })
            if (value is not null && TextRules.Refusal(value, MaxTextLength) is { } refusal) errors[field] = [refusal];
        var from = Instant(query, "from", errors);
        var to = Instant(query, "to", errors);
        if (from > to) errors["to"] = ["Before 'from'."];
        var continuation = Text(query, "continuation");
        if (continuation is not null && !IAuditSearch.IsContinuation(continuation)) errors["continuation"] = ["Not the continuation of an earlier page."];
        var pageSize = DefaultPageSize;
        if (Text(query, "pageSize") is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > IAuditSearch.MaxPageSize))
            errors["pageSize"] = [$"From 1 to {IAuditSearch.MaxPageSize}."];
        return errors.Count > 0
            ? (null, errors)
            : (new AuditQuery(new AuditFilter(registrationId, actor, action, from, to), continuation, pageSize), errors);
    }

    private static string? Text(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

    private static DateTimeOffset? Instant(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (Text(query, name) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant;
        errors[name] = ["An ISO 8601 instant, e.g. 2027-03-01T09:00:00Z."];
        return null;
    }
}
