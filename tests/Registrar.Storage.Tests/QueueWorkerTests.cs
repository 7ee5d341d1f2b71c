using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Registrar.Storage.Configuration;
using Registrar.Storage.Queues;
using Registrar.Storage.Stores;
using Registrar.Testing;

namespace Registrar.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueWorkerTests(AzuriteFixture azurite)
{
    public sealed record Job(string Id, int Millis);

    private static readonly MessageContract<Job> Contract = new("test.job", 1);

    private sealed class RecordingHandler(Func<Job, QueueMessageContext, Task> onHandle) : IQueueMessageHandler<Job>
    {
        public ConcurrentQueue<(string Id, long DequeueCount)> Calls { get; } = new();

        public async Task HandleAsync(Job message, QueueMessageContext context, CancellationToken ct)
        {
            Calls.Enqueue((message.Id, context.DequeueCount));
            await onHandle(message, context);
        }
    }

    private async Task<(QueueClient Queue, QueueClient Poison)> NewQueueAsync()
    {
        var clients = TestStorage.Clients(azurite);
        var queue = clients.Queue("jobs");
        await queue.CreateIfNotExistsAsync();
        return (queue, clients.Queues.GetQueueClient(StorageNames.PoisonQueue(queue.Name)));
    }

    private static QueueWorker<Job> Worker(QueueClient queue, IQueueMessageHandler<Job> handler, QueueWorkerOptions options) =>
        new(queue, Contract, handler, options, TimeProvider.System, NullLogger<QueueWorker<Job>>.Instance);

    [Fact]
    public async Task A_message_that_keeps_failing_moves_to_the_poison_queue_after_the_allowed_dequeues()
    {
        var (queue, poison) = await NewQueueAsync();
        var handler = new RecordingHandler((_, _) => throw new InvalidOperationException("always fails"));
        using var worker = Worker(queue, handler, new QueueWorkerOptions { MaxDequeueCount = 3, RetryDelay = TimeSpan.Zero });
        await queue.SendMessageAsync(Contract.Serialize(new Job("j1", 0)));

        await worker.StartAsync(default);
        await TestStorage.EventuallyAsync(async () => poison.Exists() && (await poison.PeekMessagesAsync()).Value.Length == 1,
            "the failing message reaches the poison queue");
        await worker.StopAsync(default);

        Assert.Equal([1L, 2L, 3L], handler.Calls.Select(c => c.DequeueCount));
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
        Assert.Equal(new Job("j1", 0), Contract.Deserialize((await poison.PeekMessagesAsync()).Value[0].Body.ToString()));
    }

    [Fact]
    public async Task A_sent_message_and_its_poisoned_copy_never_expire_so_an_outage_longer_than_7_days_loses_neither()
    {
        var (queue, poison) = await NewQueueAsync();
        var handler = new RecordingHandler((_, _) => throw new InvalidOperationException("always fails"));
        using var worker = Worker(queue, handler, new QueueWorkerOptions { MaxDequeueCount = 1, RetryDelay = TimeSpan.Zero });
        await new QueueSender<Job>(queue, Contract).SendAsync(new Job("j-ttl", 0), default);
        var sent = (await queue.PeekMessagesAsync()).Value;

        await worker.StartAsync(default);
        await TestStorage.EventuallyAsync(async () => poison.Exists() && (await poison.PeekMessagesAsync()).Value.Length == 1,
            "the failing message reaches the poison queue");
        await worker.StopAsync(default);
        var poisoned = (await poison.PeekMessagesAsync()).Value;

        Assert.Equal(9999, Assert.Single(sent).ExpiresOn?.Year);
        Assert.Equal(9999, Assert.Single(poisoned).ExpiresOn?.Year);
    }

