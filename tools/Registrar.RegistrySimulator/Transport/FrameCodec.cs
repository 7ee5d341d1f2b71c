using System.Buffers.Binary;

namespace Registrar.RegistrySimulator.Transport;

/// <summary>RFC 5734 framing: a 4-byte big-endian length that counts itself, then the XML.</summary>
public sealed class FrameCodec(int maxFrameBytes)
{
    private const int HeaderLength = 4;

    public int MaxFrameBytes { get; } = maxFrameBytes;

    /// <summary>The next frame's payload, or null when the peer closed the connection cleanly between frames.</summary>
    public async Task<byte[]?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        if (!await ReadExactlyOrEndAsync(stream, header, cancellationToken)) return null;

        var total = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (total <= HeaderLength || total > MaxFrameBytes)
            throw new FrameTooLargeException(total, MaxFrameBytes);

        var payload = new byte[total - HeaderLength];
        await stream.ReadExactlyAsync(payload, cancellationToken);
        return payload;
    }

    public async Task WriteAsync(Stream stream, byte[] payload, CancellationToken cancellationToken)
    {
        var frame = new byte[HeaderLength + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)frame.Length);
        payload.CopyTo(frame, HeaderLength);
        await stream.WriteAsync(frame, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                if (read == 0) return false;
                throw new EndOfStreamException($"The connection closed after {read} of the 4 length bytes.");
            }
            read += n;
        }
        return true;
    }
}

public sealed class FrameTooLargeException(uint declaredLength, int maxFrameBytes)
    : IOException($"A frame declared {declaredLength} bytes; frames must be 5 to {maxFrameBytes} bytes long including the 4-byte header.");
