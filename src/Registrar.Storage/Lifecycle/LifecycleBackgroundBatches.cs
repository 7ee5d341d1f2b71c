using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Registrar.Storage.Lifecycle;

/// <summary>
/// Carries out, in the background of this process, the batches decided by events applied outside any worker (a
/// payment posted by a bank, an operations decision), so the command queue's put, get and delete and its polling delay
/// are paid only by a batch that finds no room here (issue 16). Each batch keeps its dispatch marker until it is done or
/// queued: a crash meanwhile leaves the marker, and the sweep sends the batch again. At most
/// <see cref="LifecycleRuntimeOptions.BackgroundBatches"/> run at once and
/// <see cref="LifecycleRuntimeOptions.BackgroundBatchesWaiting"/> wait for a runner, so a bank file of thousands of credits
/// queues the rest rather than holding batches in memory beyond the markers' grace.
/// </summary>
public sealed class LifecycleBackgroundBatches<TState, TEvent, TCommand>(
    IServiceProvider services,
    IOptions<LifecycleRuntimeOptions> options,
    ILogger<LifecycleBackgroundBatches<TState, TEvent, TCommand>> logger) : IDisposable
{
    private readonly SemaphoreSlim _runners = new(options.Value.BackgroundBatches, Math.Max(1, options.Value.BackgroundBatches));
    private readonly int _room = options.Value.BackgroundBatches == 0 ? 0 : options.Value.BackgroundBatches + options.Value.BackgroundBatchesWaiting;
    private int _taken;

    /// <summary>Batches running or waiting for a runner: the runtime has not settled while any is.</summary>
    public int Unfinished => Volatile.Read(ref _taken);

    // Resolved at first use: carrying out a command applies its answer through the client that hands batches here.
    private LifecycleBatches<TState, TEvent, TCommand> Batches => services.GetRequiredService<LifecycleBatches<TState, TEvent, TCommand>>();

    /// <summary>Takes what <paramref name="followUps"/> collected: carried out by a runner when there is room, else queued.</summary>
    public void CarryOut(LifecycleFollowUps<TCommand> followUps)
    {
        if (followUps.IsEmpty) return;
        if (Interlocked.Increment(ref _taken) > _room)
        {
            Interlocked.Decrement(ref _taken);
            _ = Batches.QueueFollowUpsAsync(followUps, CancellationToken.None);
            return;
        }
        _ = Task.Run(async () =>
        {
            await _runners.WaitAsync();
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
                _runners.Release();
                Interlocked.Decrement(ref _taken);
            }
        });
    }

    public void Dispose() => _runners.Dispose();
}
