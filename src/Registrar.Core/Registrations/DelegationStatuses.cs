namespace Registrar.Core.Registrations;

/// <summary>RFC 5731 section 2.3: a domain with no host objects is "inactive", and "ok" stands alone, each set and removed by the
/// registry as other statuses come and go. The lifecycle follows what its own create and name-server updates did, so the public
/// RDAP and WHOIS answers do not show a stale status until the sweep reads what the registry holds.</summary>
internal static class DelegationStatuses
{
    private const string Inactive = "inactive";
    private const string Ok = "ok";

    public static IReadOnlyList<string> After(IReadOnlyList<string> statuses, bool delegated)
    {
        List<string> others = [.. statuses.Where(s => !s.Equals(Inactive, StringComparison.OrdinalIgnoreCase) && !s.Equals(Ok, StringComparison.OrdinalIgnoreCase))];
        if (!delegated) others.Insert(0, Inactive);
        return others.Count == 0 ? [Ok] : others;
    }
}
