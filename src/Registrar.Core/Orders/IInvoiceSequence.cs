namespace Registrar.Core.Orders;

/// <summary>
/// Hands out invoice sequence numbers: 1, 2, 3 … within one series and month, never the same twice.
/// A number is taken for one order, so asking again for the same order (a retry after a crash) gets
/// the same number, and an order that could not be stored gives its number back: a sequential
/// invoice series has no gaps from failed orders.
/// </summary>
public interface IInvoiceSequence
{
    /// <returns>The number taken for <paramref name="orderKey"/>: the next one, or the one it already holds.</returns>
    Task<int> TakeAsync(string series, int year, int month, string orderKey, CancellationToken cancellationToken);

    /// <summary>Gives back the number <paramref name="orderKey"/> took, when no later number was taken meanwhile.</summary>
    /// <returns>False when a later number was taken, so this one stays spent (operations see it by its order key).</returns>
    Task<bool> ReleaseAsync(string series, int year, int month, string orderKey, CancellationToken cancellationToken);
}
