using System.Text.RegularExpressions;
using Registrar.RegistrySimulator.Commands;

namespace Registrar.RegistrySimulator.Registry;

/// <summary>Syntax of domain and host names (RFC 1123 LDH labels, A-labels for IDNs) and contact ids.</summary>
public static partial class ObjectNames
{
    [GeneratedRegex("^(?!-)[a-z0-9-]{1,63}(?<!-)$")]
    private static partial Regex LdhLabel();

    [GeneratedRegex(@"^[\x21-\x7e]{3,16}$")]
    private static partial Regex ContactId();

    public static string Domain(string name)
    {
        var normalized = name.Trim().TrimEnd('.').ToLowerInvariant();
        var labels = normalized.Split('.');
        if (normalized.Any(c => c > 127))
            throw new EppCommandException(ResultCode.ValueSyntax, $"'{name}' is not an A-label name; send IDNs in their xn-- form.");
        if (labels.Length < 2 || normalized.Length > 253 || !labels.All(LdhLabel().IsMatch))
            throw new EppCommandException(ResultCode.ValueSyntax, $"'{name}' is not a valid domain name (letters, digits and hyphens, 1-63 per label, at least two labels).");
        return normalized;
    }

    public static string Host(string name) => Domain(name);

    public static string Contact(string id) =>
        ContactId().IsMatch(id) ? id : throw new EppCommandException(ResultCode.ValueSyntax, $"'{id}' is not a valid contact id (3-16 printable characters).");
}
