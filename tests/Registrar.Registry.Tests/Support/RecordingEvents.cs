using System.Collections.Concurrent;
using Registrar.Core.Lifecycle;
using Registrar.Core.Registrations;

namespace Registrar.Registry.Tests.Support;

/// <summary>The lifecycle events raised, in order, with the instance each was raised on.</summary>
public sealed class RecordingEvents : ILifecycleEvents<RegistrationEvent>
{
    private readonly ConcurrentQueue<(string InstanceId, RegistrationEvent Event)> _raised = new();

    /// <summary>Set to make raising fail, as a store that is down would.</summary>
    public Exception? FailWith { get; set; }

    public IReadOnlyList<(string InstanceId, RegistrationEvent Event)> Raised => [.. _raised];

    public Task RaiseAsync(string instanceId, string eventId, RegistrationEvent @event, CancellationToken cancellationToken)
    {
        if (FailWith is { } failure) throw failure;
        _raised.Enqueue((instanceId, @event));
        return Task.CompletedTask;
    }
}
