using Registrar.Core.Lifecycle;

namespace Registrar.Orchestration.Tests;

public sealed record TicketState(string Phase, int Reminders, DateTimeOffset? DueAt, DateTimeOffset? LastEventAt, string? InvoiceNumber);

public sealed record TicketEvent(string Kind, DateTimeOffset? DueAt = null, string? Value = null);

public sealed record TicketCommand(string Kind, string? Detail = null);

/// <summary>
/// A tiny decider for testing the loop: paid → active with a reminder every 30 days; the third
/// reminder expires the ticket; a cancellation closes it. It records the instant it was given so
/// tests can see which clock the loop used.
/// </summary>
public sealed class TicketDecider : ILifecycleDecider<TicketState, TicketEvent, TicketCommand>
{
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromDays(30);

    public TicketState InitialState(string instanceId) => new("New", 0, null, null, null);

    public TicketEvent TimerDue(DateTimeOffset dueAt) => new("TimerDue", dueAt);

    public Decision<TicketState, TicketCommand> Decide(TicketState state, TicketEvent @event, DateTimeOffset now)
    {
        TicketState seen = state with { LastEventAt = now };
        switch (state.Phase, @event.Kind)
        {
            case ("New", "Paid"):
                DateTimeOffset due = now + ReminderInterval;
                return Next(seen with { Phase = "Active", DueAt = due }, new TicketCommand("IssueInvoice"), new TicketCommand("SendNotice", "welcome"));
            case (_, "InvoiceIssued"):
                return Next(seen with { InvoiceNumber = @event.Value });
            case ("Active", "TimerDue") when state.Reminders == 2:
                return Next(seen with { Phase = "Expired", Reminders = 3, DueAt = null }, new TicketCommand("Audit", "expired"));
            case ("Active", "TimerDue"):
                return Next(seen with { Reminders = state.Reminders + 1, DueAt = now + ReminderInterval },
                    new TicketCommand("SendNotice", $"reminder-{state.Reminders + 1}"));
            case ("Active", "Note"):
                return Next(seen, new TicketCommand("Audit", @event.Value));
            case (_, "Cancelled"):
                return Next(seen with { Phase = "Closed", DueAt = null }, new TicketCommand("Audit", "closed"));
            default:
                return Next(seen);
        }
    }

    public bool IsTerminal(TicketState state) => state.Phase is "Closed" or "Expired";

    private static Decision<TicketState, TicketCommand> Next(TicketState next, params TicketCommand[] commands) =>
        new(next, commands, next.DueAt);
}
