using Azure.Core;
using Azure.Core.Pipeline;

namespace Registrar.Storage.Tests;

/// <summary>Holds back transactions that name its key (a partition or row key, a table's name) until released.</summary>
internal sealed class HoldTransactionsPolicy : HttpPipelinePolicy
{
    private volatile string? _key;

    public HoldTransactionsPolicy(string key) => _key = key;

    /// <summary>Holds nothing until <see cref="Arm"/>ed.</summary>
    public HoldTransactionsPolicy()
    {
    }

    public void Arm(string key) => _key = key;

    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Names(message))
        {
            Arrived.TrySetResult();
            await Release.Task;
        }
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The group commit sends asynchronously.");

    private bool Names(HttpMessage message)
    {
        if (_key is not { } key || message.Request.Content is not { } content) return false;
        using var body = new MemoryStream();
        content.WriteTo(body, default);
        return System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains(key, StringComparison.Ordinal);
    }
}
