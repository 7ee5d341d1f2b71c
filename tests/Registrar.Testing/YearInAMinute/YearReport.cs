namespace Registrar.Testing.YearInAMinute;

/// <summary>One customer's domain in the run: the order's invoice, and the expiry the registry first gave it.</summary>
public sealed class YearDomain(YearCustomer customer, string registrationId, string orderInvoice, string orderAmount)
{
    private bool _latePaymentTried;

    public YearCustomer Customer { get; } = customer;

    public string RegistrationId { get; } = registrationId;

    public string OrderInvoice { get; } = orderInvoice;

    public string OrderAmount { get; } = orderAmount;

    public DateTimeOffset? FirstExpiry { get; set; }

    /// <summary>A late .kz payer tries once, with the first lapsed invoice they see.</summary>
    public bool LatePaymentTried()
    {
        if (_latePaymentTried) return false;
        _latePaymentTried = true;
        return true;
    }
}

/// <param name="BankAnswer">What the bank endpoint answered (applied, or held and why).</param>
public sealed record YearPayment(string CustomerId, string InvoiceNumber, DateTimeOffset PaidAt, DateTimeOffset DueAt, string BankAnswer);

public sealed record YearReport(YearPlan Plan, IReadOnlyList<YearDomain> Domains, IReadOnlyList<YearPayment> Payments, TimeSpan WallTime, DateTimeOffset EndedAt);
