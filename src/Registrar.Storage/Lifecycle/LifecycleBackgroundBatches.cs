using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Registrar.Storage.Lifecycle;

/// <summary>
/// Carries out, in the background of this process, the batches decided by events applied outside any worker (a
/// payment posted by a bank, an operations decision), so the command queue's put, get and delete and its polling delay
/// are paid only by a batch no runner is free for (issue 16). Each batch keeps its dispatch marker until it is done or
/// queued: a crash meanwhile leaves the marker, and the sweep sends the batch again. At most
/// <see cref="LifecycleRuntimeOptions.BackgroundBatches"/> run at once, so a bank file of thousands of credits queues
/// the rest rather than holding the registry sessions beyond the markers' grace.
/// </summary>
public sealed class LifecycleBackgroundBatches<TState, TEvent, TCommand>(
    IServiceProvider services,
    IOptions<LifecycleRuntimeOptions> options,
    ILogger<LifecycleBackgroundBatches<TState, TEvent, TCommand>> logger) : IDisposable
{
    private readonly SemaphoreSlim _runners = new(options.Value.BackgroundBatches, Math.Max(1, options.Value.BackgroundBatches));
    private int _running;

    /// <summary>Runners at work: the runtime has not settled while any is.</summary>
    public int Running => Volatile.Read(ref _running);

    // Resolved at first use: carrying out a command applies its answer through the client that hands batches here.
    private LifecycleBatches<TState, TEvent, TCommand> Batches => services.GetRequiredService<LifecycleBatches<TState, TEvent, TCommand>>();

    /// <summary>Takes what <paramref name="followUps"/> collected: carried out by a free runner, else queued.</summary>
    public void CarryOut(LifecycleFollowUps<TCommand> followUps)
    {
        if (followUps.IsEmpty) return;
        if (!_runners.Wait(0))
        {
            _ = Batches.QueueFollowUpsAsync(followUps, CancellationToken.None);
            return;
        }
        Interlocked.Increment(ref _running);
        _ = Task.Run(async () =>
        {
            try
            {
                await Batches.CarryOutFollowUpsAsync(followUps, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Background batches stopped; their dispatch markers send them again.");
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                _runners.Release();
            }
        });
    }

    public void Dispose() => _runners.Dispose();
}
