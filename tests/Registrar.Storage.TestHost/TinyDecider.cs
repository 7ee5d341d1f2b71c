using System.Text.Json.Serialization;
using Registrar.Core.Lifecycle;

namespace Registrar.Storage.TestHost;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Start), "start")]
[JsonDerivedType(typeof(Charged), "charged")]
[JsonDerivedType(typeof(Wake), "wake")]
[JsonDerivedType(typeof(GaveUp), "gave-up")]
[JsonDerivedType(typeof(Postpone), "postpone")]
public abstract record TinyEvent;

/// <summary>Begins the instance: charge, then wait <paramref name="Wait"/> after the charge is confirmed (or, with no
/// wait, notify at once: a decision taken while the charge is carried out). <paramref name="Shown"/>: each decision
/// also shows its stage, and a later show makes an earlier one needless. <paramref name="WakesBehind"/>: each of the first
/// that many wake-ups sets the next one a tick before itself, due at once, as a lifecycle whose clock jumped past several
/// steps catches up on them.</summary>
public sealed record Start(TimeSpan Wait, bool Shown = false, int WakesBehind = 0) : TinyEvent;

public sealed record Charged : TinyEvent;

public sealed record Wake(DateTimeOffset DueAt) : TinyEvent;

/// <summary>Moves a waiting instance's wake-up later: its earlier wake-up is superseded.</summary>
public sealed record Postpone(TimeSpan By) : TinyEvent;

/// <summary>The host gave up on a command; the tiny lifecycle ignores it. Not named "Kind": that is the
/// events' type discriminator in JSON.</summary>
public sealed record GaveUp(string Command) : TinyEvent;

public sealed record TinyCommand(string Kind)
{
    public const string Charge = "charge";
    public const string Notify = "notify";
    public const string ShowPrefix = "show:";

    public static TinyCommand Show(TinyStage stage) => new(ShowPrefix + stage.ToString().ToLowerInvariant());

    public bool IsShow => Kind.StartsWith(ShowPrefix, StringComparison.Ordinal);
}

public enum TinyStage { New, Charging, Waiting, Done }

public sealed record TinyState(TinyStage Stage, TimeSpan Wait, DateTimeOffset? WakeAt, bool Shown = false, int WakesBehind = 0);

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

    public bool Supersedes(TinyCommand later, TinyCommand earlier) => later.IsShow && earlier.IsShow;

    public Decision<TinyState, TinyCommand> Decide(TinyState state, TinyEvent @event, DateTimeOffset now)
    {
        var decision = Next(state, @event, now);
        return decision.State.Shown && decision.State.Stage != state.Stage
            ? decision with { Commands = [.. decision.Commands, TinyCommand.Show(decision.State.Stage)] }
            : decision;
    }

    private static Decision<TinyState, TinyCommand> Next(TinyState state, TinyEvent @event, DateTimeOffset now) =>
        (state.Stage, @event) switch
        {
            (TinyStage.New, Start start) =>
                new(new TinyState(TinyStage.Charging, start.Wait, null, start.Shown, start.WakesBehind), [new TinyCommand(TinyCommand.Charge)], null),
            (TinyStage.Charging, Charged) when state.Wait == TimeSpan.Zero =>
                new(state with { Stage = TinyStage.Done }, [new TinyCommand(TinyCommand.Notify)], null),
            (TinyStage.Charging, Charged) =>
                new(state with { Stage = TinyStage.Waiting, WakeAt = now + state.Wait }, [], now + state.Wait),
            (TinyStage.Waiting, Postpone postpone) when state.WakeAt is { } wakeAt =>
                new(state with { WakeAt = wakeAt + postpone.By }, [], wakeAt + postpone.By),
            (TinyStage.Waiting, Wake wake) when state.WakesBehind > 0 =>
                new(state with { WakeAt = wake.DueAt.AddTicks(-1), WakesBehind = state.WakesBehind - 1 }, [], wake.DueAt.AddTicks(-1)),
            (TinyStage.Waiting, Wake) =>
                new(state with { Stage = TinyStage.Done, WakeAt = null }, [new TinyCommand(TinyCommand.Notify)], null),
            _ => new(state, [], state.WakeAt),
        };

    public bool IsTerminal(TinyState state) => state.Stage == TinyStage.Done;
}
