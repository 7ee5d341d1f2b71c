namespace Registrar.Orchestration.Lifecycle;

/// <summary>
/// The orchestration instance id of a registration, derived from its id alone so that starting a
/// lifecycle twice finds the same instance and any host can address it without a lookup.
/// </summary>
public static class RegistrationInstanceId
{
    private const string Prefix = "registration-";

    // Durable Task's Azure Storage provider keys rows and blobs by instance id: these characters
    // are refused there, and the length keeps the id well inside the key limits.
    private const int MaxRegistrationIdLength = 200;
    private static readonly char[] Forbidden = ['/', '\\', '#', '?'];

    /// <summary>Whether <paramref name="registrationId"/> can name an orchestration at all; route ids are checked
    /// with it before anything is looked up or raised.</summary>
    public static bool IsWellFormed(string? registrationId) =>
        registrationId is { Length: > 0 and <= MaxRegistrationIdLength }
        && registrationId.IndexOfAny(Forbidden) < 0 && !registrationId.Any(char.IsControl);

    public static string For(string registrationId)
    {
        ArgumentNullException.ThrowIfNull(registrationId);
        if (registrationId.Length == 0 || registrationId.Length > MaxRegistrationIdLength)
        {
            throw new ArgumentException(
                $"A registration id must be 1 to {MaxRegistrationIdLength} characters long; got {registrationId.Length}.",
                nameof(registrationId));
        }

        if (registrationId.IndexOfAny(Forbidden) >= 0 || registrationId.Any(char.IsControl))
        {
            throw new ArgumentException(
                $"The registration id '{registrationId}' contains '/', '\\', '#', '?' or a control character, which an orchestration instance id cannot hold.",
                nameof(registrationId));
        }

        return Prefix + registrationId;
    }

    public static string ToRegistrationId(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (!instanceId.StartsWith(Prefix, StringComparison.Ordinal) || instanceId.Length == Prefix.Length)
        {
            throw new ArgumentException(
                $"'{instanceId}' is not a registration's orchestration instance id (expected '{Prefix}<registration id>').",
                nameof(instanceId));
        }

        return instanceId[Prefix.Length..];
    }
}
