using Registrar.Core.Customers;

namespace Registrar.Api.Claims;

/// <summary>The limits on what a claim, an answer or an operations record keeps. Every stored string is bounded (a table
/// property holds 32 K UTF-16 characters, and non-ASCII text is stored escaped, six characters each); free text may
/// run over lines, everything else stays on one.</summary>
public static class StoredText
{
    public const int MaxTextLength = 4_000;
    public const int MaxReferenceLength = 200;
    public const int MaxPersonLength = 200;

    /// <summary>Why free text (a claim, an answer, a circumstance) cannot be kept, or null when it can.</summary>
    public static string? TextRefusal(string? value) => value switch
    {
        _ when string.IsNullOrWhiteSpace(value) => "Required.",
        { Length: > MaxTextLength } => $"At most {MaxTextLength} characters.",
        _ when value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) =>
            "Control characters other than line breaks and tabs are not allowed.",
        _ => null,
    };

    /// <summary>Why a one-line value (a name, a reference) cannot be kept, or null when it can.</summary>
    public static string? LineRefusal(string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? "Required." : TextRules.Refusal(value, maxLength);

    public static void Check(Dictionary<string, string[]> errors, string field, string? refusal)
    {
        if (refusal is not null) errors[field] = [refusal];
    }
}
