using Azure;
using Microsoft.AspNetCore.Http;
using Registrar.Api.Http;

namespace Registrar.Api.Tests.Http;

public sealed class UnreadableBodyTests
{
    [Fact]
    public async Task A_body_whose_connection_breaks_while_it_is_read_is_the_clients_fault()
    {
        var request = new DefaultHttpContext().Request;
        request.Body = new BreakingStream();

        var failure = await Assert.ThrowsAsync<UnreadableBodyException>(() => RawBody.ReadAsync(request, 1024, default));

        Assert.True(UnreadableBody.Is(failure));
        Assert.True(UnreadableBody.Is(new BadHttpRequestException("bad chunk", StatusCodes.Status400BadRequest)));
    }

    [Fact]
    public void An_io_error_of_the_servers_own_storage_is_not_taken_for_an_unreadable_body()
    {
        var storageDown = new RequestFailedException("The storage did not answer.", new HttpRequestException("reset", new IOException("Connection reset by peer")));

        Assert.False(UnreadableBody.Is(storageDown));
        Assert.False(UnreadableBody.Is(new IOException("Broken pipe")));
    }

    private sealed class BreakingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("The client reset the connection.");
    }
}
