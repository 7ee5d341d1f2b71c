using System.Collections.Concurrent;

namespace Registrar.RegistrySimulator.Commands;

/// <summary>How many times each command type was executed, so tests can prove "created exactly once".</summary>
public sealed class CommandStatistics
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string commandName) => _counts.AddOrUpdate(commandName, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts.ToDictionary(), StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
