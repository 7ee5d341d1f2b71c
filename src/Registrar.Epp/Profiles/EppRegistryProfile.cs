namespace Registrar.Epp.Profiles;

/// <summary>The namespaces one registry speaks: the object namespaces the command builders use,
/// and the objURI/extURI lists sent at login.</summary>
public sealed record EppRegistryProfile
{
    public required string Name { get; init; }
    public required string DomainNamespace { get; init; }
    public required string ContactNamespace { get; init; }
    public required string HostNamespace { get; init; }
    public string? SecDnsNamespace { get; init; }
    public string? RgpNamespace { get; init; }
    public required IReadOnlyList<string> ObjectUris { get; init; }
    public required IReadOnlyList<string> ExtensionUris { get; init; }

    /// <summary>Zones (no dot) whose second-level names the registry creates only with a trademark
    /// licence in the profile's licence extension (UA-Pre-7 for .ua).</summary>
    public IReadOnlyList<string> LicensedSecondLevelZones { get; init; } = [];

    public const string IetfName = "ietf";
    public const string HostmasterUaName = "hostmaster-ua";

    /// <summary>The IETF set (RFC 5731-5733, 5910, 3915). No public .kz EPP profile exists, so
    /// .kz/.қаз use this one until the registry's own documents say otherwise.</summary>
    public static EppRegistryProfile Ietf { get; } = new()
    {
        Name = IetfName,
        DomainNamespace = "urn:ietf:params:xml:ns:domain-1.0",
        ContactNamespace = "urn:ietf:params:xml:ns:contact-1.0",
        HostNamespace = "urn:ietf:params:xml:ns:host-1.0",
        SecDnsNamespace = "urn:ietf:params:xml:ns:secDNS-1.1",
        RgpNamespace = "urn:ietf:params:xml:ns:rgp-1.0",
        ObjectUris = ["urn:ietf:params:xml:ns:domain-1.0", "urn:ietf:params:xml:ns:contact-1.0", "urn:ietf:params:xml:ns:host-1.0"],
        ExtensionUris = ["urn:ietf:params:xml:ns:secDNS-1.1", "urn:ietf:params:xml:ns:rgp-1.0"],
    };

    public const string HostmasterUaLicenceNamespace = "http://hostmaster.ua/epp/uaepp-1.1";

    /// <summary>Hostmaster (.ua): its own 1.1 object namespaces, and as extensions its rgp-1.1, its
    /// secDNS-1.1 and uaepp-1.1 for the trademark licence — what the registry's greeting announces
    /// and what Net::DRI's UA extension and other public Hostmaster clients log in with.</summary>
    public static EppRegistryProfile HostmasterUa { get; } = new()
    {
        Name = HostmasterUaName,
        DomainNamespace = "http://hostmaster.ua/epp/domain-1.1",
        ContactNamespace = "http://hostmaster.ua/epp/contact-1.1",
        HostNamespace = "http://hostmaster.ua/epp/host-1.1",
        SecDnsNamespace = "http://hostmaster.ua/epp/secDNS-1.1",
        RgpNamespace = "http://hostmaster.ua/epp/rgp-1.1",
        ObjectUris = ["http://hostmaster.ua/epp/domain-1.1", "http://hostmaster.ua/epp/contact-1.1", "http://hostmaster.ua/epp/host-1.1"],
        ExtensionUris = ["http://hostmaster.ua/epp/rgp-1.1", HostmasterUaLicenceNamespace, "http://hostmaster.ua/epp/secDNS-1.1"],
        LicensedSecondLevelZones = ["ua"],
    };

    /// <summary>The profile named in configuration, with the configured namespace lists replacing
    /// the preset's where given.</summary>
    public static EppRegistryProfile FromOptions(EppProfileOptions options)
    {
        var preset = options.Name switch
        {
            IetfName => Ietf,
            HostmasterUaName => HostmasterUa,
            _ => throw new EppConfigurationException(
                $"Unknown EPP registry profile '{options.Name}'. Known profiles: {IetfName}, {HostmasterUaName}."),
        };
        return preset with
        {
            ObjectUris = options.ObjectUris is { Length: > 0 } objects ? objects : preset.ObjectUris,
            ExtensionUris = options.ExtensionUris is { Length: > 0 } extensions ? extensions : preset.ExtensionUris,
        };
    }

    public bool Speaks(string extensionNamespace) =>
        ExtensionUris.Contains(extensionNamespace) || ObjectUris.Contains(extensionNamespace);
}

/// <summary>Configuration of a registry's profile: a preset name and optional namespace lists
/// replacing the preset's (arrays, so configuration replaces rather than appends).</summary>
public sealed class EppProfileOptions
{
    public string Name { get; set; } = EppRegistryProfile.IetfName;
    public string[]? ObjectUris { get; set; }
    public string[]? ExtensionUris { get; set; }
}

/// <summary>The EPP configuration is unusable (unknown profile, missing certificate, …).</summary>
public sealed class EppConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
