using System.Text.Json;
using Microsoft.DurableTask.Abstractions;
using Registrar.Orchestration.Lifecycle;
using Registrar.Testing;

namespace Registrar.Functions.Tests;

/// <summary>What the Functions host reads of the lifecycle orchestration's version from host.json: new instances get the version
/// of the orchestrator code deployed, and a worker runs only instances of its version or older, leaving newer ones for a newer
/// worker rather than failing them (a deploy rolls out while older workers still run).</summary>
public sealed class OrchestrationVersionTests
{
    [Fact]
    public void Host_json_starts_orchestrations_at_the_lifecycle_version_and_leaves_newer_ones_to_newer_workers()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal(LifecycleLoopOptions.OrchestrationVersion, durable.GetProperty("defaultVersion").GetString());
        Assert.Equal("CurrentOrOlder", durable.GetProperty("versionMatchStrategy").GetString());
        Assert.Equal("Reject", durable.GetProperty("versionFailureStrategy").GetString());
    }

    [Fact]
    public void The_version_compares_as_a_number_and_instances_started_at_the_unnumbered_1_count_as_older()
    {
        var current = LifecycleLoopOptions.OrchestrationVersion;

        Assert.True(Version.TryParse(current, out _), $"'{current}' is compared as text, where \"10\" comes before \"9\".");
        Assert.True(TaskOrchestrationVersioningUtils.CompareVersions("1", current) < 0);
    }
}
