using Registrar.Storage.Stores;
using Registrar.Storage.Tables;

namespace Registrar.Api.Tests.Banks;

/// <summary>The real message store, of which a test overrides the one call where the host is to stop.</summary>
internal class DelegatingBankMessageStore : IBankMessageStore
{
    public IBankMessageStore Inner { get; set; } = null!;

    public virtual Task<RecordedBankMessage> RecordAsync(BankMessageOrigin origin, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt,
        SignatureToSpend? signature, CancellationToken ct) => Inner.RecordAsync(origin, body, receivedAt, signature, ct);

    public Task<Stored<BankMessage>?> GetAsync(string messageId, CancellationToken ct) => Inner.GetAsync(messageId, ct);

    public Task<byte[]> ReadBodyAsync(BankMessage message, CancellationToken ct) => Inner.ReadBodyAsync(message, ct);

    public virtual Task<Stored<BankMessage>> MarkProcessedAsync<TOutcome>(Stored<BankMessage> current, TOutcome outcome, DateTimeOffset processedAt,
        CancellationToken ct) => Inner.MarkProcessedAsync(current, outcome, processedAt, ct);

    public Task<TOutcome> ReadOutcomeAsync<TOutcome>(BankMessage message, CancellationToken ct) => Inner.ReadOutcomeAsync<TOutcome>(message, ct);

    public IAsyncEnumerable<Stored<BankMessage>> ListUnprocessedAsync(CancellationToken ct) => Inner.ListUnprocessedAsync(ct);

    public Task<Stored<BankMessage>> ReplacePayerDataAsync(Stored<BankMessage> current, ReadOnlyMemory<byte> body, DateTimeOffset erasedAt,
        CancellationToken ct) => Inner.ReplacePayerDataAsync(current, body, erasedAt, ct);
}