    [Fact]
    public async Task A_message_a_poison_queues_worker_cannot_read_is_kept_in_a_blob_and_put_before_operations_not_moved_on()
    {
        var clients = TestStorage.Clients(azurite);
        var poisoned = clients.Queue("jobs-poison");
        await poisoned.CreateIfNotExistsAsync();
        var review = new ReviewListStore(clients);
        var unreadable = new UnreadableMessages(clients, review, TimeProvider.System, NullLogger<UnreadableMessages>.Instance);
        var handler = new RecordingHandler((_, _) => Task.CompletedTask);
        using var worker = new QueueWorker<Job>(poisoned, Contract, handler, new QueueWorkerOptions { RetryDelay = TimeSpan.Zero },
            TimeProvider.System, NullLogger<QueueWorker<Job>>.Instance, unreadable: unreadable);
        const string Text = """{"type":"test.job","version":2,"body":{"id":"j-v2"}}""";
        await poisoned.SendMessageAsync(Text);

        await worker.StartAsync(default);
        await TestStorage.EventuallyAsync(async () => await review.ListOpenAsync(default).AnyAsync(), "the unreadable message is put before operations");
        await worker.StopAsync(default);

        var item = Assert.Single(await review.ListOpenAsync(default).ToListAsync());
        Assert.Equal(("UnreadableQueueMessage", poisoned.Name), (item.Reason, item.Subject));
        Assert.DoesNotContain("j-v2", item.Explanation, StringComparison.Ordinal);
        var blob = item.Id["unreadable-message:".Length..];
        Assert.Equal(Text, (await clients.Container("unreadablemessages").GetBlobClient(blob).DownloadContentAsync()).Value.Content.ToString());
        Assert.Empty((await poisoned.PeekMessagesAsync()).Value);
        Assert.Empty((await clients.Queues.GetQueueClient(StorageNames.PoisonQueue(poisoned.Name)).PeekMessagesAsync()).Value);
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task A_message_left_by_processes_killed_mid_work_more_times_than_failures_are_allowed_is_still_handled()
    {
        var (queue, poison) = await NewQueueAsync();
        var handler = new RecordingHandler((_, _) => Task.CompletedTask);
        using var worker = Worker(queue, handler, new QueueWorkerOptions { MaxDequeueCount = 5 });
        await queue.SendMessageAsync(Contract.Serialize(new Job("survivor", 0)));
        await DequeueWithoutOutcomeAsync(queue, times: 6);

        await worker.StartAsync(default);
        await TestStorage.EventuallyAsync(async () => handler.Calls.Count == 1 && (await queue.PeekMessagesAsync()).Value.Length == 0,
            "the message is handled and deleted");
        await worker.StopAsync(default);

        Assert.Equal([("survivor", 7L)], handler.Calls);
        Assert.False(poison.Exists() && (await poison.PeekMessagesAsync()).Value.Length > 0);
    }

    [Fact]
    public async Task A_message_dequeued_without_an_outcome_past_its_limit_is_set_aside_unhandled_as_a_crash_loop()
    {
        var (queue, poison) = await NewQueueAsync();
        var handler = new RecordingHandler((_, _) => Task.CompletedTask);
        using var worker = Worker(queue, handler, new QueueWorkerOptions { MaxDequeueCount = 2, MaxDequeueCountUnhandled = 3 });
        await queue.SendMessageAsync(Contract.Serialize(new Job("crasher", 0)));
        await DequeueWithoutOutcomeAsync(queue, times: 3);

        await worker.StartAsync(default);
        await TestStorage.EventuallyAsync(async () => poison.Exists() && (await poison.PeekMessagesAsync()).Value.Length == 1,
            "the message reaches the poison queue");
        await worker.StopAsync(default);

        Assert.Empty(handler.Calls);
    }

    /// <summary>What a process killed while holding the message leaves: a dequeue, and the message visible again.</summary>
    private static async Task DequeueWithoutOutcomeAsync(QueueClient queue, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var message = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task A_message_of_an_unknown_type_or_version_goes_to_poison_without_reaching_the_handler()
    {
        var (queue, poison) = await NewQueueAsync();
        var handler = new RecordingHandler((_, _) => Task.CompletedTask);
        using var worker = Worker(queue, handler, new QueueWorkerOptions());
        await queue.SendMessageAsync(new MessageContract<Job>("test.job", 2).Serialize(new Job("j2", 0)));

        await worker.StartAsync(default);
        await TestStorage.EventuallyAsync(async () => poison.Exists() && (await poison.PeekMessagesAsync()).Value.Length == 1,
            "the unreadable message reaches the poison queue");
        await worker.StopAsync(default);

        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task Work_longer_than_the_visibility_timeout_keeps_the_message_hidden_and_is_done_once()
    {
        var (queue, _) = await NewQueueAsync();
        var handler = new RecordingHandler((job, _) => Task.Delay(job.Millis));
        // Renewed every half timeout: 3 s leaves room for a renewal delayed by a busy 2-core machine.
        using var worker = Worker(queue, handler, new QueueWorkerOptions { VisibilityTimeout = TimeSpan.FromSeconds(3), MaxConcurrency = 4 });
        await queue.SendMessageAsync(Contract.Serialize(new Job("slow", 7000)));

        await worker.StartAsync(default);
        await TestStorage.EventuallyAsync(async () => handler.Calls.Count == 1 && (await queue.PeekMessagesAsync()).Value.Length == 0
            && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the slow message is done and deleted");
        await worker.StopAsync(default);

        Assert.Equal([("slow", 1L)], handler.Calls);
    }

    [Fact]
    public async Task Stopping_lets_the_message_in_hand_finish_and_takes_no_new_ones()
    {
        var (queue, _) = await NewQueueAsync();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var finished = new ConcurrentBag<string>();
        var handler = new RecordingHandler(async (job, _) =>
        {
            started.TrySetResult();
            await release.Task;
            finished.Add(job.Id);
        });
        using var worker = Worker(queue, handler, new QueueWorkerOptions { MaxConcurrency = 1 });
        await queue.SendMessageAsync(Contract.Serialize(new Job("first", 0)));

        await worker.StartAsync(default);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await queue.SendMessageAsync(Contract.Serialize(new Job("second", 0)));
        var stopping = worker.StopAsync(default);
        release.SetResult();
        await stopping;

        Assert.Equal(["first"], finished);
        var left = (await queue.PeekMessagesAsync(10)).Value;
        Assert.Equal(["second"], left.Select(m => Contract.Deserialize(m.Body.ToString()).Id));
    }
}
