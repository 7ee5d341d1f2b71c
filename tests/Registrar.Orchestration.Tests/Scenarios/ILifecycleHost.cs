using Registrar.Core.Registrations;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>A host of registration lifecycles, driven from outside the way the product drives it: events
/// raised through the host's own delivery path, commands carried out by <see cref="RecordingCommands"/>.</summary>
public interface ILifecycleHost : IAsyncDisposable
{
    RecordingCommands Commands { get; }

    /// <summary>Whether a decision the host takes while carrying out a batch (a command's failure handed to the decider)
    /// makes the host skip what that decision makes needless in the rest of the batch (an older view): the local runtime
    /// does; a Durable orchestration carries each batch out whole.</summary>
    bool SkipsSupersededCommands { get; }

    Task RaiseAsync(string registrationId, string eventId, RegistrationEvent @event);

    /// <summary>The registration's state once the host has settled, or null when it has no lifecycle.</summary>
    Task<RegistrationState?> StateAsync(string registrationId);

    /// <summary>When the host will next wake the registration by itself, or null when nothing is due by time.</summary>
    Task<DateTimeOffset?> WakeAtAsync(string registrationId);
}
