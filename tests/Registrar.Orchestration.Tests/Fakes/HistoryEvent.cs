namespace Registrar.Orchestration.Tests.Fakes;

/// <summary>
/// One entry of an orchestration's durable history, as a Durable Task backend keeps it: the input,
/// what the orchestrator scheduled, and what came back. Payloads are stored as JSON, as they are
/// in Azure Storage, so whatever the loop carries must round-trip through the serializer.
/// </summary>
public abstract record HistoryEvent;

public sealed record ExecutionStarted(string InputJson) : HistoryEvent;

/// <summary>Starts an episode: the orchestrator's clock reads <paramref name="At"/> until the next one.</summary>
public sealed record OrchestratorStarted(DateTime At) : HistoryEvent;

public sealed record ActivityScheduled(int TaskId, string Name, string InputJson, string Retry) : HistoryEvent;

public sealed record ActivityCompleted(int TaskId, string ResultJson) : HistoryEvent;

public sealed record TimerCreated(int TaskId, DateTime FireAt) : HistoryEvent;

public sealed record TimerFired(int TaskId) : HistoryEvent;

public sealed record EventRaised(string Name, string PayloadJson) : HistoryEvent;
