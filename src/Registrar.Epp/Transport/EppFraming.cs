using System.Buffers;
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

    /// <summary>Reads one frame into an array of its own.</summary>
    public static async Task<byte[]> ReadAsync(Stream stream, int maxFrameBytes, CancellationToken cancellationToken)
    {
        using var frame = await ReadRentedAsync(stream, new byte[HeaderLength], maxFrameBytes, cancellationToken);
        return frame.Payload.ToArray();
    }

    /// <summary>Reads one frame into a buffer rented from the shared pool; <paramref name="header"/> is the
    /// caller's own 4-byte buffer, reused frame after frame. A length beyond <paramref name="maxFrameBytes"/>
    /// is refused before anything is rented for it, so a broken or hostile peer cannot exhaust memory.</summary>
    public static async ValueTask<RentedFrame> ReadRentedAsync(Stream stream, byte[] header, int maxFrameBytes,
        CancellationToken cancellationToken)
    {
        await ReadExactlyOrThrowAsync(stream, header.AsMemory(0, HeaderLength), cancellationToken);
        var length = PayloadLength(BinaryPrimitives.ReadUInt32BigEndian(header), maxFrameBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await ReadExactlyOrThrowAsync(stream, buffer.AsMemory(0, length), cancellationToken);
            return new RentedFrame(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static int PayloadLength(uint total, int maxFrameBytes)
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
