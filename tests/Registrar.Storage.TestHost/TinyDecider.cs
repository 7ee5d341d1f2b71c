using System.Text.Json.Serialization;
using Registrar.Core.Lifecycle;

namespace Registrar.Storage.TestHost;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Start), "start")]
[JsonDerivedType(typeof(Charged), "charged")]
[JsonDerivedType(typeof(Wake), "wake")]
[JsonDerivedType(typeof(GaveUp), "gave-up")]
public abstract record TinyEvent;

/// <summary>Begins the instance: charge, then wait <paramref name="Wait"/> after the charge is confirmed (or, with no
/// wait, notify at once: a decision taken while the charge is carried out).</summary>
public sealed record Start(TimeSpan Wait) : TinyEvent;

public sealed record Charged : TinyEvent;

public sealed record Wake(DateTimeOffset DueAt) : TinyEvent;

/// <summary>The host gave up on a command; the tiny lifecycle ignores it. Not named "Kind": that is the
/// events' type discriminator in JSON.</summary>
public sealed record GaveUp(string Command) : TinyEvent;

public sealed record TinyCommand(string Kind)
{
    public const string Charge = "charge";
    public const string Notify = "notify";
}

public enum TinyStage { New, Charging, Waiting, Done }

public sealed record TinyState(TinyStage Stage, TimeSpan Wait, DateTimeOffset? WakeAt);

/// <summary>The smallest lifecycle that exercises every runtime path: a command whose handler answers
/// with an event (charge → Charged), a timer (wait), and a terminal command (notify). Events that do not
/// fit the stage change nothing.</summary>
public sealed class TinyDecider : ILifecycleDecider<TinyState, TinyEvent, TinyCommand>
{
    public TinyState InitialState(string instanceId) => new(TinyStage.New, TimeSpan.Zero, null);

    public TinyEvent TimerDue(DateTimeOffset dueAt) => new Wake(dueAt);

    public TinyEvent CommandFailed(TinyCommand command, string reason) => new GaveUp(command.Kind);

    public bool StartsInstance(TinyEvent @event) => @event is Start;

    public string Describe(TinyState state) => state.Stage.ToString();

    /// <summary>Each kind of command happens once in an instance's life.</summary>
    public string CommandId(string instanceId, TinyCommand command) => $"{instanceId}:{command.Kind}";

    public Decision<TinyState, TinyCommand> Decide(TinyState state, TinyEvent @event, DateTimeOffset now) =>
        (state.Stage, @event) switch
        {
            (TinyStage.New, Start start) =>
                new(new TinyState(TinyStage.Charging, start.Wait, null), [new TinyCommand(TinyCommand.Charge)], null),
            (TinyStage.Charging, Charged) when state.Wait == TimeSpan.Zero =>
                new(state with { Stage = TinyStage.Done }, [new TinyCommand(TinyCommand.Notify)], null),
            (TinyStage.Charging, Charged) =>
                new(state with { Stage = TinyStage.Waiting, WakeAt = now + state.Wait }, [], now + state.Wait),
            (TinyStage.Waiting, Wake) =>
                new(state with { Stage = TinyStage.Done, WakeAt = null }, [new TinyCommand(TinyCommand.Notify)], null),
            _ => new(state, [], state.WakeAt),
        };

    public bool IsTerminal(TinyState state) => state.Stage == TinyStage.Done;
}
