namespace Registrar.Core.Registry;

/// <summary>The registry gateway's read side: is a name free at its registry right now (EPP domain:check).</summary>
public interface IRegistryAvailability
{
    /// <param name="zone">The zone all <paramref name="asciiNames"/> belong to.</param>
    /// <exception cref="RegistryUnavailableException">The registry could not be asked.</exception>
    Task<IReadOnlyDictionary<string, Availability>> CheckAsync(string zone, IReadOnlyList<string> asciiNames, CancellationToken cancellationToken);
}

/// <param name="Reason">The registry's reason when the name is not available (e.g. "In use").</param>
public sealed record Availability(bool IsAvailable, string? Reason);

public sealed class RegistryUnavailableException(string registry, Exception inner)
    : Exception($"Registry '{registry}' could not be reached: {inner.Message}", inner);
