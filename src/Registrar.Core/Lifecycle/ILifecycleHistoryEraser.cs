namespace Registrar.Core.Lifecycle;

/// <summary>UA-Pre-6: erases the personal data a host keeps in one lifecycle instance (its state, the events it applied and
/// the commands it issued): the local runtime rewrites its rows, a Durable host purges the finished orchestration's history.</summary>
public interface ILifecycleHistoryEraser
{
    /// <returns>True once the instance keeps no personal data (erased now, or nothing kept); false while the host cannot erase
    /// them yet (a Durable orchestration that has not finished, whose history cannot be purged), so the erasure stays due.</returns>
    Task<bool> EraseAsync(string instanceId, CancellationToken cancellationToken);
}
