namespace Registrar.Core.Registrations;

public static class RegistrationPhases
{
    /// <summary>The registration has ended (closed, deleted at the registry, transferred to another registrar): nothing of ours
    /// is held at the registry, no notice goes to its customer, and the contract it was held under ended with it (UA-Pre-6).</summary>
    public static bool HasEnded(this RegistrationPhase phase) =>
        phase is RegistrationPhase.Closed or RegistrationPhase.Deleted or RegistrationPhase.TransferredAway;
}
