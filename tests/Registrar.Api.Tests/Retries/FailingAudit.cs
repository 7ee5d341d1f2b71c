using Registrar.Storage.Stores;

namespace Registrar.Api.Tests.Retries;

/// <summary>The audit log with a failure to inject between a record and its entry: the next append chosen fails as a table
/// that did not answer would, after the handler stored what it audits.</summary>
public sealed class FailingAudit<TDetails>(IAuditLog<TDetails> inner) : IAuditLog<TDetails>
{
    private Func<AuditEntry<TDetails>, bool>? _failing;

    /// <summary>The next append of an entry <paramref name="which"/> picks (any entry when null) fails, once.</summary>
    public void FailNext(Func<AuditEntry<TDetails>, bool>? which = null) => _failing = which ?? (_ => true);

    public Task AppendAsync(AuditEntry<TDetails> entry, CancellationToken ct)
    {
        FailIfChosen(entry);
        return inner.AppendAsync(entry, ct);
    }

    public Task<bool> AppendOnceAsync(AuditEntry<TDetails> entry, string cause, CancellationToken ct)
    {
        FailIfChosen(entry);
        return inner.AppendOnceAsync(entry, cause, ct);
    }

    public IAsyncEnumerable<AuditEntry<TDetails>> ReadNewestFirstAsync(string subject, int max, CancellationToken ct) =>
        inner.ReadNewestFirstAsync(subject, max, ct);

    private void FailIfChosen(AuditEntry<TDetails> entry)
    {
        if (_failing is not { } failing || !failing(entry)) return;
        _failing = null;
        throw new IOException("The audit table did not answer.");
    }
}
