using System.Collections.Concurrent;
using Registrar.Core.Registrations;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>The world at the edge of the lifecycle: records every command a host carries out, and can be
/// told to fail some (an outage of mail or of the registry queue).</summary>
public sealed class RecordingCommands
{
    private readonly ConcurrentQueue<RegistrationCommand> _carriedOut = new();
    private readonly ConcurrentDictionary<string, Func<RegistrationCommand, bool>> _failing = new();
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public void FailWhile(string registrationId, Func<RegistrationCommand, bool> failing) => _failing[registrationId] = failing;

    public void Recover(string registrationId) => _failing.TryRemove(registrationId, out _);

    public Task CarryOutAsync(RegistrationCommand command)
    {
        Interlocked.Increment(ref _attempts);
        if (_failing.TryGetValue(command.RegistrationId, out var failing) && failing(command))
            throw new InvalidOperationException($"{command.GetType().Name} is failing for this scenario");
        _carriedOut.Enqueue(command);
        return Task.CompletedTask;
    }

    public IReadOnlyList<RegistrationCommand> For(string registrationId) =>
        _carriedOut.Where(c => c.RegistrationId == registrationId).ToList();

    /// <summary>The registration's view as the latest view recorded carries it; null before any was.</summary>
    public RegistrationView? LatestView(string registrationId) =>
        For(registrationId).OfType<RecordRegistrationView>().MaxBy(r => r.Sequence)?.View;

    /// <summary>Waits until the registration has at least <paramref name="count"/> commands carried out.</summary>
    public async Task<IReadOnlyList<RegistrationCommand>> WaitForAsync(string registrationId, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var commands = For(registrationId);
            if (commands.Count >= count) return commands;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited for {count} commands of {registrationId}; got {commands.Count}: {string.Join(", ", commands.Select(c => c.GetType().Name))}.");
            await Task.Delay(25);
        }
    }
}
