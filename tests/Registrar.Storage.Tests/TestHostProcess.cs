using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>The Registrar.Storage.TestHost process: the lifecycle runtime with the tiny decider on the
/// given Azurite and name prefix, started and killed (never stopped gracefully) by the test.</summary>
public sealed class TestHostProcess(string connectionString, string prefix) : IAsyncDisposable
{
    private ChildProcess? _process;

    public string Output => _process?.Output ?? "";

    public async Task StartAsync()
    {
        var dll = RepositoryPaths.BuiltAssembly("tests/Registrar.Storage.TestHost", "Registrar.Storage.TestHost");
        _process = ChildProcess.Start("dotnet", [dll], new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = connectionString,
            ["Storage__NamePrefix"] = prefix,
            ["Lifecycle__SweepInterval"] = "00:00:00.250",
            ["Lifecycle__RecoveryInterval"] = "00:00:02",
            ["Lifecycle__DispatchGrace"] = "00:00:02",
            ["Lifecycle__Events__VisibilityTimeout"] = "00:00:02",
            ["Lifecycle__Events__MaxPollInterval"] = "00:00:00.250",
            ["Lifecycle__Events__RetryDelay"] = "00:00:00.500",
            ["Lifecycle__Commands__VisibilityTimeout"] = "00:00:02",
            ["Lifecycle__Commands__MaxPollInterval"] = "00:00:00.250",
            ["Lifecycle__Commands__RetryDelay"] = "00:00:00.500",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_process.Output.Contains("TestHost running", StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"The test host did not start: {_process.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Ends the process at once, mid-work, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _process = null;
    }

    public ValueTask DisposeAsync() => new(KillAsync());
}
