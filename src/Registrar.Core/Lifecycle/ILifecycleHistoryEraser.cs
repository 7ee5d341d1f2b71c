namespace Registrar.Core.Lifecycle;

/// <summary>UA-Pre-6: erases the personal data a host keeps in one lifecycle instance (its state, the events it applied and
/// the commands it issued): the local runtime rewrites its rows, a Durable host purges the finished orchestration's history.</summary>
public interface ILifecycleHistoryEraser
{
    Task EraseAsync(string instanceId, CancellationToken cancellationToken);
}
