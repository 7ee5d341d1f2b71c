using System.Buffers.Binary;
using Registrar.Epp.Responses;

namespace Registrar.Epp.Transport;

/// <summary>RFC 5734 section 4: each EPP frame is preceded by a 4-byte big-endian length that
/// counts the header itself.</summary>
public static class EppFraming
{
    public const int HeaderLength = 4;

    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[HeaderLength + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length);
        payload.CopyTo(frame.AsSpan(HeaderLength));
        return frame;
    }

    /// <summary>Writes header and payload in one write so they travel in one TLS record.</summary>
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Frame(payload.Span), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads one frame into an array of its own, reading no byte past it: for a peer that reads
    /// other things from the same stream (a server reading requests). A connection reads with
    /// <see cref="EppFrameReader"/>, which allocates nothing per frame.</summary>
    public static async Task<byte[]> ReadAsync(Stream stream, int maxFrameBytes, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        await ReadExactlyOrThrowAsync(stream, header, cancellationToken);
        var payload = new byte[PayloadLength(BinaryPrimitives.ReadUInt32BigEndian(header), maxFrameBytes)];
        await ReadExactlyOrThrowAsync(stream, payload, cancellationToken);
        return payload;
    }

    /// <summary>The payload's length announced by a header; a length beyond <paramref name="maxFrameBytes"/> is
    /// refused before any buffer is made for it, so a broken or hostile peer cannot exhaust memory.</summary>
    internal static int PayloadLength(uint total, int maxFrameBytes)
    {
        if (total <= HeaderLength)
            throw new EppProtocolException($"The frame header announces {total} bytes, which cannot hold an EPP message.");
        if (total > (uint)maxFrameBytes)
            throw new EppProtocolException($"The frame header announces {total} bytes, more than the {maxFrameBytes}-byte limit.");
        return (int)total - HeaderLength;
    }

    private static async ValueTask ReadExactlyOrThrowAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException e)
        {
            throw new EppConnectionException("The registry closed the connection.", e);
        }
    }
}
