using Registrar.Core.Tariffs;

namespace Registrar.Core.Orders;

/// <summary>
/// An invoice for an order, or for renewing one registration (<see cref="Renewal"/>). KZ-3.2, UA-1.5.3: 100 %
/// prepayment; nothing goes to a registry before it is paid in full. KZ-3.3: payable until <see cref="DueAt"/>,
/// then it lapses.
/// </summary>
/// <param name="OrderId">The order it bills; for a renewal invoice, the registration it renews (there is no order).</param>
/// <param name="Renewal">Set on a renewal invoice: its payment renews that registration instead of starting
/// registrations. Null on order invoices, including every invoice stored before renewal invoices existed.</param>
/// <param name="Cancellation">Set on an invoice cancelled: why it takes no payment.</param>
public sealed record Invoice(
    string Number,
    string OrderId,
    string CustomerId,
    Money.Money Total,
    DateTimeOffset IssuedAt,
    DateTimeOffset DueAt,
    InvoiceStatus Status,
    DateTimeOffset? PaidAt = null,
    string? PaymentReference = null,
    RenewalOf? Renewal = null,
    InvoiceCancellation? Cancellation = null)
{
    /// <summary>KZ-3.3, KZ-3.5: a payment booked after the due instant finds the invoice lapsed.</summary>
    public InvoiceStatus StatusAt(DateTimeOffset instant) =>
        Status == InvoiceStatus.Open && instant >= DueAt ? InvoiceStatus.Lapsed : Status;

    public Invoice Cancelled(DateTimeOffset at, string? renewalPaidBy, string? endingRule = null) =>
        this with { Status = InvoiceStatus.Cancelled, Cancellation = new InvoiceCancellation(at, renewalPaidBy, endingRule) };
}

/// <summary>An invoice that takes no payment from <paramref name="At"/>: UA-1.7, the renewal it billed was paid by
/// <paramref name="RenewalPaidBy"/>, an earlier invoice of the same expiry paid in its time; UA-6.1, UA-6.4, the
/// registrant's notice ends the contract before that renewal (<paramref name="EndingRule"/>), so none follows; or UA-Pre-6, the
/// customer's written erasure request (<see cref="ErasureRequestRule"/>) came while an order's invoice was open.</summary>
public sealed record InvoiceCancellation(DateTimeOffset At, string? RenewalPaidBy, string? EndingRule = null)
{
    public const string ErasureRequestRule = "UA-Pre-6";

    /// <summary>The registry renewed the domain itself (RFC 5731 section 2.3: it is the authority for expiry), so no one owes the
    /// renewal of the earlier expiry the invoice billed.</summary>
    public const string RegistryRenewedRule = "RFC 5731";

    /// <summary>The registry deleted the domain, unasked (RFC 5731 section 3.1.2), so there is nothing left to renew.</summary>
    public const string RegistryDeletedRule = "RFC 5731 section 3.1.2";

    /// <summary>The renewal round that asked for the invoice had ended when it was issued (the domain renewed, ended or left
    /// meanwhile), so it bills nothing (UA-1.7).</summary>
    public const string RoundEndedRule = "UA-1.7";

    /// <summary>Why a payment of it pays nothing, for whoever settles that money; worded now, never stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Reason => RenewalPaidBy is { } paid
        ? $"invoice {paid} paid the renewal it billed (UA-1.7)"
        : EndingRule == ErasureRequestRule
            ? $"the customer's written erasure request ended their contracts before it was paid, so the order it billed starts none ({EndingRule})"
            : EndingRule == RegistryRenewedRule
            ? "the registry moved the domain's expiry past the one it billed the renewal of, so no one owes that renewal"
            : EndingRule == RegistryDeletedRule
            ? "the registry deleted the domain, so there is nothing left to renew (RFC 5731 section 3.1.2)"
            : EndingRule == RoundEndedRule
            ? "the renewal it billed was no longer due when it was issued: the domain had been renewed, had ended or had left meanwhile (UA-1.7)"
            : $"the registrant's notice ends the contract before the renewal it billed, which no renewal follows ({EndingRule})";
}

/// <summary>What a renewal invoice renews (KZ-2.7, UA-1.10): its payment renews the registration's domain by
/// <paramref name="Years"/>, priced with <paramref name="Operation"/> (UA-1.11: the redemption tariff after expiry).</summary>
/// <param name="DomainName">The A-label (ASCII) form, as the registry knows it; the customer sees which domain the invoice renews.</param>
public sealed record RenewalOf(string RegistrationId, string DomainName, int Years, TariffOperation Operation);

public enum InvoiceStatus
{
    Open,
    Paid,
    Lapsed,

    /// <summary>It takes no payment, for the reason its <see cref="Invoice.Cancellation"/> gives: a payment of it pays nothing.</summary>
    Cancelled,
}
