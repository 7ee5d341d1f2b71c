using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Registrar.Epp.Transport;

/// <summary>Reads RFC 5734 frames from one connection into a buffer of the connection's own, kept from frame to
/// frame, so reading an answer allocates nothing. Header and payload are read together: one read of the
/// stream usually brings a whole answer (one TLS record), where reading the 4-byte header first would take
/// a second read for the payload. Bytes read past a frame are kept for the next one.</summary>
public sealed class EppFrameReader(Stream stream, int maxFrameBytes)
{
    // Most answers fit; a larger one grows the buffer, which goes back to this size once it has been read.
    private const int InitialCapacity = 4096;
    private byte[] _buffer = new byte[InitialCapacity];
    private int _start;
    private int _end;

    /// <summary>The next frame's payload, valid until the next read.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken)
    {
        MakeRoom();
        // One loop in one method: the read that waits for the answer then costs one suspended method, not two.
        var frameLength = 0;
        while (frameLength == 0 || _end - _start < frameLength)
        {
            if (frameLength == 0 && _end - _start >= EppFraming.HeaderLength)
            {
                frameLength = EppFraming.HeaderLength +
                              EppFraming.PayloadLength(BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start)), maxFrameBytes);
                EnsureCapacity(frameLength);
                continue;
            }
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0) throw new EppConnectionException("The registry closed the connection.", new EndOfStreamException());
            _end += read;
        }
        var payload = _buffer.AsMemory(_start + EppFraming.HeaderLength, frameLength - EppFraming.HeaderLength);
        _start += frameLength;
        return payload;
    }

    /// <summary>Between frames (the last payload handed out is no longer in use): the bytes left over move to
    /// the front, and a buffer grown for a large frame is let go.</summary>
    private void MakeRoom()
    {
        var left = _end - _start;
        if (_buffer.Length > InitialCapacity && left <= InitialCapacity)
        {
            var small = new byte[InitialCapacity];
            _buffer.AsSpan(_start, left).CopyTo(small);
            _buffer = small;
        }
        else if (_start > 0) _buffer.AsSpan(_start, left).CopyTo(_buffer);
        _start = 0;
        _end = left;
    }

    private void EnsureCapacity(int frameLength)
    {
        if (frameLength <= _buffer.Length) return;
        var larger = new byte[frameLength];
        _buffer.AsSpan(0, _end).CopyTo(larger);
        _buffer = larger;
    }
}
