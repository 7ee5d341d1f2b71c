namespace Registrar.Core.Orders;

/// <summary>Hands out invoice sequence numbers: 1, 2, 3 … within one series and month, never the same twice.</summary>
public interface IInvoiceSequence
{
    Task<int> NextAsync(string series, int year, int month, CancellationToken cancellationToken);
}
