namespace Registrar.Testing.YearInAMinute;

/// <summary>One customer's domain in the run: the order's invoice, the expiry the registry first gave it, and the
/// moments its customer looks at their invoices.</summary>
public sealed class YearDomain(YearCustomer customer, string registrationId, string orderInvoice, string orderAmount)
{
    private readonly Queue<DateTimeOffset> _looks = new();

    public YearCustomer Customer { get; } = customer;

    public string RegistrationId { get; } = registrationId;

    public string OrderInvoice { get; } = orderInvoice;

    public string OrderAmount { get; } = orderAmount;

    public DateTimeOffset? FirstExpiry { get; private set; }

    public bool HasPaid { get; private set; }

    public DateTimeOffset? NextLook => _looks.Count > 0 ? _looks.Peek() : null;

    /// <summary>On time: a day after the 30-day invoice, and again at the next reminders should it have been missed.
    /// Late: a .kz customer once the invoice lapsed (3 banking days before expiry, KZ-2.7) but before expiry; a .ua
    /// customer two days after expiry, with the redemption invoice (UA-1.11).</summary>
    public void Registered(DateTimeOffset? expiry)
    {
        FirstExpiry = expiry;
        if (expiry is not { } at) return;
        var hour = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        var looks = Customer.Habit switch
        {
            Habit.PaysOnTime => [hour.AddDays(-29), hour.AddDays(-13), hour.AddDays(-6)],
            Habit.PaysLate when Customer.IsKz => [hour.AddHours(-12)],
            Habit.PaysLate => [hour.AddDays(2)],
            _ => Array.Empty<DateTimeOffset>(),
        };
        foreach (var look in looks) _looks.Enqueue(look);
    }

    public void Looked() => _looks.Dequeue();

    public void Paid()
    {
        HasPaid = true;
        _looks.Clear();
    }
}

/// <param name="BankAnswer">What the bank endpoint answered (applied, or held and why).</param>
public sealed record YearPayment(string CustomerId, string InvoiceNumber, DateTimeOffset PaidAt, DateTimeOffset DueAt, string BankAnswer);

public sealed record YearReport(YearPlan Plan, IReadOnlyList<YearDomain> Domains, IReadOnlyList<YearPayment> Payments, TimeSpan WallTime, DateTimeOffset EndedAt, int Steps,
    YearPhases Phases);

/// <summary>Where the wall time went.</summary>
/// <param name="Orders">Orders placed, paid by bank file, registered at the registry and their trademarks approved.</param>
/// <param name="Payments">Customers reading their renewal invoices and paying them, until the lifecycle settled.</param>
/// <param name="ClockSteps">The operations clock moved and what fell due (timers, invoices, notices, deletions) settled.</param>
public sealed class YearPhases
{
    public TimeSpan Orders { get; set; }

    public TimeSpan Payments { get; set; }

    public TimeSpan ClockSteps { get; set; }
}
