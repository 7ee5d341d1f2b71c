using System.Text.Json;
using Registrar.Core.Lifecycle;
using Registrar.Orchestration.Lifecycle;
using Registrar.Orchestration.Tests.Fakes;

namespace Registrar.Orchestration.Tests;

/// <summary>The loop over <see cref="TicketDecider"/>, run by the replaying fake, and the commands it ran.</summary>
internal sealed class TicketWorld
{
    public const string RegistrationId = "r-1001";
    public static readonly DateTime Start = new(2027, 1, 10, 9, 0, 0, DateTimeKind.Utc);

    public TicketWorld(LifecycleLoopOptions? options = null, ILifecycleDecider<TicketState, TicketEvent, TicketCommand>? decider = null)
    {
        Loop = new LifecycleLoop<TicketState, TicketEvent, TicketCommand>(decider ?? new TicketDecider(), s => s.Phase, options ?? new LifecycleLoopOptions());
    }

    public LifecycleLoop<TicketState, TicketEvent, TicketCommand> Loop { get; }

    /// <summary>Every command the activity ran, with its id, in order (repeats included).</summary>
    public List<LifecycleCommandRequest<TicketCommand>> CommandsRun { get; } = [];

    public ReplayingOrchestration<TicketState> StartWith(TicketEvent first, bool runActivities = true)
    {
        string instanceId = RegistrationInstanceId.For(RegistrationId);
        var input = LifecycleInput<TicketState, TicketEvent>.Start(first);
        return ReplayingOrchestration<TicketState>.Start(instanceId, input, Start, Loop.RunAsync, RunActivity, runActivities);
    }

    public object? RunActivity(string name, JsonElement input)
    {
        Assert.Equal(LifecycleLoopOptions.CommandActivityName, name);
        var request = input.Deserialize<LifecycleCommandRequest<TicketCommand>>(ReplayingContext.Json)!;
        CommandsRun.Add(request);
        IReadOnlyList<TicketEvent> produced = request.Command.Kind == "IssueInvoice"
            ? [new TicketEvent("InvoiceIssued", Value: $"INV-{CommandsRun.Count}")]
            : [];
        return produced;
    }
}
