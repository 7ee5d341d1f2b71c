using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Azure.Storage.Queues.Specialized;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registrar.Storage.Tables;

namespace Registrar.Storage.Queues;

/// <summary>Receives messages from one queue and hands each to a handler: at most
/// <see cref="QueueWorkerOptions.MaxConcurrency"/> at a time, invisible to others while handled (the
/// visibility is renewed for long work), deleted on success, moved to <c>&lt;queue&gt;-poison</c> when
/// unreadable, after <see cref="QueueWorkerOptions.MaxDequeueCount"/> deliveries the last of which failed, or after
/// <see cref="QueueWorkerOptions.MaxDequeueCountUnhandled"/> whatever became of them. On stop it takes no
/// new messages and lets those in hand finish until the host's shutdown timeout.</summary>
public sealed class QueueWorker<TMessage> : BackgroundService
{
    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(50);
    private const int MaxBatch = 32;

    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly MessageContract<TMessage> _contract;
    private readonly IQueueMessageHandler<TMessage> _handler;
    private readonly QueueWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly EnsureOnce _created;
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<string, Task> _inFlight = new();
    private readonly WakeSignal _wake;
    private readonly UnreadableMessages? _unreadable;

    /// <param name="wake">Ends the wait between polls of an empty queue early: pass the signal of this process's
    /// sender to the same queue.</param>
    /// <param name="unreadable">Where a message this worker cannot read is kept and put before operations: a poison queue's
    /// worker passes it. Null: such a message moves to this queue's poison queue, whose worker then keeps it.</param>
    public QueueWorker(QueueClient queue, MessageContract<TMessage> contract, IQueueMessageHandler<TMessage> handler,
        QueueWorkerOptions options, TimeProvider time, ILogger<QueueWorker<TMessage>> logger, WakeSignal? wake = null,
        UnreadableMessages? unreadable = null)
    {
        _wake = wake ?? new WakeSignal();
        _unreadable = unreadable;
        _queue = queue;
        _poison = queue.GetParentQueueServiceClient().GetQueueClient(StorageNamesPoison(queue.Name));
        _contract = contract;
        _handler = handler;
        _options = options;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _created = new EnsureOnce(async ct =>
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: ct);
            await _poison.CreateIfNotExistsAsync(cancellationToken: ct);
        });
    }

    /// <summary>A message is received and not yet done with (handled, then deleted or moved aside). IsEmpty, not Count: a
    /// caller polls it every few milliseconds, and Count takes every lock of the dictionary the handlers write to.</summary>
    public bool HasWorkInHand => !_inFlight.IsEmpty;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Handlers in hand are cancelled only when the host gives up waiting for them.
        await using var registration = cancellationToken.Register(() => _abort.Cancel());
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = FirstPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var held = 0;
            try
            {
                await _created.RunAsync(stoppingToken);
                await _slots.WaitAsync(stoppingToken);
                held = 1;
                while (held < MaxBatch && _slots.Wait(0)) held++;

                var woken = _wake.Next;
                QueueMessage[] messages = await _queue.ReceiveMessagesAsync(held, _options.VisibilityTimeout, stoppingToken);
                if (held > messages.Length) _slots.Release(held - messages.Length);
                held = 0;
                if (messages.Length == 0)
                {
                    await WakeSignal.IdleAsync(woken, idle, _time, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollInterval.Ticks));
                    continue;
                }
                idle = FirstPollInterval;
                foreach (var message in messages) Track(message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                if (held > 0) _slots.Release(held);
                break;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                if (held > 0) _slots.Release(held);
                _logger.LogWarning(e, "Receiving from queue {Queue} failed; retrying in {Delay}.", _queue.Name, _options.RetryDelay);
                await DelayQuietly(_options.RetryDelay, stoppingToken);
            }
        }
        await Task.WhenAll(_inFlight.Values);
    }

    private void Track(QueueMessage message)
    {
        var task = Task.Run(() => ProcessAsync(message));
        _inFlight[message.MessageId] = task;
        _ = task.ContinueWith(_ => _inFlight.TryRemove(message.MessageId, out var _), TaskScheduler.Default);
    }

    private async Task ProcessAsync(QueueMessage message)
    {
        var lease = new MessageLease(message.PopReceipt);
        try
        {
            if (message.DequeueCount > Math.Max(_options.MaxDequeueCount, _options.MaxDequeueCountUnhandled))
            {
                await MoveToPoisonAsync(message, lease, $"it was dequeued {message.DequeueCount} times without an outcome");
                return;
            }
            TMessage body;
            ActivityContext sender;
            try
            {
                body = _contract.Deserialize(message.Body.ToString(), out sender);
            }
            catch (UnreadableMessageException e)
            {
                if (_unreadable is null) await MoveToPoisonAsync(message, lease, e.Message);
                else await KeepAsync(message, lease, e.Message);
                return;
            }
            using var activity = QueueTelemetry.StartProcessing(_queue.Name, message.MessageId, message.DequeueCount, sender);
            await HandleWithRenewalAsync(message, body, lease);
            await _queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
        }
        catch (Exception e) when (!_abort.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Message {MessageId} on {Queue} failed on delivery {DequeueCount}.",
                message.MessageId, _queue.Name, message.DequeueCount);
            await AfterFailureAsync(message, lease);
        }
        catch (Exception e)
        {
            _logger.LogInformation(e, "Message {MessageId} on {Queue} abandoned at shutdown; it will be redelivered.",
                message.MessageId, _queue.Name);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task HandleWithRenewalAsync(QueueMessage message, TMessage body, MessageLease lease)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        var renewal = RenewVisibilityAsync(message.MessageId, lease, renewing.Token);
        try
        {
            await _handler.HandleAsync(body, new QueueMessageContext(message.MessageId, message.DequeueCount), _abort.Token);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }
    }

    private async Task RenewVisibilityAsync(string messageId, MessageLease lease, CancellationToken stop)
    {
        var every = _options.VisibilityTimeout / 2;
        while (true)
        {
            try
            {
                await Task.Delay(every, _time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // Not cancelled mid-request: a renewal that reached the service changed the pop receipt,
            // and the delete after the handler needs the new one.
            var receipt = await _queue.UpdateMessageAsync(messageId, lease.PopReceipt, visibilityTimeout: _options.VisibilityTimeout);
            lease.PopReceipt = receipt.Value.PopReceipt;
        }
    }

    private async Task AfterFailureAsync(QueueMessage message, MessageLease lease)
    {
        try
        {
            if (message.DequeueCount >= _options.MaxDequeueCount)
                await MoveToPoisonAsync(message, lease, $"it failed on all {message.DequeueCount} deliveries");
            else
                await _queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: _options.RetryDelay);
        }
        catch (RequestFailedException e)
        {
            _logger.LogWarning(e, "Could not release message {MessageId} on {Queue}; it reappears after its visibility timeout.",
                message.MessageId, _queue.Name);
        }
    }

    private async Task KeepAsync(QueueMessage message, MessageLease lease, string reason)
    {
        await _unreadable!.KeepAsync(_queue.Name, message.Body.ToString(), reason, CancellationToken.None);
        await _queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
    }

    private async Task MoveToPoisonAsync(QueueMessage message, MessageLease lease, string reason)
    {
        _logger.LogError("Message {MessageId} moved from {Queue} to {Poison}: {Reason}.", message.MessageId, _queue.Name, _poison.Name, reason);
        await _poison.SendMessageAsync(message.Body.ToString(), null, QueueMessageLifetime.Unlimited, CancellationToken.None);
        await _queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
    }

    private async Task DelayQuietly(TimeSpan delay, CancellationToken ct)
    {
        try { await Task.Delay(delay, _time, ct); }
        catch (OperationCanceledException) { }
    }

    private static string StorageNamesPoison(string queueName) => Configuration.StorageNames.PoisonQueue(queueName);

    private sealed class MessageLease(string popReceipt)
    {
        public volatile string PopReceipt = popReceipt;
    }
}
