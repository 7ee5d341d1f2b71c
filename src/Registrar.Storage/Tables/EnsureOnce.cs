namespace Registrar.Storage.Tables;

/// <summary>Runs a creation step (a table, a queue) once per process; a failed attempt is forgotten so
/// the next caller tries again, e.g. after the storage service comes back.</summary>
public sealed class EnsureOnce(Func<CancellationToken, Task> create)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task RunAsync(CancellationToken ct)
    {
        if (_done) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_done) return;
            await create(ct);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
