using System.Globalization;
using Registrar.Core.Registrations;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Stores;

/// <summary>
/// The directory's row keys, one index per way operations look for registrations, and which index a filter reads.
/// A list reads one index's key ranges in key order and applies the rest of the filter to the rows it reads:
/// overdue first (the fewest rows), then the customer, then the expiry window, else phase and zone.
/// </summary>
internal static class RegistrationDirectoryKeys
{
    public const string PhasePrefix = "phase|";
    public const string ExpiryPrefix = "expiry|";
    public const string DeadlinePrefix = "deadline|";
    public const string CustomerPrefix = "customer|";
    public const string DomainPrefix = "domain|";

    /// <summary>The rows kept for <paramref name="view"/>: phase, customer and domain name always, expiry while it is live at
    /// the registry and has one, deadline while it runs against one (KZ-2.1).</summary>
    public static (string Phase, string? Expiry, string? Deadline, string Customer, string Domain) For(RegistrationView view)
    {
        var id = TableKeys.Escape(view.RegistrationId);
        return (
            string.Create(CultureInfo.InvariantCulture, $"{PhasePrefix}{view.Phase}|{TableKeys.Escape(view.Zone)}|{id}"),
            IRegistrationViews.IsLiveAtRegistry(view.Phase) && view.ExpiresAt is { } expires ? $"{ExpiryPrefix}{TableKeys.Ticks(expires)}|{id}" : null,
            view.DueBy is { } due ? $"{DeadlinePrefix}{TableKeys.Ticks(due)}|{id}" : null,
            $"{CustomerPrefix}{TableKeys.Escape(view.CustomerId)}|{id}",
            $"{DomainPrefix}{DomainOf(view.DomainName)}|{id}");
    }

    /// <summary>The key range of every registration of one domain name, whatever its case.</summary>
    public static (string Lower, string Upper) DomainRange(string domainName) => Prefixed($"{DomainPrefix}{DomainOf(domainName)}|");

    private static string DomainOf(string domainName) => TableKeys.Escape(domainName.ToLowerInvariant());

    /// <summary>The key ranges [lower, upper) the filter's index is read in, in key order.</summary>
    public static IEnumerable<(string Lower, string Upper)> Ranges(RegistrationFilter filter, DateTimeOffset now)
    {
        if (filter.Overdue)
        {
            // '}' sorts right after '|': every deadline at or before now.
            yield return (DeadlinePrefix, $"{DeadlinePrefix}{TableKeys.Ticks(now)}}}");
        }
        else if (filter.CustomerId is not null)
        {
            yield return Prefixed(IndexPrefix(filter));
        }
        else if (filter.HasExpiryWindow)
        {
            yield return (filter.ExpiresFrom is { } from ? ExpiryPrefix + TableKeys.Ticks(from) : ExpiryPrefix,
                filter.ExpiresTo is { } to ? ExpiryPrefix + TableKeys.Ticks(to) : End(ExpiryPrefix));
        }
        else
        {
            // One key range per phase (ordered as the keys are), so a zone without a phase is still a range read.
            IEnumerable<RegistrationPhase> phases = filter.Phase is { } only ? [only] : Enum.GetValues<RegistrationPhase>().OrderBy(p => p.ToString(), StringComparer.Ordinal);
            foreach (var phase in phases)
                yield return Prefixed($"{PhasePrefix}{phase}|" + (filter.Zone is null ? "" : TableKeys.Escape(filter.Zone) + "|"));
        }
    }

    /// <summary>What every key of the index the filter reads begins with: a page's <c>next</c> from another filter is refused.</summary>
    public static string IndexPrefix(RegistrationFilter filter) =>
        filter.Overdue ? DeadlinePrefix
        : filter.CustomerId is { } customer ? $"{CustomerPrefix}{TableKeys.Escape(customer)}|"
        : filter.HasExpiryWindow ? ExpiryPrefix
        : PhasePrefix;

    private static (string Lower, string Upper) Prefixed(string prefix) => (prefix, End(prefix));

    // The prefix ends with '|'; '}' sorts right after it, so the range holds the prefix's keys and nothing else.
    private static string End(string prefix) => prefix[..^1] + "}";
}
