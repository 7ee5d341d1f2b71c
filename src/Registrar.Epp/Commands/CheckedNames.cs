using System.Globalization;

namespace Registrar.Epp.Commands;

/// <summary>Whether a name in a check answer is the name asked. Domain names compare without case (RFC 4343), and an IDN
/// is the same name as a U-label (.қаз) or as its A-label (xn--80ao21a, RFC 5890 section 2.3.2.1), so both are compared in
/// their lower-case A-label form. A contact id, or anything else IDNA refuses, is compared as written, without case, as
/// the check answer always has been.</summary>
internal static class CheckedNames
{
    public static bool Same(string answered, string asked) =>
        string.Equals(ALabelForm(answered), ALabelForm(asked), StringComparison.Ordinal);

    private static string ALabelForm(string name)
    {
        var trimmed = name.Trim();
        try
        {
            // IdnMapping's instance members are not documented as thread-safe; one per comparison is cheap on this path.
            return new IdnMapping().GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return trimmed.ToLowerInvariant();
        }
    }
}
