using Registrar.Core.Calendars;
using Registrar.Core.Customers;
using Registrar.Core.Deadlines;
using Registrar.Core.Lifecycle;
using Registrar.Core.Money;
using Registrar.Core.Registrations;
using Registrar.Core.Zones;

namespace Registrar.Core.Tests.Registrations;

/// <summary>Drives one registered domain through the real decider and the embedded zone settings and calendars,
/// the way a host does: events in, commands out, the timer delivered at the decision's wake-up.</summary>
public sealed class RegisteredDomain
{
    /// <summary>The embedded zone settings and calendars the decider reads by default.</summary>
    public static readonly ZoneDeadlines Schedule = new(ZoneCatalog.LoadEmbedded(), BusinessCalendars.LoadEmbedded());

    private RegistrationDecider _decider = new(Schedule);
    private int _events;

    private RegisteredDomain(RegistrationState state, DateTimeOffset? wakeAt)
    {
        State = state;
        WakeAt = wakeAt;
    }

    public RegistrationState State { get; private set; }

    public DateTimeOffset? WakeAt { get; private set; }

    public List<RegistrationCommand> Sent { get; } = [];

    /// <summary>The customer's views the decisions recorded, in order.</summary>
    public List<RegistrationView> Views { get; } = [];

    /// <summary>A domain of <paramref name="zone"/> registered at the registry with <paramref name="expiry"/>, ordered by
    /// <paramref name="customerId"/> with <paramref name="contactEmail"/>, for the registry contact H-1 (described by
    /// <paramref name="registrant"/> when the order gave its data).</summary>
    public static RegisteredDomain Expiring(string zone, DateTimeOffset expiry, string customerId = "cust-1", string contactEmail = "owner@example.test",
        RegistrantData? registrant = null)
    {
        var order = new RegistrationOrder("order-1", customerId, $"example.{zone}", $"example.{zone}", zone, 1, contactEmail,
            "H-1", registrant, TechnicalContact.Registrant, false, null, "en");
        var domain = new RegisteredDomain(new RegistrationState("reg-1", RegistrationPhase.AwaitingPayment), null);
        var paidAt = expiry.AddYears(-1);
        domain.Raise(new RegistrationPaid("paid", order, paidAt), paidAt);
        domain.Answer(new DomainCreated(expiry), paidAt);
        domain.Sent.Clear();
        return domain;
    }

    /// <summary>A registration of <paramref name="order"/> just paid at <paramref name="paidAt"/>, with what it asked for in <see cref="Sent"/>.</summary>
    public static RegisteredDomain Paid(RegistrationOrder order, DateTimeOffset paidAt)
    {
        var domain = new RegisteredDomain(new RegistrationState("reg-1", RegistrationPhase.AwaitingPayment), null);
        domain.Raise(new RegistrationPaid("paid", order, paidAt), paidAt);
        return domain;
    }

    /// <summary>The same registration, as <paramref name="change"/> makes its state: for states no event of this driver reaches.</summary>
    public RegisteredDomain With(Func<RegistrationState, RegistrationState> change) => new(change(State), WakeAt);

    /// <summary>The hosts start again on <paramref name="calendars"/> (a calendar file was published): later decisions count on them.</summary>
    public void StartWith(BusinessCalendars calendars) => StartWith(new ZoneDeadlines(ZoneCatalog.LoadEmbedded(), calendars));

    /// <summary>The hosts start again on <paramref name="schedule"/> (operations loaded changed zone settings).</summary>
    public void StartWith(IRegistrationSchedule schedule) => _decider = new(schedule);

    public IReadOnlyList<RegistrationCommand> Raise(RegistrationEvent @event, DateTimeOffset now)
    {
        var decision = _decider.Decide(State, @event, now);
        State = decision.State;
        WakeAt = decision.WakeAt;
        var effects = decision.Commands.Where(c => c is not RecordRegistrationView).ToList();
        Sent.AddRange(effects);
        Views.AddRange(decision.Commands.OfType<RecordRegistrationView>().Select(r => r.View));
        return effects;
    }

    public IReadOnlyList<RegistrationCommand> Answer(RegistryOutcome outcome, DateTimeOffset now) =>
        Raise(new RegistryAnswered($"answer-{++_events}", State.AwaitedCommandId!, outcome), now);

    /// <summary>Delivers the timer at its wake-up (or <paramref name="late"/> after it), as long as it comes no later than
    /// <paramref name="until"/>; the invoice a decision asks for is issued at once, as the billing host does.</summary>
    public void LiveUntil(DateTimeOffset until, TimeSpan late = default)
    {
        while (WakeAt is { } wake && wake + late <= until && !_decider.IsTerminal(State))
        {
            var now = wake + late;
            var commands = Raise(_decider.TimerDue(wake), now);
            foreach (var invoice in commands.OfType<IssueRenewalInvoice>()) IssueInvoice(invoice, now);
        }
    }

    public IReadOnlyList<RegistrationCommand> IssueInvoice(IssueRenewalInvoice invoice, DateTimeOffset now) =>
        Raise(new RenewalInvoiceIssued("answer:" + invoice.CommandId, invoice.CommandId, $"INV-{invoice.CommandId}",
            Money.Money.Of(9000m, Currency.Kzt), invoice.DueAt), now);

    public IReadOnlyList<RegistrationCommand> PayCurrentInvoice(DateTimeOffset now, string? number = null)
    {
        var invoice = number ?? State.Renewal.InvoiceNumber!;
        return Raise(new RenewalPaid("renewal-paid:" + invoice, invoice, 1, now), now);
    }

    public IEnumerable<SendNotice> Notices(NoticeKind kind) => Sent.OfType<SendNotice>().Where(n => n.Kind == kind);

    public bool IsTerminal => _decider.IsTerminal(State);
}
