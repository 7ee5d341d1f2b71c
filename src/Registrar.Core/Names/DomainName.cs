using Registrar.Core.Zones;

namespace Registrar.Core.Names;

/// <summary>
/// A valid name directly under one of the registrar's zones, in both forms: "пример.қаз" and
/// "xn--e1afmkfd.xn--80ao21a". Made only by <see cref="DomainNameParser"/>; two values are equal
/// when their A-label forms are.
/// </summary>
public sealed record DomainName
{
    internal DomainName(string unicode, string ascii, ZonePolicy zone)
    {
        Unicode = unicode;
        Ascii = ascii;
        Zone = zone;
        Labels = unicode.Split('.');
    }

    /// <summary>Lower case, U-labels, no trailing dot: "пример.қаз".</summary>
    public string Unicode { get; }

    /// <summary>Lower case, A-labels, no trailing dot: "xn--e1afmkfd.xn--80ao21a". The form sent to registries.</summary>
    public string Ascii { get; }

    /// <summary>The Unicode labels, left to right: ["пример", "қаз"].</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The label registered under the zone: "пример".</summary>
    public string Label => Labels[0];

    public ZonePolicy Zone { get; }

    /// <summary>UA-Pre-7: a second-level .ua name needs a trademark whose word element matches it exactly.</summary>
    public bool RequiresTrademark => Zone.Names.RequiresTrademark;

    public bool Equals(DomainName? other) => other is not null && string.Equals(Ascii, other.Ascii, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Ascii);

    public override string ToString() => Unicode;
}
