using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registrar.Epp.Profiles;
using Registrar.LocalHost.Registrations;
using Registrar.Registry;

namespace Registrar.LocalHost.Tests;

/// <summary>The development clock's jump reaches the registries' poll at once: a .ua domain the simulator purged in the jump is
/// told to its customer then, not at the end of a poll interval of wall time (notices probe F6).</summary>
public sealed class RegistryPollWakeTests
{
    [Fact]
    public async Task A_woken_poll_drains_the_registries_at_once_rather_than_at_the_end_of_its_interval()
    {
        var drainer = new RegistryPollDrainer(null!, null!, null!, null!, Options.Create(new EppOptions()), TimeProvider.System,
            NullLogger<RegistryPollDrainer>.Instance);
        var signal = new RegistryPollSignal();
        var runs = new PollRuns();
        using var service = new RegistryPollService(drainer, signal, Options.Create(new RegistryPollOptions { Interval = TimeSpan.FromHours(1) }), runs);
        await service.StartAsync(default);

        // The service takes its wake-up before it starts waiting, on its own thread: one sent before that is for no wait.
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!runs.First.Task.IsCompleted && DateTime.UtcNow < giveUp)
        {
            signal.Wake.Wake();
            await Task.WhenAny(runs.First.Task, Task.Delay(100));
        }
        await service.StopAsync(default);

        Assert.True(runs.First.Task.IsCompleted);
    }

    private sealed class PollRuns : ILogger<RegistryPollService>
    {
        public TaskCompletionSource First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Registry poll messages taken", StringComparison.Ordinal)) First.TrySetResult();
        }
    }
}
