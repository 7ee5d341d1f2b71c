using Microsoft.AspNetCore.Http;

namespace Registrar.Api.Http;

/// <summary>The request body as bytes, read at most up to a limit (signatures are computed over these exact bytes).</summary>
public static class RawBody
{
    /// <returns>The body, or null when it is longer than <paramref name="limit"/>.</returns>
    /// <exception cref="UnsupportedContentCodingException">The body is in a content coding this server does not decode.</exception>
    /// <exception cref="UnsupportedTransferCodingException">The body is in a transfer coding other than chunked.</exception>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        // RFC 9110 section 8.4: a coded body read as identity is not the JSON or XML it was meant as, nor what a signature covers.
        if (Codings(request.Headers.ContentEncoding).FirstOrDefault(coding => !coding.Equals("identity", StringComparison.OrdinalIgnoreCase)) is { } coding)
            throw new UnsupportedContentCodingException(coding);
        // RFC 9112 section 6.1: the server takes the chunks apart; any other transfer coding ("gzip, chunked") would be left on the body.
        if (Codings(request.Headers.TransferEncoding).FirstOrDefault(coding => !coding.Equals("chunked", StringComparison.OrdinalIgnoreCase)) is { } transfer)
            throw new UnsupportedTransferCodingException(transfer);
        if (request.ContentLength > limit) return null;

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (await ReadChunkAsync(request.Body, chunk, cancellationToken) is var read and > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IEnumerable<string> Codings(Microsoft.Extensions.Primitives.StringValues lines) =>
        lines.SelectMany(line => (line ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static async Task<int> ReadChunkAsync(Stream body, byte[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(chunk, cancellationToken);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw new UnreadableBodyException(e);
        }
    }
}
