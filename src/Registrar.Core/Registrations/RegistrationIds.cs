namespace Registrar.Core.Registrations;

/// <summary>One registration per order line. Short enough that "{registrationId}-{n}" fits an EPP
/// clTRID (RFC 5730: at most 64 characters).</summary>
public static class RegistrationIds
{
    /// <summary>Ids are built here ("O" + 16 hex digits, "-", the line number); anything longer is not one of ours.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Whether a route's id can name a registration at all: 1 to 64 ASCII letters, digits, '-' or '_'.
    /// Checked before anything is looked up, raised or put in a header, so '/', '\', '#', '?',
    /// control characters (CR/LF) and non-ASCII never reach a table key, an instance id or a Location.
    /// </summary>
    public static bool IsWellFormed(string? registrationId) =>
        registrationId is { Length: > 0 and <= MaxLength } && registrationId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string For(string orderId, int lineIndex) => $"{orderId}-{lineIndex + 1}";

    /// <summary>The id of a registration's <paramref name="count"/>th command; a registry command's id is its clTRID.</summary>
    public static string Command(string registrationId, int count) => $"{registrationId}-{count}";

    /// <summary>The registration a command id (<see cref="Command"/>) names, as a registry's message quoting the clTRID of a
    /// command it left pending does.</summary>
    public static bool TryRegistrationOfCommand(string commandId, out string registrationId)
    {
        var dash = commandId.LastIndexOf('-');
        registrationId = dash > 0 ? commandId[..dash] : "";
        var count = dash > 0 ? commandId.AsSpan(dash + 1) : [];
        return count.Length is > 0 and <= 9 && !count.ContainsAnyExceptInRange('0', '9')
            && IsWellFormed(registrationId) && TryParse(registrationId, out _, out _);
    }

    /// <summary>The order a registration id belongs to.</summary>
    public static bool TryOrderOf(string registrationId, out string orderId) => TryParse(registrationId, out orderId, out _);

    /// <summary>The order and the index of its line a registration id names.</summary>
    public static bool TryParse(string registrationId, out string orderId, out int lineIndex)
    {
        var dash = registrationId.LastIndexOf('-');
        orderId = dash > 0 ? registrationId[..dash] : "";
        lineIndex = dash > 0 && int.TryParse(registrationId.AsSpan(dash + 1), out var line) ? line - 1 : -1;
        return lineIndex >= 0;
    }
}
