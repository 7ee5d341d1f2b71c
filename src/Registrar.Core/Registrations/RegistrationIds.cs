namespace Registrar.Core.Registrations;

/// <summary>One registration per order line. Short enough that "{registrationId}-{n}" fits an EPP
/// clTRID (RFC 5730: at most 64 characters).</summary>
public static class RegistrationIds
{
    public static string For(string orderId, int lineIndex) => $"{orderId}-{lineIndex + 1}";
}
