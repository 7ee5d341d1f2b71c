namespace Registrar.Core.Names;

/// <summary>Rules on one DNS label shared by domain names and name servers.</summary>
public static class Labels
{
    /// <summary>RFC 5891 section 4.2.3.1: hyphens in the 3rd and 4th positions are reserved for IDNA's "xn--", which the
    /// registries enforce (EPP 2005) on domains and hosts alike.</summary>
    public static bool HasReservedHyphens(string label) =>
        label.Length >= 4 && label[2] == '-' && label[3] == '-' && !label.StartsWith("xn--", StringComparison.Ordinal);
}
