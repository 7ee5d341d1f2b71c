namespace Registrar.Core.Operations;

/// <summary>What operations must look at: held payments (UA-3.2), trademark reviews (UA-Pre-7),
/// overdue registrations (KZ-2.1), anything a rule does not resolve by itself.</summary>
public interface IReviewList
{
    /// <summary>Adds an item; adding the same id again changes nothing.</summary>
    Task AddAsync(ReviewItem item, CancellationToken cancellationToken);

    IAsyncEnumerable<ReviewItem> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>The item, open or resolved; null when none has that id.</summary>
    Task<ReviewItem?> FindAsync(string itemId, CancellationToken cancellationToken);

    /// <returns>False when no open item has that id, or another resolution of it was recorded first (resolved once).</returns>
    Task<bool> ResolveAsync(string itemId, string resolvedBy, string note, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>UA-Pre-6: rewrites the item with <paramref name="erase"/>, open or resolved; nothing when no item has that id.</summary>
    Task EraseAsync(string itemId, Func<ReviewItem, ReviewItem> erase, CancellationToken cancellationToken);
}

/// <param name="Id">Stable: the bank reference of a held payment, the command id of a flag.</param>
/// <param name="Kind">"payment", "registration", …: what <paramref name="Subject"/> names.</param>
/// <param name="Subject">The payment reference, registration id or order id the item is about.</param>
public sealed record ReviewItem(string Id, string Kind, string Subject, string Reason, string Explanation, DateTimeOffset RaisedAt,
    string? ResolvedBy = null, string? ResolutionNote = null, DateTimeOffset? ResolvedAt = null);
