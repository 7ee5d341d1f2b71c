namespace Registrar.Core.Registrations;

/// <summary>One registration per order line. Short enough that "{registrationId}-{n}" fits an EPP
/// clTRID (RFC 5730: at most 64 characters).</summary>
public static class RegistrationIds
{
    public static string For(string orderId, int lineIndex) => $"{orderId}-{lineIndex + 1}";

    /// <summary>The order a registration id belongs to.</summary>
    public static bool TryOrderOf(string registrationId, out string orderId)
    {
        var dash = registrationId.LastIndexOf('-');
        orderId = dash > 0 ? registrationId[..dash] : "";
        return dash > 0 && int.TryParse(registrationId.AsSpan(dash + 1), out var line) && line > 0;
    }
}
