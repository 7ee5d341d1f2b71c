namespace Registrar.Payments.Camt054;

/// <summary>
/// The net of a batch entry's transactions in the entry's currency. A transaction in another currency, or a debit
/// without an amount, makes the net unknowable, and then the transactions cannot be shown to account for the entry.
/// </summary>
internal sealed class BookedSum(string entryCurrency)
{
    public decimal Total { get; private set; }

    /// <summary>Why the net cannot be known, when it cannot.</summary>
    public string? Unknowable { get; private set; }

    public void Add((decimal Amount, string Currency) amount) => Apply(amount, +1);

    public void Subtract((decimal Amount, string Currency)? amount)
    {
        if (amount is null)
            Unknowable ??= "a debit without an amount";
        else
            Apply(amount.Value, -1);
    }

    private void Apply((decimal Amount, string Currency) amount, int sign)
    {
        if (!string.Equals(amount.Currency, entryCurrency, StringComparison.OrdinalIgnoreCase))
            Unknowable ??= $"a transaction in {amount.Currency}, not in the entry's {entryCurrency}";
        try
        {
            Total += sign * amount.Amount;
        }
        catch (OverflowException)
        {
            // Amounts each within xs:decimal can add up beyond what a decimal holds: that entry is unreadable, never the message.
            Unknowable ??= "amounts whose sum is beyond any amount";
        }
    }
}
