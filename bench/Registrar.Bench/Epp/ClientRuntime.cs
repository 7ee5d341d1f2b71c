using System.Diagnostics;

namespace Registrar.Bench.Epp;

/// <summary>The runtime settings the EPP benchmark's own process (the ceiling and Registrar.Epp) runs with,
/// as a process that sends EPP commands one at a time should be configured. They are environment variables
/// read once at start-up, so the benchmark runs itself again as a child process with them set; set on the
/// parent they would also reach every other benchmark and the processes those start. The simulator is
/// started without them: it is the same server whatever the client is tuned for.</summary>
internal static class ClientRuntime
{
    public const string DefaultsOption = "--default-runtime";

    private static readonly (string Name, string Value, string Meaning)[] Settings =
    [
        // An answer is then read and handled on the socket event thread instead of being handed to a pool
        // thread: one thread woken per answer, as with the blocking read Net::EPP does, instead of two.
        ("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1", "socket completions inline"),
        // Idle pool threads sleep at once rather than spin for work that, one command at a time, only comes
        // back after a round trip to the registry: the spinning is CPU spent on nothing.
        ("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0", "thread pool spin limit 0"),
    ];

    public static bool IsApplied => Settings.All(s => Environment.GetEnvironmentVariable(s.Name) == s.Value);

    public static string Description => IsApplied
        ? string.Join(", ", Settings.Select(s => $"{s.Meaning} ({s.Name}={s.Value})"))
        : $"runtime defaults ({DefaultsOption})";

    /// <summary>This benchmark again, in a child process with the settings; its output is this one's.</summary>
    public static async Task<int> RunAgainWithSettingsAsync(string[] args)
    {
        var info = new ProcessStartInfo("dotnet");
        info.ArgumentList.Add(typeof(ClientRuntime).Assembly.Location);
        info.ArgumentList.Add("epp");
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value, _) in Settings) info.Environment[name] = value;
        using var child = Process.Start(info)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>Keeps the settings away from a process the benchmark starts.</summary>
    public static void Remove(ProcessStartInfo info)
    {
        foreach (var (name, _, _) in Settings) info.Environment.Remove(name);
    }
}
