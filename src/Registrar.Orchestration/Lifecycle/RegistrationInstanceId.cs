using Registrar.Core.Registrations;

namespace Registrar.Orchestration.Lifecycle;

/// <summary>
/// The orchestration instance id of a registration, derived from its id alone so that starting a
/// lifecycle twice finds the same instance and any host can address it without a lookup.
/// </summary>
public static class RegistrationInstanceId
{
    private const string Prefix = "registration-";

    /// <exception cref="ArgumentException">The id is not a registration id (<see cref="RegistrationIds.IsWellFormed"/>):
    /// nothing a route did not check may name an orchestration (Durable's storage keys refuse '/', '\', '#', '?').</exception>
    public static string For(string registrationId) =>
        RegistrationIds.IsWellFormed(registrationId)
            ? Prefix + registrationId
            : throw new ArgumentException(
                $"A registration id is 1 to {RegistrationIds.MaxLength} ASCII letters, digits, '-' or '_'; got {registrationId?.Length ?? 0} characters that are not.",
                nameof(registrationId));

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
