using Registrar.Core.Registrations;

namespace Registrar.Orchestration.Tests.Scenarios;

/// <summary>One registration driven through a host: each step raises an event the way the product does and
/// states which commands the decision must carry out (in any order within the step, none more).</summary>
public sealed class ScenarioRun(ILifecycleHost host, string registrationId, ScenarioCalendars? calendars = null)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);
    private int _seen;

    public string RegistrationId => registrationId;

    public ILifecycleHost Host => host;

    /// <summary>The calendars the host decides on, for a scenario that withholds a year.</summary>
    public ScenarioCalendars Calendars => calendars ?? throw new InvalidOperationException("This run's host decides on the shipped calendars only.");

    public Task<IReadOnlyList<RegistrationCommand>> RaiseAsync(RegistrationEvent @event, params Type[] expected) =>
        StepAsync(() => host.RaiseAsync(registrationId, @event.EventId, @event), expected);

    /// <summary>The registry's answer to the latest registry command, raised as the registry command handler raises it.</summary>
    public Task<IReadOnlyList<RegistrationCommand>> AnswerAsync(RegistryOutcome outcome, params Type[] expected)
    {
        var asked = host.Commands.For(registrationId).Last(c => c.Route == CommandRoute.Registry);
        var eventId = "answer:" + asked.CommandId;
        return RaiseAsync(new RegistryAnswered(eventId, asked.CommandId, outcome), expected);
    }

    public async Task<IReadOnlyList<RegistrationCommand>> StepAsync(Func<Task> act, params Type[] expected)
    {
        await act();
        var all = await host.Commands.WaitForAsync(registrationId, _seen + expected.Length, StepTimeout);
        var carried = all.Skip(_seen).ToList();
        _seen = all.Count;
        Assert.Equal(expected.Select(t => t.Name).Order(), carried.Select(c => c.GetType().Name).Order());
        return carried;
    }

    /// <summary>Waits for the registration to reach <paramref name="phase"/> (and <paramref name="until"/>: a host may
    /// show a state a moment after the commands it led to), then checks that no command came after the last step.</summary>
    public async Task<RegistrationState> SettlesInAsync(RegistrationPhase phase, Func<RegistrationState, bool>? until = null)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        RegistrationState? state;
        while ((state = await host.StateAsync(registrationId)) is null || state.Phase != phase || until?.Invoke(state) == false)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{registrationId} did not reach {phase}; it is {state?.Phase.ToString() ?? "unknown"}.");
            await Task.Delay(50);
        }
        await Task.Delay(300);
        Assert.Equal(_seen, host.Commands.For(registrationId).Count);
        return state!;
    }
}
