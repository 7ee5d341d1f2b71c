using System.Text.RegularExpressions;

namespace Registrar.Core.Customers;

/// <summary>
/// UA-1.13: a registrant may name an existing registry contact (nic-handle) instead of giving data.
/// The form is the EPP contact id (RFC 5730 clIDType: 3 to 16 characters).
/// </summary>
public static partial class NicHandle
{
    public const string Rule = "A nic-handle is 3 to 16 characters: letters, digits, '-' or '_'.";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{2,15}$")]
    private static partial Regex Pattern();
}
