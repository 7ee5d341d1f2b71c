using System.Text.Json.Serialization;

namespace Registrar.Core.Operations;

/// <summary>A bank credit as a held payment keeps it: what operations need to apply or refund it (UA-3.2).</summary>
/// <param name="CurrencyCode">As the bank reported it: a currency this registrar does not bill in is kept, to be refunded.</param>
/// <param name="BookedAt">KZ-3.5, UA-3.4: when the money arrived, which decides whether it came in time.</param>
public sealed record HeldCredit(string Reference, decimal Amount, string CurrencyCode, DateTimeOffset BookedAt);

/// <summary>A bank credit that paid nothing by itself, kept until operations apply, move or refund it, once.</summary>
/// <param name="Reason">Why the matcher held it (a <c>HoldReason</c> name).</param>
/// <param name="InvoiceNumber">The invoice the payment named, when it named exactly one that exists.</param>
/// <param name="Resolution">What operations did with it; null while it is held.</param>
/// <param name="PartsReversed">ISO 20022 <c>RvslInd</c>: the parts of the credit the bank took back while it was held; the
/// <see cref="Credit"/>'s amount is what it left (UA-3.2: only that is applied or refunded).</param>
public sealed record HeldPayment(
    HeldCredit Credit,
    string Reason,
    string Explanation,
    string? InvoiceNumber,
    DateTimeOffset HeldAt,
    HeldPaymentResolution? Resolution = null,
    IReadOnlyList<PartReversal>? PartsReversed = null)
{
    public bool IsHeld => Resolution is null;

    /// <summary>Where what came beyond an invoice's total is held when operations apply the credit under <paramref name="creditReference"/> (UA-3.2).</summary>
    public static string SurplusOf(string creditReference) => "surplus:" + creditReference;

    /// <summary>Its money is still the registrar's to account for: held, or applied toward an invoice not paid yet, where it
    /// counts. A reversal of the bank takes from it then (UA-3.2).</summary>
    public bool StillCounts => IsHeld || AwaitsInvoicePayment;

    /// <summary>Whether the bank's reversal <paramref name="reference"/> already took its part of this credit.</summary>
    public bool HasReversal(string reference) => PartsReversed?.Any(p => p.Reference == reference) == true;

    /// <summary>The credit less the part the bank took back; a part taken before is not taken twice.</summary>
    public HeldPayment LessReversed(PartReversal part) => HasReversal(part.Reference) ? this
        : this with { Credit = Credit with { Amount = Credit.Amount - part.Amount }, PartsReversed = [.. PartsReversed ?? [], part] };

    /// <summary>The invoice its money counts toward: the one operations applied it to, else, while held, the one it named.</summary>
    public string? CountsToward => Resolution switch
    {
        null => InvoiceNumber,
        { Action: HeldPaymentAction.Refunded or HeldPaymentAction.Reversed } => null,
        var applied => applied.InvoiceNumber,
    };

    /// <summary>Applied, counting toward its invoice without paying it, and not yet known to be among the credits that paid it:
    /// the invoice may still be paid in full by another credit without it (UA-3.2).</summary>
    public bool AwaitsInvoicePayment => Resolution is
    {
        Action: HeldPaymentAction.Applied or HeldPaymentAction.Moved, Pending: false, CompletedBy: null, PaidWith: null,
    };
}

public enum HeldPaymentAction
{
    /// <summary>Applied to the invoice it named.</summary>
    Applied,

    /// <summary>Applied to another invoice than the one it named (another order's, say).</summary>
    Moved,

    /// <summary>Sent back to the payer.</summary>
    Refunded,

    /// <summary>Taken back by the bank while held (ISO 20022 <c>RvslInd</c>): there is no money left to apply or refund (UA-3.2).</summary>
    Reversed,
}

/// <param name="By">The operations API client that acted; for <see cref="HeldPaymentAction.Reversed"/>, the bank.</param>
/// <param name="CompletedBy">For a held credit applied because another one made its invoice whole: that one's reference.</param>
/// <param name="Refund">For a refund: the amount sent back and the bank reference of the outgoing transfer.</param>
/// <param name="Pending">UA-3.2: an apply is kept before its invoice is paid or the credit counted toward it, and stays pending
/// until that outcome is recorded, so a crash in between leaves it for the recovery pass, never applied to nothing.</param>
/// <param name="PaidWith">For the credit whose apply pays its invoice: every credit it pays it with (itself, those applied before,
/// its companions), kept before the invoice is paid, so a credit applied at the same moment finds whether it was counted.</param>
public sealed record HeldPaymentResolution(
    HeldPaymentAction Action,
    string By,
    DateTimeOffset At,
    string Reason,
    string? InvoiceNumber = null,
    string? CompletedBy = null,
    HeldPaymentRefund? Refund = null,
    bool Pending = false,
    IReadOnlyList<string>? PaidWith = null);

/// <summary>Part of a held credit the bank took back (its reversal's reference, the amount, when the bank booked it).</summary>
public sealed record PartReversal(
    string Reference,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] decimal Amount,
    DateTimeOffset BookedAt);

/// <param name="Amount">Kept, and audited, as text ("0.50"), as money is everywhere; a refund kept before as a JSON number still reads.</param>
public sealed record HeldPaymentRefund(
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] decimal Amount,
    string CurrencyCode,
    string BankReference);
