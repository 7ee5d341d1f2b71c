namespace Registrar.Payments.Camt054;

/// <summary>
/// The net of a batch entry's transactions in the entry's currency. A transaction in another currency, or a debit
/// without an amount, makes the net unknowable, and then it is not compared with the entry.
/// </summary>
internal sealed class BookedSum(string entryCurrency)
{
    private bool _known = true;

    public decimal Total { get; private set; }

    public void Add((decimal Amount, string Currency) amount) => Apply(amount, +1);

    public void Subtract((decimal Amount, string Currency)? amount)
    {
        if (amount is null)
            _known = false;
        else
            Apply(amount.Value, -1);
    }

    public bool Differs(decimal entryAmount) => _known && Total != entryAmount;

    private void Apply((decimal Amount, string Currency) amount, int sign)
    {
        if (!string.Equals(amount.Currency, entryCurrency, StringComparison.OrdinalIgnoreCase))
            _known = false;
        Total += sign * amount.Amount;
    }
}
