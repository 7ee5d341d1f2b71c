using Azure.Core;
using Azure.Core.Pipeline;
using Registrar.Storage.Configuration;
using Registrar.Storage.Metering;

namespace Registrar.Storage.Tests;

public sealed class TransactionBodyTests
{
    [Fact]
    public void A_transactions_body_is_written_once_for_metering_the_emulator_rules_and_the_transport()
    {
        var meter = new StorageMeter();
        var message = HttpPipelineBuilder.Build(new TestClientOptions()).CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:10002/devstoreaccount1/$batch"));
        var body = new CountingContent("--changeset\r\nPOST http://127.0.0.1:10002/devstoreaccount1/orders HTTP/1.1\r\n\r\n"
            + "{\"PartitionKey\":\"p\",\"RowKey\":\"1\"}\r\n--changeset--\r\n");
        message.Request.Content = body;

        new StorageMeteringPolicy(meter, StorageService.Table).OnSendingRequest(message);
        new EmulatorTransactionRulesPolicy().OnSendingRequest(message);
        using var sent = new MemoryStream();
        message.Request.Content!.WriteTo(sent, CancellationToken.None);

        Assert.Equal(1, body.Writes);
        Assert.Equal(body.Bytes, sent.ToArray());
        Assert.Equal(new Dictionary<string, long> { ["table orders"] = 1 }, meter.SnapshotByResource());
    }

    private sealed class TestClientOptions : ClientOptions;

    private sealed class CountingContent(string text) : RequestContent
    {
        public byte[] Bytes { get; } = System.Text.Encoding.UTF8.GetBytes(text);

        public int Writes { get; private set; }

        public override void WriteTo(Stream stream, CancellationToken cancellation)
        {
            Writes++;
            stream.Write(Bytes);
        }

        public override Task WriteToAsync(Stream stream, CancellationToken cancellation)
        {
            WriteTo(stream, cancellation);
            return Task.CompletedTask;
        }

        public override bool TryComputeLength(out long length)
        {
            length = Bytes.Length;
            return true;
        }

        public override void Dispose()
        {
        }
    }
}
