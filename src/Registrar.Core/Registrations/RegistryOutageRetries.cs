namespace Registrar.Core.Registrations;

/// <summary>
/// KZ-2.1: a registration is done within a business day of its payment, so a registry command the host gave up on (the registry
/// unreachable through all its deliveries: a maintenance window, an outage) stalls the registration only until it is asked again by
/// itself, the way an operations retry asks (a create again, recognised as ours if it had taken effect; a paid renew read back
/// first). A person is asked once the waits are used up; any answer from the registry starts them again.
/// </summary>
public static class RegistryOutageRetries
{
    /// <summary>The waits before each new attempt: a registry's maintenance window or an outage of a few hours passes without a
    /// person, well inside the business day.</summary>
    public static IReadOnlyList<TimeSpan> Delays { get; } =
        [TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2)];

    internal static void OnGivenUp(RegistrationStep step, RegistrationCommandFailed failed, DateTimeOffset now)
    {
        var state = step.State;
        var retries = state.RegistryRetries;
        if (retries < Delays.Count)
        {
            step.Update(s => s with
            {
                Phase = RegistrationPhase.Stalled,
                AwaitedCommandId = null,
                RegistryRetries = retries + 1,
                RetryRegistryAt = now + Delays[retries],
            });
            return;
        }
        step.Update(s => s with { Phase = RegistrationPhase.Stalled, AwaitedCommandId = null, RegistryRetries = 0, RetryRegistryAt = null });
        step.Flag($"The registry command for {state.Order?.DisplayName} could not be carried out ({failed.Reason}), also when asked again {retries} "
            + "times since: retry when the cause is fixed.");
    }

    /// <summary>When a stall the registry's silence caused, and nothing since, asks again.</summary>
    internal static DateTimeOffset? NextWake(RegistrationState state) =>
        state.Phase == RegistrationPhase.Stalled ? state.RetryRegistryAt : null;
}
