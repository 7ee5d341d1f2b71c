namespace Registrar.Mail;

/// <summary>Host names RFC 2606 reserves for documentation and tests: a setting naming one was left at a placeholder.</summary>
public static class ReservedHosts
{
    /// <summary>RFC 2606 section 2's top-level names and section 3's second-level ones; "localhost" names a real host.</summary>
    private static readonly string[] ReservedTopLevel = ["example", "invalid", "test"];
    private static readonly string[] ReservedSecondLevel = ["example.com", "example.net", "example.org"];

    public static bool IsReserved(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return ReservedTopLevel.Any(tld => name == tld || name.EndsWith("." + tld, StringComparison.Ordinal))
            || ReservedSecondLevel.Any(domain => name == domain || name.EndsWith("." + domain, StringComparison.Ordinal));
    }
}
