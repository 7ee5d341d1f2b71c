using Registrar.Core.Registrations;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>A host of registration lifecycles, driven from outside the way the product drives it: events
/// raised through the host's own delivery path, commands carried out by <see cref="RecordingCommands"/>.</summary>
public interface ILifecycleHost : IAsyncDisposable
{
    RecordingCommands Commands { get; }

    Task RaiseAsync(string registrationId, string eventId, RegistrationEvent @event);

    /// <summary>The registration's state once the host has settled, or null when it has no lifecycle.</summary>
    Task<RegistrationState?> StateAsync(string registrationId);
}
