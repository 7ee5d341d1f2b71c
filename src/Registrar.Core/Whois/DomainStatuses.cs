namespace Registrar.Core.Whois;

/// <summary>
/// RFC 8056 section 2: the RDAP status value (RFC 9083 section 10.2.2) of each EPP domain status (RFC 5731, and RFC 3915's
/// rgp statuses), both ways: RDAP answers in the registry's values, WHOIS in EPP's own words.
/// </summary>
public static class DomainStatuses
{
    private static readonly (string Epp, string Rdap)[] Mapping =
    [
        ("addPeriod", "add period"), ("autoRenewPeriod", "auto renew period"),
        ("clientDeleteProhibited", "client delete prohibited"), ("clientHold", "client hold"),
        ("clientRenewProhibited", "client renew prohibited"), ("clientTransferProhibited", "client transfer prohibited"),
        ("clientUpdateProhibited", "client update prohibited"), ("inactive", "inactive"), ("linked", "associated"), ("ok", "active"),
        ("pendingCreate", "pending create"), ("pendingDelete", "pending delete"), ("pendingRenew", "pending renew"),
        ("pendingRestore", "pending restore"), ("pendingTransfer", "pending transfer"), ("pendingUpdate", "pending update"),
        ("redemptionPeriod", "redemption period"), ("renewPeriod", "renew period"),
        ("serverDeleteProhibited", "server delete prohibited"), ("serverRenewProhibited", "server renew prohibited"),
        ("serverTransferProhibited", "server transfer prohibited"), ("serverUpdateProhibited", "server update prohibited"),
        ("serverHold", "server hold"), ("transferPeriod", "transfer period"),
    ];

    private static readonly Dictionary<string, string> ToRdapValue = Mapping.ToDictionary(m => m.Epp, m => m.Rdap, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> ToEppValue = Mapping.ToDictionary(m => m.Rdap, m => m.Epp, StringComparer.Ordinal);

    /// <summary>The RDAP values of the registry's statuses. A status RFC 8056 does not map (a registry's own) is left out: an
    /// RDAP status is one of the registered values (RFC 9083 section 4.6).</summary>
    public static IReadOnlyList<string> ToRdap(IEnumerable<string> eppStatuses) =>
        [.. eppStatuses.Select(s => ToRdapValue.GetValueOrDefault(s)).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The EPP status an RDAP value stands for; the value itself where none does.</summary>
    public static string ToEpp(string rdapStatus) => ToEppValue.GetValueOrDefault(rdapStatus, rdapStatus);
}
