using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Registrar.Core.Persistence;
using Registrar.Core.Registrations;
using Registrar.Functions.Lifecycle;
using Registrar.Orchestration.Lifecycle;
using Registrar.Orchestration.Tests.Scenarios;

namespace Registrar.Orchestration.Tests;

/// <summary>The orchestration's custom status stays within Durable's 16 KB, which the isolated extension enforces by failing the
/// orchestration, and a status written while it held the whole state is still read.</summary>
public sealed class LifecycleStatusTests
{
    private const int ManyFailed = 200;

    [Fact]
    public async Task Custom_status_stays_within_durables_16_KB_when_many_commands_failed()
    {
        await using var host = await DurableLifecycleHost.StartAsync(LifecycleHosts.Decider);
        var owing = new RegistrationState("owing-1", RegistrationPhase.Registered, LifecycleScenarios.Order(),
            FailedCommands: [.. Enumerable.Range(1, ManyFailed).Select(LargeFailedCommand)]);
        var instanceId = RegistrationInstanceId.For("owing-1");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(RegistrationOrchestrator.Name,
            new LifecycleInput<RegistrationState, RegistrationEvent, RegistrationCommand>(owing, DateTimeOffset.UtcNow.AddYears(1), [], [], 1, "Registered"),
            new StartOrchestrationOptions(instanceId) { Version = LifecycleLoopOptions.OrchestrationVersion });

        var written = await WrittenStatusAsync(host, instanceId);

        Assert.True(written.Length <= LifecycleStatus.MaxJsonLength, $"The status is {written.Length} characters.");
        var status = JsonSerializer.Deserialize<LifecycleStatus>(written, StoredJson.Options)!;
        Assert.Equal(("Registered", ManyFailed, LifecycleStatus.MaxOwedShown), (status.Description, status.OwedCount, status.Owed!.Count));
        Assert.Equal(new OwedCommand(nameof(FlagForOperations), "owing-1-1"), status.Owed[0]);
    }

    [Fact]
    public void A_status_stays_within_durables_16_KB_whatever_text_it_is_given()
    {
        // Non-ASCII text is written as six-character escapes: the worst case of every part at once.
        var text = new string('ж', 20_000);
        var status = LifecycleStatus.Of(text, DateTimeOffset.MaxValue, false, text, text, [.. Enumerable.Range(1, 1000).Select(_ => new OwedCommand(text, text))]);

        Assert.True(JsonSerializer.Serialize(status, StoredJson.Options).Length <= LifecycleStatus.MaxJsonLength);
    }

    [Fact]
    public void A_status_written_with_the_whole_state_by_the_release_before_is_still_read()
    {
        var earlier = new EarlierStatus("Registered", new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero), false,
            new RegistrationState("earlier-1", RegistrationPhase.Registered, LifecycleScenarios.Order(), FailedCommands: [LargeFailedCommand(1)]),
            "Deciding failed: no calendar for this year", "1");

        var read = JsonSerializer.Deserialize<LifecycleStatus>(JsonSerializer.Serialize(earlier, StoredJson.Options), StoredJson.Options)!;

        Assert.Equal(new LifecycleStatus(earlier.Description, earlier.WakeAt, false, earlier.Problem, "1"), read);
    }

    /// <summary>A flag the host gave up on, as large as a notice with a long postal address.</summary>
    private static FlagForOperations LargeFailedCommand(int count) =>
        new(RegistrationIds.Command("owing-1", count), "owing-1", new string('x', 600));

    private static async Task<string> WrittenStatusAsync(DurableLifecycleHost host, string instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var instance = await host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance?.SerializedCustomStatus is { } written) return written;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{instanceId} wrote no status.");
            await Task.Delay(50);
        }
    }

    /// <summary>The custom status as the release before wrote it: the whole state in it.</summary>
    private sealed record EarlierStatus(string Description, DateTimeOffset? WakeAt, bool Terminal, RegistrationState? State, string? Problem, string? Version);
}
