using System.Collections.Concurrent;
using System.Diagnostics;
using Registrar.Core.Telemetry;
using Registrar.Storage.TestHost;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

/// <summary>One trace follows an event through the lifecycle runtime: the engine's decision, the command queue,
/// and the command's answer applied as the next event.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TraceContextTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_event_its_commands_and_the_answer_they_raise_share_the_senders_trace_across_the_command_queue()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Registrar.", StringComparison.Ordinal) || source.Name == nameof(TraceContextTests),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource(nameof(TraceContextTests));
        // The command queue's hop is what this follows: no background runner takes the start's batch.
        await using var runtime = await RuntimeHarness.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Lifecycle:BackgroundBatches"] = "0" });

        ActivityTraceId trace;
        using (var sender = source.StartActivity("bank notification", ActivityKind.Server)!)
        {
            trace = sender.TraceId;
            await runtime.Client.SendAsync("traced-1", "start", new Start(TimeSpan.FromDays(1)), default);
        }
        await TestStorage.EventuallyAsync(async () => await runtime.StageAsync("traced-1") == TinyStage.Waiting, "charged and waiting");
        // A queue's consumer span ends after its handler's span, once the message is deleted: wait for both.
        await TestStorage.EventuallyAsync(() => Task.FromResult(Applied(spans, "traced-1").Count() >= 2
            && spans.Any(s => s.TraceId == trace && s.Kind == ActivityKind.Consumer && s.DisplayName.Contains("commands", StringComparison.Ordinal))),
            "both events applied and the command queue's span ended");

        var ours = spans.Where(s => s.TraceId == trace).ToList();
        Assert.Equal(2, ours.Count(s => s.Source.Name == RegistrarTelemetry.Lifecycle.Name && Tag(s, "registrar.lifecycle.instance") == "traced-1"));
        Assert.All(Applied(spans, "traced-1"), s => Assert.Equal(trace, s.TraceId));
        var answer = Applied(spans, "traced-1").Single(s => Tag(s, "registrar.lifecycle.event_id") != "start");
        var delivery = ours.Single(s => s.Kind == ActivityKind.Consumer && s.DisplayName.Contains("commands", StringComparison.Ordinal));
        // The charge's answer is applied inside the delivery that charged.
        Assert.Equal(delivery.SpanId, answer.ParentSpanId);
    }

    private static IEnumerable<Activity> Applied(IEnumerable<Activity> spans, string instance) =>
        spans.Where(s => s.Source.Name == RegistrarTelemetry.Lifecycle.Name && Tag(s, "registrar.lifecycle.instance") == instance);

    private static string? Tag(Activity span, string name) => span.GetTagItem(name) as string;
}
