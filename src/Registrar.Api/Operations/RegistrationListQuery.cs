using System.Globalization;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;
using Registrar.Api.Security;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;
using Registrar.Storage.Stores;

namespace Registrar.Api.Operations;

/// <summary>Which registrations operations list: <c>?phase=&amp;zone=&amp;customerId=&amp;expiresFrom=&amp;expiresTo=&amp;overdue=&amp;after=&amp;pageSize=</c>,
/// read the same way by the API and the operations page. Every value is checked before it reaches a storage filter.</summary>
public sealed record RegistrationListQuery(RegistrationFilter Filter, string? After, int PageSize)
{
    public const int DefaultPageSize = 50;

    /// <summary>What the list takes; the API refuses any other parameter, while the operations page ignores its own forms' fields.</summary>
    public static readonly string[] Parameters = ["phase", "zone", "customerId", "expiresFrom", "expiresTo", "overdue", "after", "pageSize"];

    /// <returns>The query, or the parameters at fault and why.</returns>
    public static (RegistrationListQuery? Query, Dictionary<string, string[]> Errors) Read(IQueryCollection query, ZoneCatalog zones)
    {
        var errors = new Dictionary<string, string[]>();
        QueryValues.RefuseRepeated(query, errors);
        RegistrationPhase? phase = null;
        if (QueryValues.Text(query, "phase") is { } phaseText)
        {
            if (Enum.GetNames<RegistrationPhase>().Contains(phaseText)) phase = Enum.Parse<RegistrationPhase>(phaseText);
            else errors["phase"] = [$"Not a registration phase: one of {string.Join(", ", Enum.GetNames<RegistrationPhase>())}."];
        }
        // A zone as every other input takes it: U-label or A-label, any case (".қаз" or "xn--80ao21a", "KZ").
        var zone = QueryValues.Text(query, "zone");
        if (zone is not null)
        {
            if (zones.TryFor(zone, out var policy)) zone = policy.Zone;
            else errors["zone"] = ["Not a zone this registrar sells."];
        }
        var customerId = QueryValues.Text(query, "customerId");
        if (customerId is not null && !CustomerId.IsValid(customerId)) errors["customerId"] = [CustomerId.Rule];
        var expiresFrom = QueryValues.Instant(query, "expiresFrom", errors);
        var expiresTo = QueryValues.Instant(query, "expiresTo", errors);
        if (expiresFrom >= expiresTo) errors["expiresTo"] = ["After 'expiresFrom'."];
        var filter = new RegistrationFilter(phase, zone, customerId, expiresFrom, expiresTo, QueryValues.Flag(query, "overdue", errors));
        var after = QueryValues.Text(query, "after");
        if (after is not null && !RegistrationDirectory.IsPageKey(filter, after)) errors["after"] = ["Not the next-page value of a list with these filters."];
        var pageSize = QueryValues.PageSize(query, DefaultPageSize, IRegistrationDirectory.MaxPageSize, errors);
        return errors.Count > 0 ? (null, errors) : (new RegistrationListQuery(filter, after, pageSize), errors);
    }

    /// <summary>The query string of this list's page that starts after <paramref name="after"/>: the same filters, read back the same.</summary>
    public QueryString PageAfter(string after) => QueryString.Create(new Dictionary<string, string?>
    {
        ["phase"] = Filter.Phase?.ToString(),
        ["zone"] = Filter.Zone,
        ["customerId"] = Filter.CustomerId,
        ["expiresFrom"] = Filter.ExpiresFrom?.ToString("O", CultureInfo.InvariantCulture),
        ["expiresTo"] = Filter.ExpiresTo?.ToString("O", CultureInfo.InvariantCulture),
        ["overdue"] = Filter.Overdue ? "true" : null,
        ["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
        ["after"] = after,
    }.Where(p => p.Value is not null));

    public Task<RegistrationPage> ListAsync(IRegistrationDirectory directory, DateTimeOffset now, CancellationToken ct) =>
        directory.ListAsync(Filter, After, PageSize, now, ct);
}
