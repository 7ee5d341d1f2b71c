using Registrar.Core.Registrations;
using Registrar.Storage.Queues;

namespace Registrar.Functions;

/// <summary>The Functions app's own queues (host.json's queue settings apply to their triggers).</summary>
public static class FunctionQueues
{
    /// <summary>Registry commands waiting for an EPP session; its trigger's concurrency is matched to the
    /// registries' session caps in host.json.</summary>
    public const string RegistryCommands = "registry-commands";

    /// <summary>Where the Functions host moves a registry command whose retries ran out (its name is the host's rule).</summary>
    public const string RegistryCommandsPoison = RegistryCommands + "-poison";

    /// <summary>Events for registrations, delivered to their orchestrations by a trigger that holds a Durable client.</summary>
    public const string LifecycleEvents = "lifecycle-events";

    /// <summary>Where the Functions host moves an event whose deliveries ran out (its name is the host's rule).</summary>
    public const string LifecycleEventsPoison = LifecycleEvents + "-poison";

    public static readonly MessageContract<RegistrationCommand> RegistryCommandContract = new("registry-command", 1);
}
